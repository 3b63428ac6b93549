import type { ReportWriter } from '../layout/writer.js';
import { drawBadge } from '../layout/badge.js';
import type { BadgeStyle } from '../layout/badge.js';

/** One tile of a row of key figures: a label, a big value, and a line of context. */
export interface KeyFigure {
  label: string;
  value: string;
  valueColor?: string;
  badge?: { text: string; style: BadgeStyle };
  detail: string;
}

const GAP = 10;
const PADDING = 9;

/** A row of tiles for the figures a reader takes away: kept on one page, all tiles the same height. */
export function drawKeyFigures(writer: ReportWriter, figures: readonly KeyFigure[]): void {
  const { theme } = writer;
  const width = (writer.width - GAP * (figures.length - 1)) / figures.length;
  const inner = width - 2 * PADDING;
  const laid = figures.map((figure) => ({
    figure,
    label: writer.layout(figure.label, theme.text.label, inner, { maxLines: 2 }),
    value: writer.layout(figure.value, { ...theme.text.figure, color: figure.valueColor ?? theme.ink }, inner, { maxLines: 1 }),
    detail: writer.layout(figure.detail, theme.text.caption, inner, { maxLines: 2 }),
  }));
  const labelHeight = Math.max(...laid.map((tile) => tile.label.height));
  const valueHeight = Math.max(...laid.map((tile) => tile.value.height));
  const detailHeight = Math.max(...laid.map((tile) => tile.detail.height));
  const height = PADDING * 2 + labelHeight + 4 + valueHeight + 4 + detailHeight;
  writer.block(height, (top) => {
    laid.forEach((tile, index) => {
      const x = writer.left + index * (width + GAP);
      writer.doc.roundedRect(x, top, width, height, 4).fill(theme.primaryFaint);
      writer.doc.rect(x, top + 8, 2.5, height - 16).fill(theme.accent);
      writer.drawText(tile.label, x + PADDING, top + PADDING);
      const valueTop = top + PADDING + labelHeight + 4;
      writer.drawText(tile.value, x + PADDING, valueTop);
      if (tile.figure.badge) {
        const badgeHeight = (tile.figure.badge.style.size ?? 7.5) * 1.75;
        drawBadge(writer, tile.figure.badge.text, x + PADDING + tile.value.width + 7, valueTop + (valueHeight - badgeHeight) / 2 + 1, tile.figure.badge.style);
      }
      writer.drawText(tile.detail, x + PADDING, valueTop + valueHeight + 4);
    });
  });
  writer.gap(theme.space.block);
}
