import { describe, expect, it } from '@jest/globals';
import { describeState } from './result-changes.js';

describe('describeState', () => {
  it('names the status, with the credit of a partial pass', () => {
    expect(describeState({ status: 'partial', fraction: 0.4 })).toBe('Partial 40%');
    expect(describeState({ status: 'no_data', fraction: null })).toBe('No data');
    expect(describeState(null)).toBe('Not evaluated');
  });
});
