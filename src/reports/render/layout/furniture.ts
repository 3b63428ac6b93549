import type { ReportWriter } from './writer.js';

export interface Furniture {
  /** Running header: the report's title. */
  header: string;
  /** The branding's footer text, or the MSP's name. */
  footer: string;
}

/**
 * Running header, footer and "Page 3 of 12" on every page but the cover. Drawn last, over the
 * buffered pages, because the page count is only known once everything is laid out.
 */
export function drawPageFurniture(writer: ReportWriter, furniture: Furniture): void {
  const { doc, theme, geometry } = writer;
  const count = writer.pageCount;
  const header = writer.layout(furniture.header, theme.text.caption, writer.width * 0.75, { maxLines: 1 });
  const headerRule = geometry.margin.top - 20;
  const footerRule = geometry.height - geometry.margin.bottom + 22;
  for (let page = 0; page < count; page++) {
    if (writer.isCover(page)) continue;
    doc.switchToPage(page);
    writer.drawText(header, writer.left, headerRule - 4 - header.height);
    doc.moveTo(writer.left, headerRule).lineTo(writer.right, headerRule).lineWidth(0.5).stroke(theme.rule);

    doc.moveTo(writer.left, footerRule).lineTo(writer.right, footerRule).lineWidth(0.5).stroke(theme.rule);
    const number = writer.layout(`Page ${page + 1} of ${count}`, { ...theme.text.caption, weight: 'semibold' });
    writer.drawText(number, writer.right - number.width, footerRule + 5);
    const footer = writer.layout(furniture.footer, theme.text.caption, writer.width - number.width - 24, { maxLines: 1 });
    writer.drawText(footer, writer.left, footerRule + 5);
  }
}
