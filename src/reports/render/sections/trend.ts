import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { drawTrendChart } from '../charts/line-chart.js';
import { formatDate, formatScore } from '../format.js';
import type { ReportWriter } from '../layout/writer.js';
import { note, openSection } from './common.js';

const CHART_HEIGHT = 172;

/** The score over time as a line chart, with the QBRs marked; a sentence when there is no line to draw. */
export function renderTrend(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  const { trend } = content;
  openSection(writer, section);
  const scored = trend.points.filter((point) => point.score !== null);
  if (scored.length < 2) {
    note(
      writer,
      scored.length === 0
        ? 'There is no scored evaluation in this period yet, so there is no trend to show.'
        : `There is only one scored evaluation in this period (${formatScore(scored[0]!.score)} on ${formatDate(scored[0]!.evaluatedAt)}), so there is no trend to show yet.`,
    );
    return;
  }
  writer.block(CHART_HEIGHT, (top) => drawTrendChart(writer, { x: writer.left, y: top, width: writer.width, height: CHART_HEIGHT, points: trend.points, marks: trend.qbrMarks }));
  const first = scored[0]!;
  const last = scored.at(-1)!;
  const gaps = trend.points.length - scored.length;
  writer.gap(8);
  writer.paragraph(
    `${trend.points.length} evaluations from ${formatDate(first.evaluatedAt)} (${formatScore(first.score)}) to ${formatDate(last.evaluatedAt)} (${formatScore(last.score)}).` +
      (trend.qbrMarks.length > 0 ? ' Dashed lines mark the quarterly reviews.' : '') +
      (gaps > 0 ? ` ${gaps} ${gaps === 1 ? 'evaluation had' : 'evaluations had'} no score and ${gaps === 1 ? 'leaves a gap' : 'leave gaps'} in the line.` : ''),
    theme.text.small,
  );
  for (const mark of trend.qbrMarks) {
    if (mark.note) writer.paragraph([{ text: `Review of ${formatDate(mark.reviewedAt)}: `, weight: 'semibold' }, { text: mark.note }], theme.text.small);
  }
}
