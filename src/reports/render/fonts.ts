import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFKitDocument from 'pdfkit';

import { needsFallback, splitTextRuns, type RunFont, type TextRun } from './text-runs.js';

export const WEIGHTS = ['regular', 'semibold', 'bold'] as const;
export type Weight = (typeof WEIGHTS)[number];
/** Noto Sans for Latin, Greek and Cyrillic; Noto Sans JP for what Noto Sans lacks (CJK). */
export type Script = 'latin' | 'cjk';
/** The name a font is registered under in a document. */
export type Face = `${Script}-${Weight}`;

/** The part of a fontkit `Font` the renderer uses. */
interface FontkitFont {
  readonly characterSet: number[];
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): unknown;
}

const PACKAGES: Record<Script, string> = { latin: '@embedpdf/fonts-latin', cjk: '@embedpdf/fonts-jp' };
const FILES: Record<Script, Record<Weight, string>> = {
  latin: { regular: 'NotoSans-Regular.ttf', semibold: 'NotoSans-SemiBold.ttf', bold: 'NotoSans-Bold.ttf' },
  // Noto Sans JP has no SemiBold; its Bold stands in, and pdfkit embeds it once for both names.
  cjk: { regular: 'NotoSansJP-Regular.otf', semibold: 'NotoSansJP-Bold.otf', bold: 'NotoSansJP-Bold.otf' },
};

const require = createRequire(import.meta.url);

/**
 * The font packages only export a JavaScript entry (not their package.json), so find their `fonts/`
 * folder from it. Resolving through Node works from `src/` under jest and from `dist/` alike.
 */
function fontsDirectory(script: Script): string {
  const entry = require.resolve(PACKAGES[script]);
  for (let directory = path.dirname(entry); path.dirname(directory) !== directory; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'fonts');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`No fonts folder in ${PACKAGES[script]} (resolved to ${entry})`);
}

/*
 * Parsing a font costs 10–30 ms per weight per document when pdfkit gets the file's bytes, most of
 * a report's render time. pdfkit (since 0.20) also takes a font its own fontkit already parsed, and
 * only reads from it while a document is written synchronously, so each font is parsed once per
 * process and shared by every document. Parsing through a scratch document uses pdfkit's fontkit,
 * the one that will read the font, rather than a second copy of the library.
 */
const parsed = new Map<string, FontkitFont>();

function parsedFont(script: Script, weight: Weight): FontkitFont {
  const file = FILES[script][weight];
  let font = parsed.get(file);
  if (!font) {
    const scratch = new PDFKitDocument({ autoFirstPage: false });
    scratch.font(readFileSync(path.join(fontsDirectory(script), file)));
    // pdfkit keeps the fontkit font of the selected font here; it has no public accessor.
    // oxlint-disable-next-line no-underscore-dangle
    font = (scratch as unknown as { _font: { font: FontkitFont } })._font.font;
    /*
     * fontkit keeps one glyph object per glyph id with the characters it was first made for. Making
     * the subset of "ź" makes the glyph of "z" (one of its parts) with no character at all, and a
     * later document that prints "z" would then map it to nothing: pdftotext would read
     * "Präzision" as "Prä ision". Making every mapped glyph from its character first (12 ms per
     * Noto Sans weight, 70 ms per CJK weight, once per process) keeps the text extractable. Not
     * the ligatures (U+FB00–FB4F): their glyphs must keep the letters the shaper made them from,
     * or "fi" would be read back as "ﬁ".
     */
    for (const codePoint of font.characterSet) if (codePoint < 0xfb00 || codePoint > 0xfb4f) font.glyphForCodePoint(codePoint);
    parsed.set(file, font);
  }
  return font;
}

/** Glyph coverage of a script's fonts (the same in every weight), asked once per character. */
function coverage(script: Script): (codePoint: number) => boolean {
  const known = new Map<number, boolean>();
  return (codePoint) => {
    let covered = known.get(codePoint);
    if (covered === undefined) {
      covered = parsedFont(script, 'regular').hasGlyphForCodePoint(codePoint);
      known.set(codePoint, covered);
    }
    return covered;
  };
}

const latinCovers = coverage('latin');
const cjkCovers = coverage('cjk');

/** Every string in a value (the report's content), skipping binary data such as the logo. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    for (const item of Object.values(value)) yield* stringsIn(item);
  }
}

/**
 * Whether a document needs the CJK font. Noto Sans JP is 4.5 MB per weight and embedding it costs
 * time in every document that selects it, so it is loaded and registered only when some text of
 * the report has a character Noto Sans lacks. Labels the renderer adds itself stay within Noto Sans.
 */
export function needsCjk(content: unknown): boolean {
  for (const text of stringsIn(content)) if (needsFallback(text, latinCovers)) return true;
  return false;
}

/** The fonts of one document: their names, how to split text between them, and how wide text is. */
export interface DocumentFonts {
  face(script: Script, weight: Weight): Face;
  runs(text: string): TextRun<Script>[];
  width(text: string, script: Script, weight: Weight, size: number): number;
}

/*
 * Measuring runs fontkit's shaping, the renderer's biggest cost after parsing. The fonts are the same
 * in every document, so a width (per 1000 points of size, widths scale linearly) is kept for the
 * process. The cache is bounded: report text repeats a lot (labels, statuses, reasons), and what
 * does not is cheap to measure again.
 */
const WIDTH_CACHE_LIMIT = 50_000;
const widths = new Map<string, number>();

export function registerFonts(doc: PDFKit.PDFDocument, withCjk: boolean): DocumentFonts {
  const scripts: Script[] = withCjk ? ['latin', 'cjk'] : ['latin'];
  for (const script of scripts) {
    for (const weight of WEIGHTS) {
      // A parsed fontkit Font is a valid source for pdfkit 0.20, which @types/pdfkit does not know.
      doc.registerFont(`${script}-${weight}`, parsedFont(script, weight) as unknown as PDFKit.Mixins.PDFFontSource);
    }
  }
  const fonts: RunFont<Script>[] = [{ font: 'latin', covers: latinCovers }];
  if (withCjk) fonts.push({ font: 'cjk', covers: cjkCovers });
  const face = (script: Script, weight: Weight): Face => (withCjk || script === 'latin' ? `${script}-${weight}` : `latin-${weight}`);
  return {
    face,
    runs: (text) => splitTextRuns(text, fonts),
    width: (text, script, weight, size) => {
      const key = `${face(script, weight)}\u0000${text}`;
      let perThousand = widths.get(key);
      if (perThousand === undefined) {
        perThousand = doc.font(face(script, weight)).fontSize(1000).widthOfString(text);
        if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
        widths.set(key, perThousand);
      }
      return (perThousand * size) / 1000;
    },
  };
}
