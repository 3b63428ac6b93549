import { it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function installed(command: string): boolean {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether poppler-utils (pdftotext, pdfinfo) is here. CI installs it, so there a missing tool fails
 * the suite; on a developer's machine without it the PDF-reading tests are skipped, not passed.
 */
export const hasPoppler = installed('pdftotext');
if (!hasPoppler && process.env.CI) throw new Error('pdftotext is missing: install poppler-utils (apt-get install poppler-utils); .ci/run does');

/** A test that reads a PDF back: skipped (and counted as skipped) where poppler-utils is missing. */
export const withPoppler = hasPoppler ? it : it.skip;

/** The PDF's text as a reader would copy it, in drawing order (`-raw`); pages split on form feeds. */
export async function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): Promise<string> {
  return withFile(pdf, async (file) => (await run('pdftotext', [options.layout ? '-layout' : '-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);
}

/** `pdfinfo`'s fields (Pages, Title, Author, Page size ...). */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  const { stdout } = await withFile(pdf, (file) => run('pdfinfo', ['-enc', 'UTF-8', file]));
  return Object.fromEntries(stdout.split('\n').filter((line) => line.includes(':')).map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]));
}

/** Whitespace collapsed, so text wrapped across lines still reads as one phrase. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function withFile<T>(pdf: Buffer, work: (file: string) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(path.join(tmpdir(), 'rampart-pdf-'));
  const file = path.join(directory, 'report.pdf');
  writeFileSync(file, pdf);
  try {
    return await work(file);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
