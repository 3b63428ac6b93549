import { describe, expect, it } from '@jest/globals';

import { formatChange, formatDate, formatDay, formatPercent, formatPoints, formatScore, humanise } from './format.js';

describe('formatScore', () => {
  it('prints one decimal, as the API rounds', () => {
    expect(formatScore(72.4)).toBe('72.4');
    expect(formatScore(100)).toBe('100.0');
    expect(formatScore(0)).toBe('0.0');
    expect(formatScore(54.16666)).toBe('54.2');
    expect(formatScore(70.85)).toBe('70.9');
  });

  it('prints a dash for a missing score', () => {
    expect(formatScore(null)).toBe('—');
    expect(formatScore(Number.NaN)).toBe('—');
  });
});

describe('formatChange', () => {
  it('signs every change and never prints a negative zero', () => {
    expect(formatChange(7.2)).toBe('+7.2');
    expect(formatChange(-3)).toBe('-3.0');
    expect(formatChange(0)).toBe('0.0');
    expect(formatChange(-0.04)).toBe('0.0');
    expect(formatChange(0.05)).toBe('+0.1');
    expect(formatChange(null)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('rounds a fraction to a whole percentage', () => {
    expect(formatPercent(0.82)).toBe('82%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.666)).toBe('67%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatDate', () => {
  it('prints the UTC day, from a Date or an ISO string', () => {
    expect(formatDate('2026-11-23T10:00:00.000Z')).toBe('23 Nov 2026');
    expect(formatDate(new Date(Date.UTC(2026, 7, 3)))).toBe('3 Aug 2026');
    // 23:30 in New York on 22 Nov is already the 23rd in UTC.
    expect(formatDate('2026-11-22T23:30:00-05:00')).toBe('23 Nov 2026');
    expect(formatDate('not a date')).toBe('—');
  });

  it('has a short form for chart axes', () => {
    expect(formatDay('2026-06-15T00:00:00Z')).toBe('15 Jun');
  });
});

describe('formatPoints', () => {
  it('keeps whole points whole and fractions to one decimal', () => {
    expect(formatPoints(170)).toBe('170');
    expect(formatPoints(118.5)).toBe('118.5');
    expect(formatPoints(6.25)).toBe('6.3');
  });
});

describe('humanise', () => {
  it('turns snake and kebab case into a sentence-case label', () => {
    expect(humanise('identity')).toBe('Identity');
    expect(humanise('not_applicable')).toBe('Not applicable');
    expect(humanise('partially_met')).toBe('Partially met');
    expect(humanise('cis-v8-ig1')).toBe('Cis v8 ig1');
    expect(humanise('')).toBe('');
  });
});
