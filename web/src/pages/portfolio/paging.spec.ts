import { describe, expect, it } from '@jest/globals';
import { rangeText } from './paging.js';

describe('rangeText', () => {
  it('counts from the page position, with the total when known', () => {
    expect(rangeText('clients', 0, 50, 24, 24)).toBe('Clients 1–24 of 24');
    expect(rangeText('clients', 2, 25, 25)).toBe('Clients 51–75');
    expect(rangeText('clients', 0, 50, 0, 0)).toBe('No clients');
  });
});
