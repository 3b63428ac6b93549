import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { formatChange, formatDate, formatScore } from '../format.js';
import type { ReportWriter } from '../layout/writer.js';
import { openSection, total } from './common.js';
import { drawKeyFigures, type KeyFigure } from './key-figures.js';

/** The template's text, the four figures that matter, then the summary in plain language. */
export function renderExecutiveSummary(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  const { scorecard } = content;
  openSection(writer, section);

  const sinceQbr = scorecard.lastQbr !== null;
  const change = sinceQbr ? scorecard.change.sinceQbr : scorecard.change.previousRun;
  const critical = scorecard.controls.filter((control) => control.severity === 'critical').length;
  const failingCritical = scorecard.failingCritical.length;
  const evaluated = total(scorecard.counts);
  const figures: KeyFigure[] = [
    {
      label: 'Security score',
      value: formatScore(scorecard.score),
      valueColor: scorecard.grade ? theme.grade[scorecard.grade] : theme.muted,
      badge: scorecard.grade ? { text: scorecard.grade, style: { fill: theme.grade[scorecard.grade], color: '#ffffff', size: 9, weight: 'bold' } } : undefined,
      detail: scorecard.score === null ? 'No control counts towards the score' : 'out of 100',
    },
    {
      label: sinceQbr ? 'Since the last review' : 'Since the last evaluation',
      value: formatChange(change),
      valueColor: change === null || change === 0 ? theme.ink : change > 0 ? theme.positive : theme.negative,
      detail: sinceQbr && scorecard.lastQbr
        ? `${formatScore(scorecard.lastQbr.score)} at the review on ${formatDate(scorecard.lastQbr.reviewedAt)}`
        : change === null ? 'No earlier score to compare' : 'No review marked yet',
    },
    {
      label: 'Critical controls failing',
      value: String(failingCritical),
      valueColor: failingCritical > 0 ? theme.negative : theme.positive,
      detail: `of ${critical} critical ${critical === 1 ? 'control' : 'controls'}`,
    },
    {
      label: 'Controls passing',
      value: String(scorecard.counts.pass),
      detail: `of ${evaluated} evaluated`,
    },
  ];
  drawKeyFigures(writer, figures);
  writer.paragraphs(content.summary);
}
