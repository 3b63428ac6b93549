import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { sampleReportDocument } from '../../../test/support/report-fixture.js';
import { flatten, hasPoppler, pdfInfo, pdfText } from '../../../test/support/pdf-text.js';
import type { ReportDocument } from '../model/report-model.js';
import { failingControls } from './sections/failing-controls.js';
import { renderReport } from './render-report.js';

const run = promisify(execFile);
const withPoppler = hasPoppler ? it : it.skip;

/** The text of each page as a reader sees it laid out (`pdftotext -layout`), split on form feeds. */
async function pages(pdf: Buffer): Promise<string[]> {
  return (await pdfText(pdf, { layout: true })).split('\f').slice(0, -1);
}

const lines = (page: string) => page.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
/** A page's lines without the running header (first line) and the footer (last line); the cover has neither. */
const body = (page: string, index: number) => (index === 0 ? lines(page) : lines(page).slice(1, -1));

/** What a heading may read like: section titles, appendix sub-headings, requirement groups. */
function headingsOf(document: ReportDocument): Set<string> {
  const { scorecard, framework } = document.content;
  return new Set([
    ...document.sections.map((section) => section.title),
    ...scorecard.controls.filter((control) => (control.failingAssets?.length ?? 0) > 0).map((control) => control.name),
    ...(framework?.requirements.map((requirement) => requirement.grouping) ?? []),
    `Accepted on behalf of ${scorecard.client.name}`,
  ]);
}

/** The rules every report keeps, whatever its content and page size. */
function expectCleanLayout(document: ReportDocument, text: string[], pageCount: number): void {
  expect(text).toHaveLength(pageCount);
  const headings = headingsOf(document);
  text.forEach((page, index) => {
    const content = body(page, index);
    // No empty page, and no page that ends on a heading.
    expect({ page: index + 1, empty: content.length === 0, endsOnHeading: headings.has(content.at(-1) ?? '') }).toEqual({ page: index + 1, empty: false, endsOnHeading: false });
    if (index > 0) expect(lines(page).at(-1)).toMatch(new RegExp(`Page ${index + 1} of ${pageCount}$`));
  });
  // Every contents entry names the page its section's heading is on. The contents come before the
  // sections, so the first "Title  12" line in the document is the entry.
  if (!document.sections.some((section) => section.type === 'table_of_contents')) return;
  const all = text.flatMap((page, index) => body(page, index));
  for (const section of document.sections.filter((item) => item.type !== 'cover' && item.type !== 'table_of_contents')) {
    const pattern = new RegExp(`^${section.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)$`);
    const page = Number(all.map((line) => line.match(pattern)?.[1]).find((number) => number !== undefined));
    expect({ section: section.title, onPage: lines(text[page - 1] ?? '').includes(section.title) }).toEqual({ section: section.title, onPage: true });
  }
}

