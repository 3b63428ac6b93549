import { describe, expect, it } from '@jest/globals';

import { type ComparableResult, compareResults } from './result-changes.js';

function result(key: string, status: ComparableResult['status'], fraction: number | null = null, severity = 'high'): ComparableResult {
  return { controlId: `id-${key}`, controlKey: key, name: key.toUpperCase(), category: 'identity', severity, status, fraction };
}

describe('comparing two runs of a client', () => {
  it('lists only the controls whose status or partial fraction changed', () => {
    const changes = compareResults(
      [result('mfa', 'fail', 0), result('edr', 'partial', 0.75), result('spf', 'pass', 1), result('backup', 'partial', 0.5)],
      [result('mfa', 'pass', 1), result('edr', 'partial', 0.875), result('spf', 'pass', 1), result('backup', 'partial', 0.25)],
    );
    expect(changes.map((change) => [change.key, change.direction])).toEqual([
      ['backup', 'regressed'],
      ['edr', 'improved'],
      ['mfa', 'improved'],
    ]);
    expect(changes.find((change) => change.key === 'mfa')).toMatchObject({ from: { status: 'fail', fraction: 0 }, to: { status: 'pass', fraction: 1 } });
  });

  it('ignores partial credit that moved by less than one percentage point, as fading credit does every night', () => {
    const changes = compareResults([result('backup', 'partial', 0.83712), result('edr', 'partial', 0.5)], [result('backup', 'partial', 0.83701), result('edr', 'partial', 0.51)]);
    expect(changes.map((change) => [change.key, change.direction])).toEqual([['edr', 'improved']]);
  });

  it('puts regressions first and, among them, critical controls first', () => {
    const changes = compareResults(
      [result('low', 'pass', 1, 'low'), result('crit', 'pass', 1, 'critical'), result('fixed', 'fail', 0)],
      [result('low', 'fail', 0, 'low'), result('crit', 'no_data', null, 'critical'), result('fixed', 'pass', 1)],
    );
    expect(changes.map((change) => change.key)).toEqual(['crit', 'low', 'fixed']);
  });

  it('calls a move to or from a decision (N/A, accepted risk) a change, neither better nor worse', () => {
    const [change] = compareResults([result('mfa', 'fail', 0)], [result('mfa', 'excepted')]);
    expect(change!.direction).toBe('changed');
  });

  it('reports controls enabled or disabled between the runs as added or removed', () => {
    const changes = compareResults([result('old', 'pass', 1)], [result('new', 'fail', 0)]);
    expect(changes).toEqual([
      expect.objectContaining({ key: 'old', direction: 'removed', from: { status: 'pass', fraction: 1 }, to: null }),
      expect.objectContaining({ key: 'new', direction: 'added', from: null, to: { status: 'fail', fraction: 0 } }),
    ]);
  });

  it('finds nothing between identical runs', () => {
    const run = [result('mfa', 'pass', 1), result('edr', 'not_applicable')];
    expect(compareResults(run, run)).toEqual([]);
  });
});
