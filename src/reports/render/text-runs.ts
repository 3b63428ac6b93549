/** A font the splitter may pick, and the code points it has glyphs for. */
export interface RunFont<F> {
  font: F;
  covers(codePoint: number): boolean;
}

/** A stretch of text drawn in one font. */
export interface TextRun<F> {
  text: string;
  font: F;
}

/*
 * Whitespace, combining marks (variation selectors among them) and joiners have no font preference of their
 * own: they stay in the run they follow, so "東京 商事" is one run rather than three and a decomposed
 * "é" never has its accent drawn from another font than its letter.
 */
const NEUTRAL = /[\s\p{M}]|\u200c|\u200d/u;

/**
 * Splits text into runs by glyph coverage: each character goes to the first font that has it (so
 * the primary font wins whenever it can), a character no font has stays in the first font (where
 * it prints as a visible gap rather than vanishing), and neighbours in the same font merge.
 */
export function splitTextRuns<F>(text: string, fonts: readonly RunFont<F>[]): TextRun<F>[] {
  const primary = fonts[0];
  if (primary === undefined) throw new Error('splitTextRuns needs at least one font');
  const runs: TextRun<F>[] = [];
  // Neutral characters before the first real one take that one's font.
  let leading = '';
  for (const character of text) {
    const last = runs.at(-1);
    if (NEUTRAL.test(character)) {
      if (last) last.text += character;
      else leading += character;
      continue;
    }
    const codePoint = character.codePointAt(0)!;
    const font = fonts.find((candidate) => candidate.covers(codePoint))?.font ?? primary.font;
    if (last && last.font === font) last.text += character;
    else runs.push({ text: leading + character, font });
    leading = '';
  }
  if (leading.length > 0) runs.push({ text: leading, font: primary.font });
  return runs;
}

/** Whether any character of the text needs a font other than the primary one. */
export function needsFallback(text: string, primaryCovers: (codePoint: number) => boolean): boolean {
  for (const character of text) {
    if (NEUTRAL.test(character)) continue;
    if (!primaryCovers(character.codePointAt(0)!)) return true;
  }
  return false;
}
