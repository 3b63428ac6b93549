import { describe, expect, it } from '@jest/globals';

import type { ControlCategory } from '../../controls/catalog/control-definition.js';
import type { ResultStatus } from '../../controls/evaluators/evaluator.js';
import { scoreCategories } from './category-scores.js';

function result(controlId: string, category: ControlCategory, status: ResultStatus, pointsRecoverable: number, fraction: number | null = null) {
  return { controlId, category, status, fraction, severity: 'high' as const, weight: 1, pointsRecoverable };
}

describe('category scores', () => {
  const results = [
    result('mfa', 'identity', 'pass', 0, 1),
    result('admins', 'identity', 'fail', 12.5, 0),
    result('edr', 'endpoint', 'partial', 6.25, 0.5),
    result('backup', 'backup', 'no_data', 12.5),
    result('dmarc', 'email', 'not_applicable', 0),
  ];

  it('scores each category with the client formula over its own controls', () => {
    const byCategory = Object.fromEntries(scoreCategories(results, { noData: 'fail' }).map((category) => [category.category, category]));
    expect(byCategory.identity).toMatchObject({ score: 50, grade: 'F', pointsRecoverable: 12.5 });
    expect(byCategory.endpoint).toMatchObject({ score: 50, pointsRecoverable: 6.3 });
    expect(byCategory.backup).toMatchObject({ score: 0, counts: expect.objectContaining({ no_data: 1 }) });
    expect(byCategory.email).toMatchObject({ score: null, grade: null, counts: expect.objectContaining({ not_applicable: 1 }) });
  });

  it('follows the tenant policy for controls without data', () => {
    const backup = scoreCategories(results, { noData: 'exclude' }).find((category) => category.category === 'backup');
    expect(backup).toMatchObject({ score: null, possiblePoints: 0 });
  });

  it('lists categories in catalog order and leaves out categories without controls', () => {
    expect(scoreCategories(results, { noData: 'fail' }).map((category) => category.category)).toEqual(['identity', 'endpoint', 'email', 'backup']);
  });
});
