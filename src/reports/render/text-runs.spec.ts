import { describe, expect, it } from '@jest/globals';

import { needsFallback, splitTextRuns, type RunFont } from './text-runs.js';

// Stand-ins for Noto Sans (Latin, Greek, Cyrillic, Latin Extended) and Noto Sans JP (CJK and
// basic Latin, but not Ł, ź or accented Greek), with the coverage that matters here.
const latinCovers = (codePoint: number) => codePoint < 0x2000;
const cjkCovers = (codePoint: number) => codePoint < 0x0100 || (codePoint >= 0x0391 && codePoint <= 0x03c9) || (codePoint >= 0x3000 && codePoint <= 0x9fff) || codePoint === 0x2192;
const fonts: RunFont<'latin' | 'cjk'>[] = [
  { font: 'latin', covers: latinCovers },
  { font: 'cjk', covers: cjkCovers },
];

describe('splitTextRuns', () => {
  it('keeps text the primary font covers in one run', () => {
    for (const name of ['Müller GmbH', 'Société Générale', 'Ελληνικά', 'ООО Ромашка', 'Łódź']) {
      expect(splitTextRuns(name, fonts)).toEqual([{ text: name, font: 'latin' }]);
    }
  });

  it('sends what the primary font lacks to the fallback, keeping spaces in the run they follow', () => {
    expect(splitTextRuns('東京商事株式会社', fonts)).toEqual([{ text: '東京商事株式会社', font: 'cjk' }]);
    expect(splitTextRuns('Client 東京 商事 GmbH', fonts)).toEqual([
      { text: 'Client ', font: 'latin' },
      { text: '東京 商事 ', font: 'cjk' },
      { text: 'GmbH', font: 'latin' },
    ]);
  });

  it('prefers the primary font for characters both fonts have', () => {
    // Basic Latin and Greek are in both: they stay in Noto Sans, only the ideographs switch.
    expect(splitTextRuns('ABC東京ε', fonts)).toEqual([
      { text: 'ABC', font: 'latin' },
      { text: '東京', font: 'cjk' },
      { text: 'ε', font: 'latin' },
    ]);
  });

  it('keeps combining marks with their letter', () => {
    const decomposed = 'Cafe\u0301 東\u0301';
    expect(splitTextRuns(decomposed, fonts)).toEqual([
      { text: 'Cafe\u0301 ', font: 'latin' },
      { text: '東\u0301', font: 'cjk' },
    ]);
  });

  it('gives leading whitespace to the first character\'s font and handles astral code points', () => {
    expect(splitTextRuns('  東京', fonts)).toEqual([{ text: '  東京', font: 'cjk' }]);
    // U+20BB7 is in neither font: it stays in the primary one, merged with its neighbours.
    expect(splitTextRuns('a\u{20bb7}b', fonts)).toEqual([{ text: 'a\u{20bb7}b', font: 'latin' }]);
  });

  it('returns nothing for empty text and a primary run for whitespace only', () => {
    expect(splitTextRuns('', fonts)).toEqual([]);
    expect(splitTextRuns('  ', fonts)).toEqual([{ text: '  ', font: 'latin' }]);
  });

  it('refuses an empty font list', () => {
    expect(() => splitTextRuns('x', [])).toThrow('at least one font');
  });
});

describe('needsFallback', () => {
  it('is true only when a character is missing from the primary font', () => {
    expect(needsFallback('Müller GmbH, Łódź, Ελληνικά, ООО Ромашка', latinCovers)).toBe(false);
    expect(needsFallback('東京商事株式会社', latinCovers)).toBe(true);
    expect(needsFallback('a\nb\tc', latinCovers)).toBe(false);
  });
});
