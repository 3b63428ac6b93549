import { RESULT_STATUSES } from '../../../controls/evaluators/evaluator.js';
import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { drawGauge, gaugeHeight } from '../charts/gauge.js';
import { formatPoints } from '../format.js';
import { RESULT_STATUS_LABELS } from '../labels.js';
import type { ReportWriter } from '../layout/writer.js';
import { note, openSection, total } from './common.js';

const GAUGE_WIDTH = 236;
const COLUMN_GAP = 28;
const ROW = 14.5;

/** The score gauge beside the count of controls per result and the points behind the score. */
export function renderScore(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { doc, theme } = writer;
  const { scorecard } = content;
  openSection(writer, section);

  const listLeft = writer.left + GAUGE_WIDTH + COLUMN_GAP;
  const listWidth = writer.right - listLeft;
  const listHeight = 14 + RESULT_STATUSES.length * ROW + 10 + 30;
  const height = Math.max(gaugeHeight(GAUGE_WIDTH), listHeight);
  writer.block(height, (top) => {
    drawGauge(writer, { x: writer.left, y: top, width: GAUGE_WIDTH, score: scorecard.score, grade: scorecard.grade });

    const listTop = top + Math.max(0, (height - listHeight) / 2);
    const heading = writer.layout(`Controls by result (${total(scorecard.counts)} evaluated)`, theme.text.label, listWidth);
    writer.drawText(heading, listLeft, listTop);
    RESULT_STATUSES.forEach((status, index) => {
      const rowTop = listTop + 14 + index * ROW;
      if (index % 2 === 0) doc.rect(listLeft, rowTop, listWidth, ROW).fill(theme.zebra);
      doc.circle(listLeft + 8, rowTop + ROW / 2, 3.2).fill(theme.status[status]);
      const count = scorecard.counts[status];
      const style = { ...theme.text.table, color: count === 0 ? theme.faint : theme.ink };
      const label = writer.layout(RESULT_STATUS_LABELS[status], style, listWidth - 60);
      writer.drawText(label, listLeft + 18, rowTop + (ROW - label.height) / 2);
      const value = writer.layout(String(count), { ...style, weight: 'semibold' }, 40);
      writer.drawText(value, listLeft + listWidth - 48, rowTop + (ROW - value.height) / 2, { width: 40, align: 'right' });
    });
    const pointsTop = listTop + 14 + RESULT_STATUSES.length * ROW + 10;
    const label = writer.layout('Points earned', theme.text.label, listWidth);
    writer.drawText(label, listLeft, pointsTop);
    const points = writer.layout(
      [
        { text: formatPoints(scorecard.earnedPoints), weight: 'bold' },
        { text: ` of ${formatPoints(scorecard.possiblePoints)} possible points`, color: theme.muted },
      ],
      { ...theme.text.body, size: 11 },
      listWidth,
    );
    writer.drawText(points, listLeft, pointsTop + label.height + 2);
  });
  writer.gap(theme.space.block);
  if (scorecard.score === null) {
    note(writer, 'Not scored: no evaluated control counts towards the score. Every control was either not applicable, covered by an accepted risk, or left out for lack of evidence, so there is nothing to score yet.');
  }
}
