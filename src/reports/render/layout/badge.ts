import type { Weight } from '../fonts.js';
import type { DrawnCell } from './table.js';
import type { Align, ReportWriter } from './writer.js';

export interface BadgeStyle {
  fill: string;
  color: string;
  size?: number;
  weight?: Weight;
}

const PAD_X = 0.75;
const HEIGHT = 1.75;

/** The size of a pill-shaped label, to place it before drawing. */
export function badgeSize(writer: ReportWriter, text: string, style: BadgeStyle): { width: number; height: number } {
  const size = style.size ?? 7.5;
  const width = writer.text.widthOf(text, { size, weight: style.weight ?? 'semibold', color: style.color, leading: 1 });
  return { width: width + 2 * PAD_X * size, height: HEIGHT * size };
}

/** A pill-shaped label (grade, severity, status) with its top-left at (x, y); returns its width. */
export function drawBadge(writer: ReportWriter, text: string, x: number, y: number, style: BadgeStyle): number {
  const size = style.size ?? 7.5;
  const { width, height } = badgeSize(writer, text, style);
  writer.doc.roundedRect(x, y, width, height, height / 2).fill(style.fill);
  const block = writer.layout(text, { size, weight: style.weight ?? 'semibold', color: style.color, leading: HEIGHT }, width);
  writer.drawText(block, x, y, { width, align: 'center' });
  return width;
}

/** A badge placed in a box by alignment, as in a table cell. */
export function drawBadgeIn(writer: ReportWriter, text: string, box: { x: number; y: number; width: number }, align: Align, style: BadgeStyle): void {
  const { width } = badgeSize(writer, text, style);
  const x = align === 'right' ? box.x + box.width - width : align === 'center' ? box.x + (box.width - width) / 2 : box.x;
  drawBadge(writer, text, x, box.y, style);
}

/** A badge as a table cell. */
export function badgeCell(writer: ReportWriter, text: string, style: BadgeStyle): DrawnCell {
  const { width, height } = badgeSize(writer, text, style);
  return { width, height, draw: (box, align) => drawBadgeIn(writer, text, box, align, style) };
}
