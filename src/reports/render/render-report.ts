import PDFKitDocument from 'pdfkit';

import type { ReportDocument, RenderedReport, SectionType } from '../model/report-model.js';
import { needsCjk, registerFonts } from './fonts.js';
import { Contents } from './layout/contents.js';
import { drawPageFurniture } from './layout/furniture.js';
import { ReportWriter } from './layout/writer.js';
import { renderAcceptedRisks } from './sections/accepted-risks.js';
import { renderCategories } from './sections/categories.js';
import { note, type SectionRenderer } from './sections/common.js';
import { renderCover } from './sections/cover.js';
import { renderExecutiveSummary } from './sections/executive-summary.js';
import { renderFailingAssets } from './sections/failing-assets.js';
import { renderFailingControls } from './sections/failing-controls.js';
import { renderFrameworkRequirements } from './sections/framework-requirements.js';
import { renderFrameworks } from './sections/frameworks.js';
import { renderMethodology } from './sections/methodology.js';
import { renderQbrChange } from './sections/qbr-change.js';
import { renderScore } from './sections/score.js';
import { fillTableOfContents, renderTableOfContents } from './sections/table-of-contents.js';
import { renderText } from './sections/text.js';
import { renderTrend } from './sections/trend.js';
import { buildTheme, pageGeometry } from './theme.js';

/** Every section type has a renderer: the compiler refuses a new type until it gets one. */
const RENDERERS: Record<SectionType, SectionRenderer> = {
  cover: renderCover,
  table_of_contents: renderTableOfContents,
  executive_summary: renderExecutiveSummary,
  score: renderScore,
  qbr_change: renderQbrChange,
  trend: renderTrend,
  categories: renderCategories,
  frameworks: renderFrameworks,
  failing_controls: renderFailingControls,
  accepted_risks: renderAcceptedRisks,
  failing_assets: renderFailingAssets,
  methodology: renderMethodology,
  framework_requirements: renderFrameworkRequirements,
  text: renderText,
};

/**
 * pdfkit's outline items take a page index, which @types/pdfkit does not declare. `fit` opens the
 * whole page: pdfkit 0.20 turns a position (XYZ) into a left edge at the page's right side.
 */
interface PagedOutline {
  addItem(title: string, options: { pageNumber: number; fit: true }): unknown;
}

/** Draws a report: the template's sections in order, then the contents, bookmarks, headers and footers. */
export async function renderReport(document: ReportDocument): Promise<RenderedReport> {
  const { content } = document;
  const doc = new PDFKitDocument({
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    size: document.pageSize,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: content.title,
      Author: content.branding.name,
      Subject: `Security compliance report for ${content.scorecard.client.name}`,
      Creator: 'Rampart',
      CreationDate: content.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const fonts = registerFonts(doc, needsCjk(document));
  const contents = new Contents(document.sections);
  const writer = new ReportWriter(doc, buildTheme(content.branding), fonts, pageGeometry(document.pageSize), contents);
  for (const section of document.sections) {
    contents.next();
    if (section.pageBreakBefore && section.type !== 'cover') writer.pageBreak();
    RENDERERS[section.type](writer, content, section);
  }
  writer.flush();
  if (writer.pageCount === 0) {
    // A PDF needs a page; a template without sections still gets its title.
    writer.heading(content.title, 1);
    note(writer, 'This report template has no sections.');
  }

  fillTableOfContents(writer);
  const outline = doc.outline as unknown as PagedOutline;
  for (const entry of contents.entries) if (entry.placement) outline.addItem(entry.title, { pageNumber: entry.placement.page, fit: true });
  drawPageFurniture(writer, { header: content.title, footer: content.branding.footerText ?? content.branding.name });

  const pageCount = writer.pageCount;
  doc.end();
  await finished;
  return { pdf: Buffer.concat(chunks), pageCount };
}