describe('renderReport', () => {
  let document: ReportDocument;
  let pdf: Buffer;
  let pageCount: number;
  let text: string[];
  let directory: string;
  let file: string;

  beforeAll(async () => {
    document = sampleReportDocument();
    ({ pdf, pageCount } = await renderReport(document));
    directory = mkdtempSync(path.join(tmpdir(), 'rampart-report-'));
    file = path.join(directory, 'report.pdf');
    writeFileSync(file, pdf);
    if (hasPoppler) text = await pages(pdf);
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('returns a compressed PDF and its page count, without the CJK font when no text needs it', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount).toBeGreaterThan(10);
    expect(pdf.includes('/FlateDecode')).toBe(true);
    expect(pdf.includes('NotoSans-Regular')).toBe(true);
    expect(pdf.includes('NotoSansJP')).toBe(false);
  });

  it('bookmarks every section and links each contents entry to its heading', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/PageMode /UseOutlines');
    // One outline item per section, opening its page.
    expect(raw.match(/\/Dest \[\d+ 0 R \/Fit\]/g)).toHaveLength(document.sections.length);
    expect(raw).toContain('/Title (Executive summary)');
    const listed = document.sections.filter((section) => section.type !== 'cover' && section.type !== 'table_of_contents').length;
    expect(raw.match(/\/S \/GoTo/g)).toHaveLength(listed);
    for (let index = 1; index <= document.sections.length; index++) expect(raw).toContain(`(section-${index})`);
  });

  withPoppler('sets the metadata and numbers every page but the cover "Page N of M", M being the real page count', async () => {
    const info = await pdfInfo(pdf);
    expect(info).toMatchObject({ Title: 'Quarterly Business Review: Müller GmbH', Author: 'Northwind IT Services', Creator: 'Rampart', Pages: String(pageCount) });
    expect(info['Page size']).toContain('(A4)');
    expect(text[0]).not.toMatch(/Page \d+ of/);
    for (let page = 2; page <= pageCount; page++) {
      const footer = lines(text[page - 1]!).at(-1)!;
      expect(footer).toMatch(new RegExp(`Page ${page} of ${pageCount}$`));
      expect(footer).toContain('Northwind IT Services · support@northwind.example');
    }
  });

  withPoppler('has no empty page and never ends a page with a heading', () => {
    expectCleanLayout(document, text, pageCount);
  });

  withPoppler('lists each section in the contents with the page its heading is on', async () => {
    expect(lines(text[1]!)).toContain('Contents');
    const listed = document.sections.filter((section) => section.type !== 'cover' && section.type !== 'table_of_contents');
    for (const section of listed) {
      const entry = lines(text[1]!).find((line) => line.startsWith(section.title));
      expect(entry).toMatch(/\s\d+$/);
      const page = Number(entry!.match(/(\d+)$/)![1]);
      // That page on its own, as pdftotext reads it with -f/-l.
      const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
      expect({ section: section.title, onPage: lines(stdout).includes(section.title) }).toEqual({ section: section.title, onPage: true });
    }
  });

  withPoppler('repeats the header of the failing-assets table on every page the table continues to', () => {
    const withRows = text.map((page, index) => ({ index, page })).filter(({ page }) => /^\s*DEV-\d{3}\s/m.test(page));
    expect(withRows.length).toBeGreaterThan(2);
    for (const { index, page } of withRows) expect({ page: index + 1, header: /^\s*Asset\s+Reason\s*$/m.test(page) }).toEqual({ page: index + 1, header: true });
    const names = withRows.flatMap(({ page }) => page.match(/DEV-\d{3}/g) ?? []);
    expect(names).toHaveLength(150);
    expect(new Set(names).size).toBe(150);
  });

  withPoppler('prints the figures as the API formats them and every failing control by its full name', async () => {
    const all = flatten(await pdfText(pdf));
    const { scorecard } = document.content;
    const score = scorecard.score!.toFixed(1);
    expect(all).toContain(`${scorecard.client.name} scores ${score} out of 100, grade ${scorecard.grade}`);
    expect(all).toContain(`${score} now, 65.2 at the review on 12 Aug 2026 (+${(scorecard.score! - 65.2).toFixed(1)})`);
    for (const framework of scorecard.frameworks) {
      const at = all.indexOf(framework.name);
      expect(all.slice(at, at + framework.name.length + 80)).toContain(framework.score!.toFixed(1));
    }
    for (const control of failingControls(scorecard.controls)) expect(all).toContain(control.name);
    expect(all).toContain('Prepared by Northwind IT Services');
    expect(all).toContain('Accepted on behalf of Müller GmbH');
  });
});

