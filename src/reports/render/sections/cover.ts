import { formatDate } from '../format.js';
import type { ReportWriter } from '../layout/writer.js';
import type { ReportContent, ReportSection } from '../../model/report-model.js';

const LOGO_BOX = { width: 190, height: 64 };

/** The cover: a page of its own, branded, with no running header or page number. */
export function renderCover(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { doc, theme, geometry } = writer;
  const { branding, scorecard } = content;
  writer.flush();
  writer.startPage({ cover: true });
  const entry = writer.contents.current;
  entry.placement = { page: writer.page, y: 0 };
  doc.addNamedDestination(entry.destination, 'XYZ', 0, 0, null);

  const left = writer.left;
  const width = writer.width;
  // The logo (or the MSP's name) on white paper, where logos are designed to sit.
  const logoTop = 58;
  if (branding.logo) {
    const scale = Math.min(LOGO_BOX.width / branding.logo.width, LOGO_BOX.height / branding.logo.height, 1.5);
    const logoHeight = branding.logo.height * scale;
    doc.image(branding.logo.data, left, logoTop + (LOGO_BOX.height - logoHeight) / 2, { width: branding.logo.width * scale, height: logoHeight });
  } else {
    const name = writer.layout(branding.name, { ...theme.text.h1, size: 22 }, width * 0.7, { maxLines: 2 });
    writer.drawText(name, left, logoTop + (LOGO_BOX.height - name.height) / 2);
  }

  // The band: report title and the client's name, very large, on the brand colour.
  const bandTop = 178;
  const padding = 34;
  const title = writer.layout(section.title, { ...theme.text.coverTitle, color: '#ffffff' }, width, { maxLines: 2 });
  // The client's name in full: smaller type for a long name rather than cutting it.
  const client = [34, 28, 24, 20]
    .map((size) => writer.layout(scorecard.client.name, { ...theme.text.coverClient, size }, width, { maxLines: size === 20 ? 5 : undefined }))
    .find((block) => block.lines.length <= 3 || block.size === 20)!;
  const bandHeight = Math.max(230, padding * 2 + title.height + 18 + client.height);
  doc.rect(0, bandTop, geometry.width, bandHeight).fill(theme.primary);
  doc.rect(0, bandTop + bandHeight, geometry.width, 6).fill(theme.accent);
  const textTop = bandTop + bandHeight - padding - client.height - 18 - title.height;
  writer.drawText(title, left, textTop);
  doc.rect(left, textTop + title.height + 7, 36, 3).fill(theme.accent);
  writer.drawText(client, left, textTop + title.height + 18);

  // The facts of the review, two by two under the band.
  const facts: [string, string][] = [
    ['Prepared by', branding.name],
    ['Review period', `${formatDate(content.period.from)} – ${formatDate(content.period.to)}`],
    ['Evaluated', formatDate(scorecard.run.evaluatedAt)],
    ['Baseline', scorecard.client.baseline ?? 'No baseline'],
  ];
  const column = (width - 24) / 2;
  let rowTop = bandTop + bandHeight + 6 + 34;
  for (let index = 0; index < facts.length; index += 2) {
    const row = facts.slice(index, index + 2).map(([label, value]) => ({
      label: writer.layout(label, theme.text.label, column),
      value: writer.layout(value, { ...theme.text.body, size: 11, weight: 'semibold' }, column),
    }));
    row.forEach((fact, position) => {
      const x = left + position * (column + 24);
      writer.drawText(fact.label, x, rowTop);
      writer.drawText(fact.value, x, rowTop + fact.label.height + 2);
    });
    rowTop += Math.max(...row.map((fact) => fact.label.height + 2 + fact.value.height)) + 16;
  }

  let y = rowTop + 8;
  if (section.text) {
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).stroke(theme.rule);
    y += 14;
    for (const paragraph of section.text.split(/\n[ \t]*\n/)) {
      const block = writer.layout(paragraph.trim(), { ...theme.text.body, size: 10.5, color: theme.muted }, width * 0.85);
      if (y + block.height > geometry.height - 80) break;
      writer.drawText(block, left, y);
      y += block.height + 6;
    }
  }

  const generated = writer.layout(`Generated ${formatDate(content.generatedAt)}`, theme.text.caption, width);
  writer.drawText(generated, left, geometry.height - 48 - generated.height);
  writer.advance(geometry.height - writer.y);
  writer.pageBreak();
}
