import type { QbrMarkDto, TrendPointDto } from '../../../scorecards/dto/client-scorecard.dto.js';
import { gradeFor } from '../../../scoring/scoring.js';
import { formatDay, formatScore } from '../format.js';
import type { ReportWriter } from '../layout/writer.js';
import { tint } from '../theme.js';
import { gradeRanges, linearScale, segments, timeTicks } from './geometry.js';

export interface TrendChartOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  points: readonly TrendPointDto[];
  marks: readonly QbrMarkDto[];
}

const DAY = 86_400_000;
const PAD = { left: 24, right: 16, top: 18, bottom: 18 };

/**
 * The score over time: grade bands as faint backgrounds, one point per evaluation joined by a line
 * (broken where a run had no score), and each QBR as a labelled dashed line.
 */
export function drawTrendChart(writer: ReportWriter, options: TrendChartOptions): void {
  const { doc, theme } = writer;
  const plot = { left: options.x + PAD.left, right: options.x + options.width - PAD.right, top: options.y + PAD.top, bottom: options.y + options.height - PAD.bottom };
  const times = [...options.points.map((point) => Date.parse(point.evaluatedAt)), ...options.marks.map((mark) => Date.parse(mark.reviewedAt))];
  let from = Math.min(...times);
  let to = Math.max(...times);
  if (to - from < DAY) {
    from -= DAY;
    to += DAY;
  }
  // Points at the ends sit a little inside the plot, not on its edges.
  const inset = 8;
  const xOf = linearScale([from, to], [plot.left + inset, plot.right - inset]);
  const yOf = linearScale([0, 100], [plot.bottom, plot.top]);

  for (const band of gradeRanges()) {
    doc.rect(plot.left, yOf(band.to), plot.right - plot.left, yOf(band.from) - yOf(band.to)).fill(tint(theme.grade[band.grade], 0.07));
    const letter = writer.layout(band.grade, { ...theme.text.caption, weight: 'semibold', color: theme.grade[band.grade] });
    const middle = (yOf(band.from) + yOf(band.to)) / 2;
    writer.drawText(letter, plot.right + 5, middle - letter.height / 2);
  }
  for (const value of [0, 20, 40, 60, 80, 100]) {
    const y = yOf(value);
    doc.moveTo(plot.left, y).lineTo(plot.right, y).lineWidth(value === 0 ? 0.8 : 0.35).stroke(value === 0 ? theme.faint : theme.rule);
    const label = writer.layout(String(value), theme.text.caption);
    writer.drawText(label, plot.left - 5 - label.width, y - label.height / 2);
  }

  const maxTicks = Math.max(2, Math.floor((plot.right - plot.left) / 62));
  for (const tick of timeTicks(from, to, maxTicks)) {
    const x = xOf(tick.time);
    doc.moveTo(x, plot.bottom).lineTo(x, plot.bottom + 3).lineWidth(0.6).stroke(theme.faint);
    const label = writer.layout(tick.label, theme.text.caption);
    writer.drawText(label, x - label.width / 2, plot.bottom + 4);
  }

  // QBR marks, labels staggered when two reviews are close together.
  let lastLabelRight = -Infinity;
  let row = 0;
  for (const mark of options.marks.toSorted((a, b) => Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt))) {
    const x = xOf(Date.parse(mark.reviewedAt));
    doc.save();
    doc.moveTo(x, plot.top - 2).lineTo(x, plot.bottom).lineWidth(0.9).dash(3, { space: 2.5 }).stroke(theme.primary);
    doc.restore();
    const label = writer.layout(`QBR ${formatDay(mark.reviewedAt)}`, { ...theme.text.caption, weight: 'semibold', color: theme.primary });
    const left = Math.min(Math.max(x - label.width / 2, options.x), options.x + options.width - label.width);
    row = left < lastLabelRight + 4 ? 1 - row : 0;
    writer.drawText(label, left, options.y + (row === 0 ? 0 : -label.height) + 2);
    lastLabelRight = left + label.width;
  }

  const scored = options.points.filter((point) => point.score !== null);
  doc.save();
  for (const run of segments(options.points, (point) => point.score)) {
    run.forEach((point, index) => {
      const x = xOf(Date.parse(point.evaluatedAt));
      const y = yOf(point.score!);
      if (index === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    if (run.length > 1) doc.lineWidth(1.8).lineJoin('round').stroke(theme.primary);
  }
  doc.restore();
  for (const point of scored) {
    const colour = theme.grade[point.grade ?? gradeFor(point.score!)];
    doc.circle(xOf(Date.parse(point.evaluatedAt)), yOf(point.score!), 2.6).lineWidth(1).fillAndStroke(colour, '#ffffff');
  }
  // The latest score above its point, on a white patch so no line runs through it.
  const last = scored.at(-1);
  if (last) {
    const label = writer.layout(formatScore(last.score), { ...theme.text.small, weight: 'bold', color: theme.ink });
    const x = xOf(Date.parse(last.evaluatedAt));
    const y = yOf(last.score!);
    const left = Math.min(Math.max(x - label.width / 2, plot.left + 2), plot.right - label.width - 2);
    const top = y - label.height - 4 < plot.top ? y + 5 : y - label.height - 4;
    doc.roundedRect(left - 2, top + 1, label.width + 4, label.height - 2, 2).fill('#ffffff');
    writer.drawText(label, left, top);
  }
}