describe('renderReport with other names, sizes and content', () => {
  const names = ['Müller GmbH', 'Société Générale', '東京商事株式会社', 'Ελληνικά', 'ООО Ромашка', 'Łódź', 'Łódź 東京 Ελληνικά'];

  for (const name of names) {
    withPoppler(`prints the client name ${name} exactly`, async () => {
      const { pdf } = await renderReport(sampleReportDocument({ clientName: name, sections: ['cover', 'executive_summary'] }));
      const text = flatten(await pdfText(pdf));
      expect(text).toContain(name);
      expect(text).toContain(`${name} scores`);
      expect(pdf.includes('NotoSansJP')).toBe(/[\u3000-\u9fff]/u.test(name));
    });
  }

  withPoppler('keeps every letter extractable when documents share fonts (a "z" first embedded as part of "ź")', async () => {
    await renderReport(sampleReportDocument({ clientName: 'Źródło Łódź', sections: ['cover'] }));
    const { pdf } = await renderReport(sampleReportDocument({ clientName: 'Präzisionswerkzeuge Zürich', sections: ['cover'] }));
    expect(flatten(await pdfText(pdf))).toContain('Präzisionswerkzeuge Zürich');
  });

  withPoppler('lays out a whole report for a CJK client and on US Letter just as cleanly', async () => {
    for (const document of [sampleReportDocument({ clientName: '東京商事株式会社' }), sampleReportDocument({ pageSize: 'LETTER' })]) {
      const { pdf, pageCount } = await renderReport(document);
      const info = await pdfInfo(pdf);
      expect(Number(info.Pages)).toBe(pageCount);
      expect(info['Page size']).toContain(document.pageSize === 'LETTER' ? '612 x 792' : '(A4)');
      expectCleanLayout(document, await pages(pdf), pageCount);
    }
  });

  withPoppler('flows what is taller than a page: a long remediation, a huge table row, a contents over two pages', async () => {
    const document = sampleReportDocument({ sections: ['cover', 'table_of_contents', 'failing_controls', 'failing_assets'] });
    const { scorecard } = document.content;
    scorecard.client.name = 'Müller Präzisionswerkzeuge und Industriebedarf GmbH & Co. KG, Niederlassung Süd (Augsburg, Kempten, Memmingen)';
    const control = scorecard.controls.find((item) => item.key === 'backup.offsite_immutable')!;
    control.remediation = Array.from({ length: 14 }, (_, step) => `Step ${step + 1}. ${'Check every device, confirm the policy applies and record the result in the runbook. '.repeat(4)}`).join('\n\n');
    control.failingAssets = [
      { id: 'a', name: 'SRV-LONG', reason: Array.from({ length: 90 }, (_, line) => `Line ${line + 1}: update KB50${line} missing on volume C:`).join('\n') },
      { id: 'b', name: 'SRV-NEXT', reason: 'Short reason' },
    ];
    document.sections.push(...Array.from({ length: 45 }, (_, index) => ({ type: 'text' as const, title: `Note ${index + 1}`, text: `A paragraph of note ${index + 1}. `.repeat(10), pageBreakBefore: false, limit: null })));
    const { pdf, pageCount } = await renderReport(document);
    const text = await pages(pdf);
    expectCleanLayout(document, text, pageCount);
    const all = flatten(text.join(' '));
    expect(all).toContain(scorecard.client.name);
    expect(all).toContain('Step 14.');
    for (const line of [1, 45, 90]) expect(all).toContain(`Line ${line}: update KB50${line - 1} missing`);
    // The contents runs over more than one page and still points at the right pages.
    expect(text.filter((page) => /Note \d+\s+\d+$/m.test(page)).length).toBeGreaterThan(1);
  });

  withPoppler('says what is missing instead of drawing empty charts and tables', async () => {
    const document = sampleReportDocument({ sections: ['score', 'qbr_change', 'trend', 'frameworks', 'failing_controls', 'accepted_risks', 'failing_assets', 'framework_requirements', 'text'] });
    const { content } = document;
    for (const section of document.sections) section.pageBreakBefore = false;
    Object.assign(content.scorecard, { score: null, grade: null, lastQbr: null, frameworks: [], exceptions: [], failingCritical: [] });
    content.scorecard.change = { previousRun: null, days30: null, sinceQbr: null };
    content.scorecard.controls = content.scorecard.controls.map((control) => ({ ...control, status: 'not_applicable' as const, failingAssets: [] }));
    content.trend.points = content.trend.points.slice(-1);
    content.sinceQbr = null;
    content.framework = null;
    const { pdf, pageCount } = await renderReport(document);
    const text = flatten(await pdfText(pdf));
    for (const sentence of ['Not scored', 'No quarterly review has been marked for Müller GmbH yet', 'There is only one scored evaluation', 'No framework is mapped', 'No control fails or passes only partly for Müller GmbH', 'has no accepted risks', 'No asset fails a control', 'No framework was chosen']) {
      expect(text).toContain(sentence);
    }
    expect(pageCount).toBeLessThanOrEqual(2);
  });

  it('makes a one-page document from a template without sections', async () => {
    const { pdf, pageCount } = await renderReport({ ...sampleReportDocument(), sections: [] });
    expect(pageCount).toBe(1);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
