import { describe, expect, it } from '@jest/globals';

import type { ResultStatus } from '../evaluators/evaluator.js';
import { failingCriticalControls } from './failing-critical.js';

function result(key: string, status: ResultStatus, severity: 'critical' | 'high' = 'critical', pointsRecoverable = 0) {
  return { controlId: `id-${key}`, controlKey: key, name: key.toUpperCase(), severity, status, pointsRecoverable };
}

describe('failing critical controls', () => {
  it('lists critical fails and partial passes, most points recoverable first, then by key', () => {
    const results = [result('b.partial', 'partial', 'critical', 4), result('a.fail', 'fail', 'critical', 4), result('c.fail', 'fail', 'critical', 9)];
    expect(failingCriticalControls(results, results).map((control) => [control.key, control.status])).toEqual([
      ['c.fail', 'fail'],
      ['a.fail', 'fail'],
      ['b.partial', 'partial'],
    ]);
  });

  it('leaves out other severities and the statuses that are not failures on evidence', () => {
    const results = [result('high', 'fail', 'high', 3), ...(['pass', 'no_data', 'error', 'excepted', 'not_applicable'] as const).map((status) => result(status, status))];
    expect(failingCriticalControls(results, results)).toEqual([]);
  });
});
