import type { ReportContent, ReportSection } from '../../model/report-model.js';
import type { ReportWriter } from '../layout/writer.js';
import { note, openSection } from './common.js';

const NUMBER_ROOM = 40;
const ROW_GAP = 9;

/**
 * Keeps room for the contents: one row per listed section. The page numbers are only known once
 * the whole report is laid out, so `fillTableOfContents` draws into this room at the end.
 */
export function renderTableOfContents(writer: ReportWriter, _content: ReportContent, section: ReportSection): void {
  openSection(writer, section);
  const entries = writer.contents.listed;
  if (entries.length === 0) {
    note(writer, 'This report has no sections to list.');
    return;
  }
  const style = { ...writer.theme.text.body, size: 10.5 };
  for (const entry of entries) {
    const block = writer.layout(entry.title, style, writer.width - NUMBER_ROOM);
    const height = block.height + ROW_GAP;
    const y = writer.ensure(height);
    writer.contents.slots.push({ entry, block, placement: { page: writer.page, y }, height });
    writer.advance(height);
  }
  writer.gap(writer.theme.space.block);
}

/** Draws each contents row: title, a dotted leader, the page its heading is on, and a link to it. */
export function fillTableOfContents(writer: ReportWriter): void {
  const { doc, theme } = writer;
  for (const slot of writer.contents.slots) {
    const placement = slot.entry.placement;
    if (!placement) continue;
    doc.switchToPage(slot.placement.page);
    const { block, height } = slot;
    const top = slot.placement.y;
    writer.drawText(block, writer.left, top);
    const number = writer.layout(String(placement.page + 1), { ...theme.text.body, size: 10.5, weight: 'semibold' }, NUMBER_ROOM);
    writer.drawText(number, writer.right - NUMBER_ROOM, top + block.height - number.height, { width: NUMBER_ROOM, align: 'right' });
    const lastLine = block.lines.at(-1);
    const leaderStart = writer.left + (lastLine?.width ?? 0) + 6;
    const leaderEnd = writer.right - number.width - 6;
    const leaderY = top + block.height - block.lineHeight / 2 + block.size * 0.3;
    if (leaderEnd > leaderStart) {
      doc.save();
      doc.moveTo(leaderStart, leaderY).lineTo(leaderEnd, leaderY).lineWidth(0.8).lineCap('round').dash(0.1, { space: 3 }).stroke(theme.faint);
      doc.restore();
    }
    doc.goTo(writer.left, top, writer.width, height - ROW_GAP / 2, slot.entry.destination);
  }
}
