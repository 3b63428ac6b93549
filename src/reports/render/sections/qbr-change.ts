import type { ResultStateDto } from '../../../scorecards/dto/client-scorecard.dto.js';
import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { formatChange, formatDate, formatScore } from '../format.js';
import { DIRECTION_LABELS, RESULT_STATUS_LABELS } from '../labels.js';
import { badgeCell } from '../layout/badge.js';
import { drawTable, type Cell } from '../layout/table.js';
import type { ReportWriter } from '../layout/writer.js';
import { tint } from '../theme.js';
import { note, openSection } from './common.js';

function state(result: ResultStateDto | null): string {
  if (result === null) return 'Not evaluated';
  const label = RESULT_STATUS_LABELS[result.status];
  return result.status === 'partial' && result.fraction !== null ? `${label} (${Math.round(result.fraction * 100)}%)` : label;
}

/** How the score and each control moved since the last QBR, improvements and regressions apart. */
export function renderQbrChange(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  const { scorecard, sinceQbr } = content;
  openSection(writer, section);

  if (scorecard.lastQbr === null) {
    const previous = scorecard.change.previousRun;
    note(writer, `No quarterly review has been marked for ${scorecard.client.name} yet, so there is no review to compare with.`);
    writer.paragraph(
      previous === null
        ? `The score is ${formatScore(scorecard.score)}; there is no earlier evaluation with a score to compare it with.`
        : `Since the previous evaluation the score moved ${formatChange(previous)}, to ${formatScore(scorecard.score)} now.`,
    );
    return;
  }

  const change = scorecard.change.sinceQbr;
  const colour = change === null || change === 0 ? theme.ink : change > 0 ? theme.positive : theme.negative;
  writer.paragraph(
    [
      { text: `${formatScore(scorecard.score)} now`, weight: 'bold' },
      { text: `, ${formatScore(scorecard.lastQbr.score)} at the review on ${formatDate(scorecard.lastQbr.reviewedAt)} ` },
      { text: `(${formatChange(change)})`, weight: 'bold', color: colour },
    ],
    { ...theme.text.body, size: 12 },
    { keepWithNext: true },
  );

  if (sinceQbr === null) {
    note(writer, 'There is no evaluation from before the review to compare control by control.');
    return;
  }
  if (sinceQbr.changes.length === 0) {
    note(writer, `No control changed its result between the evaluation of ${formatDate(sinceQbr.from.evaluatedAt)} and this one.`);
    return;
  }
  const improved = sinceQbr.changes.filter((item) => item.direction === 'improved').length;
  const regressed = sinceQbr.changes.filter((item) => item.direction === 'regressed').length;
  writer.paragraph(
    `${sinceQbr.changes.length} ${sinceQbr.changes.length === 1 ? 'control' : 'controls'} changed between the evaluation of ${formatDate(sinceQbr.from.evaluatedAt)} and ${formatDate(sinceQbr.to.evaluatedAt)}: ${improved} improved, ${regressed} regressed.`,
    { ...theme.text.body, color: theme.muted },
    { keepWithNext: true },
  );
  const directionStyle = (direction: string) =>
    direction === 'improved'
      ? { fill: tint(theme.positive, 0.14), color: theme.positive }
      : direction === 'regressed'
        ? { fill: tint(theme.negative, 0.14), color: theme.negative }
        : { fill: theme.track, color: theme.muted };
  const rows = sinceQbr.changes.map((item): Cell[] => {
    const emphasis = item.direction === 'improved' ? theme.positive : item.direction === 'regressed' ? theme.negative : theme.ink;
    return [
      item.name,
      { text: state(item.from), style: { color: theme.muted } },
      { text: state(item.to), style: { color: emphasis, weight: 'semibold' } },
      badgeCell(writer, DIRECTION_LABELS[item.direction], directionStyle(item.direction)),
    ];
  });
  drawTable(writer, {
    columns: [
      { header: 'Control', width: 1 },
      { header: 'At the review', width: 'fit' },
      { header: 'Now', width: 'fit' },
      { header: 'Change', width: 'fit' },
    ],
    rows,
  });
}
