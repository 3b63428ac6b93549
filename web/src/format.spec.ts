import { describe, expect, it } from '@jest/globals';
import { formatChange, formatRelative, formatScore, humanise, trendOf } from './format.js';

describe('formatScore', () => {
  it('shows one decimal, as the API and the PDF do, and a dash when there is no score', () => {
    expect(formatScore(61.55)).toBe('61.5');
    expect(formatScore(100)).toBe('100.0');
    expect(formatScore(null)).toBe('—');
  });
});

describe('formatChange and trendOf', () => {
  it('signs the change with a true minus and treats what rounds to zero as unchanged', () => {
    expect(formatChange(3.24)).toBe('+3.2');
    expect(formatChange(-1)).toBe('−1.0');
    expect(formatChange(0.04)).toBe('0.0');
    expect(trendOf(0.04)).toBe('flat');
    expect(trendOf(-0.06)).toBe('down');
    expect(trendOf(null)).toBe('none');
    expect(formatChange(undefined)).toBe('—');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('names the largest whole unit, in the past and the future', () => {
    expect(formatRelative('2026-11-23T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-22T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('2026-11-25T12:00:00Z', now)).toBe('in 2 days');
    expect(formatRelative('2026-11-23T11:59:40Z', now)).toBe('just now');
    expect(formatRelative(null, now)).toBe('never');
  });
});

describe('humanise', () => {
  it('turns API codes into words', () => {
    expect(humanise('not_applicable')).toBe('Not applicable');
    expect(humanise('account_manager')).toBe('Account manager');
  });
});
