import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What poppler (pdftotext, pdfinfo) reads from a PDF: its text in drawing order and its page count. */
export interface PdfReading {
  text: string;
  pages: number;
}

export async function readPdf(pdf: Buffer): Promise<PdfReading> {
  const directory = await mkdtemp(path.join(tmpdir(), 'rampart-report-bench-'));
  const file = path.join(directory, 'report.pdf');
  try {
    await writeFile(file, pdf);
    const [text, info] = await Promise.all([
      run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 }),
      run('pdfinfo', [file]),
    ]);
    const pages = /^Pages:\s+(\d+)/m.exec(info.stdout);
    if (!pages) throw new Error(`pdfinfo printed no page count:\n${info.stdout}`);
    return { text: text.stdout, pages: Number(pages[1]) };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Whether poppler-utils is installed. */
export async function hasPoppler(): Promise<boolean> {
  try {
    await run('pdftotext', ['-v']);
    return true;
  } catch {
    return false;
  }
}

/** The first line where two texts differ, for a report. */
export function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    if (left[index] !== right[index]) return `line ${index + 1}: ${JSON.stringify(left[index] ?? '(end)')} vs ${JSON.stringify(right[index] ?? '(end)')}`;
  }
  return 'none';
}
