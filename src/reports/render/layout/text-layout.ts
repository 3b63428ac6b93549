import type { Script, Weight } from '../fonts.js';
import type { TextRun } from '../text-runs.js';

/** Part of a text with its own weight or colour: "Prepared by **Northwind IT**". */
export interface Span {
  text: string;
  weight?: Weight;
  color?: string;
}
export type RichText = string | readonly Span[];

export interface TextStyle {
  size: number;
  weight: Weight;
  color: string;
  /** Line height as a multiple of the size. */
  leading: number;
}

/** What layout needs from a document: how text splits between fonts, and how wide a run is. */
export interface Typesetter {
  runs(text: string): TextRun<Script>[];
  width(text: string, script: Script, weight: Weight, size: number): number;
}

/** One stretch of a line drawn with one font and colour, `x` from the line's start. */
export interface Piece {
  text: string;
  script: Script;
  weight: Weight;
  color: string;
  x: number;
  width: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

/** Text broken into lines for a width: what is drawn, and exactly how much room it takes. */
export interface TextBlock {
  lines: Line[];
  size: number;
  lineHeight: number;
  height: number;
  /** The widest line. */
  width: number;
}

export interface LayoutOptions {
  /** Cut after this many lines, ending the last with an ellipsis (for boxes of a fixed height). */
  maxLines?: number;
}

interface StyledChar {
  text: string;
  weight: Weight;
  color: string;
}

const ELLIPSIS = '…';
const WHITESPACE = /\s/u;
const MARK = /\p{M}|\u200c|\u200d/u;
// Ideographs, kana and full-width forms: a line may break between any two of them.
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
// Japanese line-breaking rules (kinsoku): these never start a line, or never end one.
const NO_LINE_START = /[、。，．・：；？！ー」』）】〉》〕｝ぁぃぅぇぉっゃゅょァィゥェォッャュョ々)\]}.,;:!?%]/u;
const NO_LINE_END = /[「『（【〈《〔｛([{]/u;
const WORDISH = /[\p{L}\p{N}]/u;

function flatten(content: RichText, style: TextStyle): StyledChar[] {
  const spans = typeof content === 'string' ? [{ text: content }] : content;
  const characters: StyledChar[] = [];
  for (const span of spans) {
    for (const text of span.text.replace(/\r\n?/g, '\n')) characters.push({ text, weight: span.weight ?? style.weight, color: span.color ?? style.color });
  }
  return characters;
}

/** Whether a line may break between `characters[index - 1]` and `characters[index]`. */
function breaksBefore(characters: readonly StyledChar[], index: number): boolean {
  const previous = characters[index - 1]!.text;
  const current = characters[index]!.text;
  if (WHITESPACE.test(current) || MARK.test(current)) return false;
  if (WHITESPACE.test(previous)) return true;
  if (WIDE.test(previous) || WIDE.test(current)) return !NO_LINE_START.test(current) && !NO_LINE_END.test(previous);
  // Long identifiers and paths ("backup.offsite-immutable", "8.1/IG1") may break after a hyphen or slash.
  if ((previous === '-' || previous === '/') && index >= 2 && WORDISH.test(characters[index - 2]!.text) && WORDISH.test(current)) return true;
  return false;
}

export class TextLayout {
  constructor(private readonly typesetter: Typesetter) {}

  layout(content: RichText, style: TextStyle, maxWidth: number, options: LayoutOptions = {}): TextBlock {
    const lineHeight = style.size * style.leading;
    // Most text (labels, cells, figures) is one plain line that fits: no need to look at characters.
    if (typeof content === 'string' && !content.includes('\n') && content.length > 0 && !/\s$/u.test(content)) {
      const pieces: Piece[] = [];
      let x = 0;
      for (const run of this.typesetter.runs(content)) {
        const width = this.typesetter.width(run.text, run.font, style.weight, style.size);
        pieces.push({ text: run.text, script: run.font, weight: style.weight, color: style.color, x, width });
        x += width;
      }
      if (x <= maxWidth) return { lines: [{ pieces, width: x }], size: style.size, lineHeight, height: lineHeight, width: x };
    }
    const characters = flatten(content, style);
    const lines: StyledChar[][] = [];
    let paragraph: StyledChar[] = [];
    for (const character of characters) {
      if (character.text === '\n') {
        lines.push(...this.wrap(paragraph, style.size, maxWidth));
        paragraph = [];
      } else paragraph.push(character);
    }
    if (paragraph.length > 0 || characters.at(-1)?.text === '\n') lines.push(...this.wrap(paragraph, style.size, maxWidth));
    let kept = lines;
    if (options.maxLines !== undefined && lines.length > options.maxLines) {
      kept = lines.slice(0, Math.max(1, options.maxLines));
      kept[kept.length - 1] = this.withEllipsis(kept.at(-1)!, style.size, maxWidth);
    }
    const built = kept.map((line) => this.pieces(line, style.size));
    return { lines: built, size: style.size, lineHeight, height: built.length * lineHeight, width: Math.max(0, ...built.map((line) => line.width)) };
  }

  /** The width of text in a style, as it would be drawn on one line. */
  widthOf(content: RichText, style: TextStyle): number {
    return this.measure(flatten(content, style), style.size);
  }

  private measure(characters: readonly StyledChar[], size: number): number {
    let width = 0;
    let start = 0;
    for (let index = 1; index <= characters.length; index++) {
      if (index === characters.length || characters[index]!.weight !== characters[start]!.weight) {
        const weight = characters[start]!.weight;
        const text = characters.slice(start, index).map((character) => character.text).join('');
        for (const run of this.typesetter.runs(text)) width += this.typesetter.width(run.text, run.font, weight, size);
        start = index;
      }
    }
    return width;
  }

  /** Greedy line filling: as many whole words (or CJK characters) per line as fit. */
  private wrap(characters: StyledChar[], size: number, maxWidth: number): StyledChar[][] {
    if (characters.length === 0) return [[]];
    if (this.measure(characters, size) <= maxWidth) return [characters];
    const atoms: StyledChar[][] = [];
    let start = 0;
    for (let index = 1; index <= characters.length; index++) {
      if (index === characters.length || breaksBefore(characters, index)) {
        atoms.push(characters.slice(start, index));
        start = index;
      }
    }
    const lines: StyledChar[][] = [];
    let line: StyledChar[] = [];
    let lineWidth = 0;
    for (const atom of atoms) {
      let coreLength = atom.length;
      while (coreLength > 0 && WHITESPACE.test(atom[coreLength - 1]!.text)) coreLength--;
      const core = atom.slice(0, coreLength);
      const coreWidth = this.measure(core, size);
      if (line.length > 0 && lineWidth + coreWidth > maxWidth) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      if (line.length === 0 && coreWidth > maxWidth) {
        // A word wider than the line (a long URL, a serial number) breaks between characters.
        const chunks = this.hardSplit(core, size, maxWidth);
        lines.push(...chunks.slice(0, -1));
        line = [...chunks.at(-1)!];
        lineWidth = this.measure(line, size);
        const trailing = atom.slice(coreLength);
        line.push(...trailing);
        lineWidth += this.measure(trailing, size);
        continue;
      }
      line.push(...atom);
      lineWidth += coreWidth + (coreLength < atom.length ? this.measure(atom.slice(coreLength), size) : 0);
    }
    if (line.length > 0) lines.push(line);
    return lines;
  }

  private hardSplit(characters: StyledChar[], size: number, maxWidth: number): StyledChar[][] {
    const chunks: StyledChar[][] = [];
    let chunk: StyledChar[] = [];
    let width = 0;
    for (const character of characters) {
      const characterWidth = this.measure([character], size);
      if (chunk.length > 0 && width + characterWidth > maxWidth && !MARK.test(character.text)) {
        chunks.push(chunk);
        chunk = [];
        width = 0;
      }
      chunk.push(character);
      width += characterWidth;
    }
    chunks.push(chunk);
    return chunks;
  }

  private withEllipsis(line: StyledChar[], size: number, maxWidth: number): StyledChar[] {
    const last = line.at(-1) ?? { text: '', weight: 'regular' as const, color: '#000000' };
    const kept = [...line];
    const ellipsis = { ...last, text: ELLIPSIS };
    while (kept.length > 0 && (WHITESPACE.test(kept.at(-1)!.text) || this.measure([...kept, ellipsis], size) > maxWidth)) kept.pop();
    return [...kept, ellipsis];
  }

  private pieces(line: StyledChar[], size: number): Line {
    let end = line.length;
    while (end > 0 && WHITESPACE.test(line[end - 1]!.text)) end--;
    const pieces: Piece[] = [];
    let x = 0;
    let start = 0;
    for (let index = 1; index <= end; index++) {
      const first = line[start]!;
      if (index === end || line[index]!.weight !== first.weight || line[index]!.color !== first.color) {
        const text = line.slice(start, index).map((character) => character.text).join('');
        for (const run of this.typesetter.runs(text)) {
          const width = this.typesetter.width(run.text, run.font, first.weight, size);
          pieces.push({ text: run.text, script: run.font, weight: first.weight, color: first.color, x, width });
          x += width;
        }
        start = index;
      }
    }
    return { pieces, width: x };
  }
}
