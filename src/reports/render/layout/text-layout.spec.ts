import { describe, expect, it } from '@jest/globals';

import type { Script, Weight } from '../fonts.js';
import { splitTextRuns } from '../text-runs.js';
import { TextLayout, type TextBlock, type TextStyle, type Typesetter } from './text-layout.js';

/** A monospaced stand-in: Latin characters are half the size wide (bold a little wider), CJK a full em. */
const typesetter: Typesetter = {
  runs: (text) => splitTextRuns<Script>(text, [
    { font: 'latin', covers: (codePoint) => codePoint < 0x2000 },
    { font: 'cjk', covers: () => true },
  ]),
  width: (text: string, script: Script, weight: Weight, size: number) => [...text].length * size * (script === 'cjk' ? 1 : weight === 'bold' ? 0.6 : 0.5),
};
const layout = new TextLayout(typesetter);
const style: TextStyle = { size: 10, weight: 'regular', color: '#000000', leading: 1.4 };
const text = (block: TextBlock) => block.lines.map((line) => line.pieces.map((piece) => piece.text).join(''));

describe('TextLayout', () => {
  it('keeps text that fits on one line, and measures it', () => {
    const block = layout.layout('Müller GmbH', style, 100);
    expect(text(block)).toEqual(['Müller GmbH']);
    expect(block.width).toBe(55);
    expect(block.height).toBeCloseTo(14);
  });

  it('wraps between words, dropping the spaces at the end of a line', () => {
    // 5 pt per character: 20 characters a line.
    const block = layout.layout('Every enabled user has registered a second factor', style, 100);
    expect(text(block)).toEqual(['Every enabled user', 'has registered a', 'second factor']);
    for (const line of block.lines) expect(line.width).toBeLessThanOrEqual(100);
  });

  it('breaks CJK text between characters, but not before closing punctuation', () => {
    const block = layout.layout('東京商事株式会社。大阪', style, 40);
    expect(text(block)).toEqual(['東京商事', '株式会', '社。大阪']);
    expect(block.lines[0]!.pieces[0]!.script).toBe('cjk');
  });

  it('splits a word wider than the line between characters', () => {
    expect(text(layout.layout('abcdefghijklmnopqrstuvwxyz end', style, 50))).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz end']);
  });

  it('may break after a hyphen inside an identifier', () => {
    expect(text(layout.layout('backup.offsite-immutable-copy', style, 100))).toEqual(['backup.offsite-', 'immutable-copy']);
  });

  it('keeps hard line breaks, blank lines included', () => {
    expect(text(layout.layout('1. Open the portal\n\n2. Enable it', style, 200))).toEqual(['1. Open the portal', '', '2. Enable it']);
  });

  it('cuts to a number of lines with an ellipsis that fits', () => {
    const block = layout.layout('Every enabled user has registered a second factor', style, 100, { maxLines: 2 });
    expect(text(block)).toEqual(['Every enabled user', 'has registered a…']);
    expect(block.lines[1]!.width).toBeLessThanOrEqual(100);
  });

  it('gives each span its weight and colour and places pieces side by side', () => {
    const block = layout.layout([{ text: 'Prepared by ' }, { text: 'Northwind', weight: 'bold', color: '#ff0000' }], style, 200);
    expect(block.lines[0]!.pieces.map(({ text: piece, weight, color, x }) => ({ piece, weight, color, x }))).toEqual([
      { piece: 'Prepared by ', weight: 'regular', color: '#000000', x: 0 },
      { piece: 'Northwind', weight: 'bold', color: '#ff0000', x: 60 },
    ]);
    expect(layout.widthOf([{ text: 'ab', weight: 'bold' }], style)).toBe(12);
  });

  it('switches fonts inside a line', () => {
    const block = layout.layout('Client 東京', style, 200);
    expect(block.lines[0]!.pieces.map((piece) => [piece.text, piece.script, piece.x])).toEqual([
      ['Client ', 'latin', 0],
      ['東京', 'cjk', 35],
    ]);
  });

  it('gives empty text no lines and no height', () => {
    const block = layout.layout('', style, 100);
    expect(text(block)).toEqual([]);
    expect(block.height).toBe(0);
  });
});
