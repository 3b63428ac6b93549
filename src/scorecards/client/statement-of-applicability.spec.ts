import { describe, expect, it } from '@jest/globals';

import { requirementStatus, type SupportingResult } from './statement-of-applicability.js';

const pass: SupportingResult = { status: 'pass', fraction: 1 };
const fail: SupportingResult = { status: 'fail', fraction: 0 };
const half: SupportingResult = { status: 'partial', fraction: 0.5 };
const excepted: SupportingResult = { status: 'excepted', fraction: null };
const na: SupportingResult = { status: 'not_applicable', fraction: null };
const noData: SupportingResult = { status: 'no_data', fraction: null };
const error: SupportingResult = { status: 'error', fraction: null };

describe('requirement status in a statement of applicability', () => {
  it.each([
    ['every verdict passes', [pass, pass], 'met'],
    ['a pass beside controls without data', [pass, noData], 'met'],
    ['the only gap is an accepted risk', [pass, excepted], 'risk_accepted'],
    ['only accepted risks', [excepted], 'risk_accepted'],
    ['a pass and a fail', [pass, fail], 'partially_met'],
    ['a partial pass', [half], 'partially_met'],
    ['a partial pass and an accepted risk', [half, excepted], 'partially_met'],
    ['every verdict fails', [fail, fail], 'not_met'],
    ['a fail and an accepted risk, nothing earning credit', [fail, excepted], 'not_met'],
    ['every control N/A', [na, na], 'not_applicable'],
    ['no data and errors only', [noData, error], 'not_covered'],
    ['N/A beside no data', [na, noData], 'not_covered'],
    ['mapped controls that were not evaluated for the client', [], 'not_covered'],
  ] as const)('%s → %s', (_case, results, expected) => {
    expect(requirementStatus(Math.max(results.length, 1), results)).toBe(expected);
  });

  it('a requirement nothing maps to has no controls, whatever else is known', () => {
    expect(requirementStatus(0, [])).toBe('no_controls');
  });
});
