import { describe, expect, it } from '@jest/globals';
import { offsetOf } from './expression-offset.js';

describe('offsetOf', () => {
  const text = 'facts["a"] >= \n  0.95 &&& true';
  it('finds the character a 1-based line and column point at', () => {
    expect(text[offsetOf(text, 2, 10)]).toBe('&');
    expect(offsetOf(text, 1, 1)).toBe(0);
  });

  it('stays inside the text when the position is out of range', () => {
    expect(offsetOf(text, 9, 99)).toBe(text.length);
    expect(offsetOf(text, 0, 0)).toBe(0);
  });
});
