import { formatPercent } from '../format.js';
import type { Box } from '../layout/table.js';
import type { ReportWriter } from '../layout/writer.js';

/** A small bar of a share 0..1 with its percentage beside it, sized for a table cell. */
export function drawCoverageBar(writer: ReportWriter, box: Box, fraction: number): void {
  const { doc, theme } = writer;
  const text = writer.layout(formatPercent(fraction), theme.text.table);
  const textRoom = writer.text.widthOf('100%', theme.text.table) + 6;
  const barWidth = Math.max(16, Math.min(70, box.width - textRoom));
  const barHeight = 5;
  const barTop = box.y + (box.height - barHeight) / 2;
  doc.roundedRect(box.x, barTop, barWidth, barHeight, barHeight / 2).fill(theme.track);
  const filled = barWidth * Math.max(0, Math.min(1, fraction));
  if (filled > 0.5) doc.roundedRect(box.x, barTop, filled, barHeight, barHeight / 2).fill(theme.accent);
  writer.drawText(text, box.x + barWidth + 6, box.y + (box.height - text.height) / 2);
}
