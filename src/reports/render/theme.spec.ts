import { describe, expect, it } from '@jest/globals';

import { contrastRatio } from '../branding/colour-contrast.js';
import { buildTheme, mix, tint } from './theme.js';

describe('mix and tint', () => {
  it('blends two colours channel by channel', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#1f4e79', '#1f4e79', 0.3)).toBe('#1f4e79');
    expect(mix('#ff0000', '#0000ff', 1)).toBe('#0000ff');
  });

  it('makes light tints of a brand colour for backgrounds', () => {
    expect(tint('#1f4e79', 1)).toBe('#1f4e79');
    expect(tint('#1f4e79', 0)).toBe('#ffffff');
    expect(tint('#1f4e79', 0.1)).toBe('#e9edf2');
  });
});

describe('buildTheme', () => {
  const theme = buildTheme({ name: 'Northwind IT', logo: null, primaryColor: '#1f4e79', accentColor: '#d9822b', footerText: null });

  it('takes the brand colours for headings and highlights', () => {
    expect(theme.primary).toBe('#1f4e79');
    expect(theme.text.h1.color).toBe('#1f4e79');
    expect(theme.accent).toBe('#d9822b');
  });

  it('draws grades and statuses in colours readable as small text on white', () => {
    for (const colour of [...Object.values(theme.grade), ...Object.values(theme.status), ...Object.values(theme.severity)]) {
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(theme.muted, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
