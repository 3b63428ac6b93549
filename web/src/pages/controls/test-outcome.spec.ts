import { describe, expect, it } from '@jest/globals';
import { tally, testHost, testOutcome } from './test-outcome.js';
import type { Control, ControlResult } from './types.js';

function result(changes: Partial<ControlResult>): ControlResult {
  return { controlId: 'h', controlKey: 'identity.mfa_all_users', status: 'pass', fraction: 1, summary: 'The expression is true', evidence: { expression: 'true', value: true }, failingAssets: [], exception: null, points: 5, pointsRecoverable: 0, ...changes };
}
const host = { name: 'MFA for all users' };

describe('testOutcome', () => {
  it('takes a result as it is, with the value the expression gave', () => {
    expect(testOutcome(result({}), host)).toEqual({ status: 'pass', fraction: 1, summary: 'The expression is true', value: true });
    expect(testOutcome(result({ status: 'no_data', fraction: null, evidence: { expression: 'x' } }), host).value).toBeUndefined();
  });

  it('sees through the borrowed control’s accepted risk to what the draft evaluated', () => {
    const excepted = result({
      status: 'excepted',
      fraction: null,
      summary: 'Accepted risk (owner Dana (partner), until 2027-01-01): The expression is false',
      evidence: { expression: 'false', value: false, evaluatedStatus: 'fail', evaluatedFraction: 0 },
    });
    expect(testOutcome(excepted, host)).toEqual({ status: 'fail', fraction: 0, summary: 'The expression is false', value: false });
  });

  it('keeps an accepted risk when the control tested is the saved one itself', () => {
    const excepted = result({ status: 'excepted', evidence: { evaluatedStatus: 'fail' } });
    expect(testOutcome(excepted, null).status).toBe('excepted');
  });

  it('says when the borrowed control is not applicable for the client, so nothing was tested', () => {
    const outcome = testOutcome(result({ status: 'not_applicable', fraction: null, evidence: { setBy: 'client' } }), host);
    expect(outcome.untested).toContain('MFA for all users');
    expect(testOutcome(result({ status: 'not_applicable', evidence: { setBy: 'client' } }), null).status).toBe('not_applicable');
  });
});

describe('testHost and tally', () => {
  const effective = { enabled: true, weight: 1, params: {}, notApplicableReason: null, sources: { enabled: 'default', weight: 'default', notApplicable: 'default', params: {} } } as const;
  it('borrows a control that applies for the tenant', () => {
    const setAside = { key: 'a', effective: { ...effective, notApplicableReason: 'No servers' } } as unknown as Control;
    const applies = { key: 'b', effective } as unknown as Control;
    expect(testHost([setAside, applies])).toBe(applies);
    expect(testHost([setAside])).toBe(setAside);
    expect(testHost([])).toBeUndefined();
  });

  it('counts the outcomes in words', () => {
    expect(tally([{ status: 'pass' }, { status: 'pass' }, { status: 'no_data' }, { status: 'no_data', untested: 'x' }])).toBe('2 pass, 1 no data, 1 not tested');
  });
});
