import type { Grade } from '../../../scoring/scoring.js';
import { formatScore } from '../format.js';
import type { ReportWriter } from '../layout/writer.js';
import { gradeRanges, linearScale } from './geometry.js';

export interface Bar {
  label: string;
  score: number | null;
  grade: Grade | null;
}

const ROW = 19;
const BAR = 10;
const AXIS = 16;

export function barChartHeight(bars: number): number {
  return bars * ROW + AXIS;
}

/** Horizontal bars of scores 0–100 in grade colours, with the grade boundaries marked. */
export function drawBarChart(writer: ReportWriter, options: { x: number; y: number; width: number; bars: readonly Bar[] }): void {
  const { doc, theme } = writer;
  const labelWidth = Math.min(options.width * 0.3, Math.max(...options.bars.map((bar) => writer.text.widthOf(bar.label, theme.text.table))) + 12);
  const valueRoom = 34;
  const left = options.x + labelWidth;
  const right = options.x + options.width - valueRoom;
  const xOf = linearScale([0, 100], [left, right]);
  const bottom = options.y + options.bars.length * ROW;

  const rows = options.bars.map((bar, index) => ({ bar, top: options.y + index * ROW, barTop: options.y + index * ROW + (ROW - BAR) / 2 }));
  for (const { bar, top, barTop } of rows) {
    const label = writer.layout(bar.label, theme.text.table, labelWidth - 12, { maxLines: 1 });
    writer.drawText(label, options.x, top + (ROW - label.height) / 2);
    doc.roundedRect(left, barTop, right - left, BAR, 2).fill(theme.track);
  }
  // Grade boundaries behind the bars, so bars and values are drawn over them.
  for (const boundary of gradeRanges().slice(1).map((band) => band.from)) {
    const x = xOf(boundary);
    doc.save();
    doc.moveTo(x, options.y).lineTo(x, bottom).lineWidth(0.6).dash(1.5, { space: 2 }).stroke(theme.faint);
    doc.restore();
  }
  for (const { bar, top, barTop } of rows) {
    if (bar.score === null || bar.grade === null) {
      const none = writer.layout('No data', { ...theme.text.caption, color: theme.muted });
      doc.rect(left + 3, barTop, none.width + 6, BAR).fill(theme.track);
      writer.drawText(none, left + 6, barTop + (BAR - none.height) / 2);
      continue;
    }
    const end = xOf(Math.max(0, Math.min(100, bar.score)));
    if (end - left > 0.5) doc.roundedRect(left, barTop, end - left, BAR, 2).fill(theme.grade[bar.grade]);
    const value = writer.layout(formatScore(bar.score), { ...theme.text.table, weight: 'semibold' });
    // The track drawn again under the value keeps the boundary lines out of its digits.
    const patchEnd = Math.min(right, end + value.width + 7);
    if (patchEnd > end + 3) doc.rect(end + 3, barTop, patchEnd - end - 3, BAR).fill(theme.track);
    writer.drawText(value, end + 5, top + (ROW - value.height) / 2);
  }
  for (const value of [0, ...gradeRanges().map((band) => band.to)]) {
    const label = writer.layout(String(value), theme.text.caption);
    writer.drawText(label, xOf(value) - label.width / 2, bottom + 3);
  }
}
