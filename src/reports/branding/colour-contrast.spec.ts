import { describe, expect, it } from '@jest/globals';

import { contrastRatio } from './colour-contrast.js';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1f4e79', '#1f4e79')).toBe(1);
  });

  it('matches WCAG reference values, whichever order the colours come in', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#ffff00')).toBeCloseTo(1.07, 2);
  });
});
