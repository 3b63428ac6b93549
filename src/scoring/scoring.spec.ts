import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

import type { Grade, RequirementCoverage, ScorableResult } from './scoring.js';
import { gradeFor, roundScore, scoreChange, scoreFramework, scorePortfolio, scoreResults } from './scoring.js';

interface DocExamples {
  client: { results: ScorableResult[]; expected: Record<'fail' | 'exclude', { score: number; grade: Grade; possiblePoints: number; earnedPoints: number; recoverable: Record<string, number> }> };
  framework: { requirements: RequirementCoverage[]; expected: { score: number; coverage: number; requirementsCovered: number; requirementsTotal: number } };
  portfolio: { clientScores: (number | null)[]; expected: { score: number; grade: Grade; scoredClients: number; unscoredClients: number; distribution: Record<Grade, number> } };
}

/** The worked examples published in docs/scoring.md: the page and the code cannot drift apart. */
function docExamples(): DocExamples {
  const page = readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8');
  const block = /```json scoring-examples\n([\s\S]*?)\n```/.exec(page);
  if (!block) throw new Error('docs/scoring.md has no scoring-examples block');
  return JSON.parse(block[1]!) as DocExamples;
}

const result = (overrides: Partial<ScorableResult>): ScorableResult => ({ controlId: 'x', status: 'pass', fraction: 1, severity: 'medium', weight: 1, ...overrides });

describe('the scoring formula, against the worked examples in docs/scoring.md', () => {
  const examples = docExamples();

  it.each(['fail', 'exclude'] as const)('client score with noData=%s', (noData) => {
    const expected = examples.client.expected[noData];
    const score = scoreResults(examples.client.results, { noData });
    expect(score.score).toBe(expected.score);
    expect(score.grade).toBe(expected.grade);
    expect(score.possiblePoints).toBe(expected.possiblePoints);
    expect(score.earnedPoints).toBe(expected.earnedPoints);
    expect(Object.fromEntries(score.controls.map((control) => [control.controlId, control.pointsRecoverable]))).toEqual(expected.recoverable);
  });

  it('counts every status, including the ones left out of the score', () => {
    const { counts } = scoreResults(examples.client.results);
    expect(counts).toEqual({ pass: 1, partial: 1, fail: 1, no_data: 1, excepted: 1, not_applicable: 1, error: 0 });
  });

  it('framework score and coverage', () => {
    const framework = scoreFramework(examples.client.results, examples.framework.requirements);
    expect(framework).toMatchObject(examples.framework.expected);
  });

  it('portfolio score and grade distribution', () => {
    expect(scorePortfolio(examples.portfolio.clientScores)).toEqual(examples.portfolio.expected);
  });
});

describe('scoreResults edges', () => {
  it('has no score when nothing is in it (all N/A or excepted), rather than 0 or 100', () => {
    const score = scoreResults([result({ status: 'not_applicable', fraction: null }), result({ status: 'excepted', fraction: null })]);
    expect(score).toMatchObject({ score: null, grade: null, possiblePoints: 0 });
  });

  it('has no score for no results at all', () => {
    expect(scoreResults([]).score).toBeNull();
  });

  it('excluding no data can leave nothing to score', () => {
    expect(scoreResults([result({ status: 'no_data', fraction: null })], { noData: 'exclude' }).score).toBeNull();
  });

  it('treats error like no data under both policies', () => {
    const results = [result({ controlId: 'a' }), result({ controlId: 'b', status: 'error', fraction: null })];
    expect(scoreResults(results, { noData: 'fail' }).score).toBe(50);
    expect(scoreResults(results, { noData: 'exclude' }).score).toBe(100);
  });

  it('a weight of 0 keeps the control counted but worth nothing, and it recovers nothing', () => {
    const score = scoreResults([result({ controlId: 'a' }), result({ controlId: 'b', status: 'fail', fraction: 0, weight: 0 })]);
    expect(score.score).toBe(100);
    expect(score.controls[1]).toMatchObject({ points: 0, counted: true, pointsRecoverable: 0 });
  });

  it('weights scale points: a weight-3 low control outweighs a medium one', () => {
    const score = scoreResults([result({ controlId: 'low', severity: 'low', weight: 3, status: 'fail', fraction: 0 }), result({ controlId: 'medium', severity: 'medium' })]);
    expect(score.score).toBe(40);
  });

  it('clamps partial fractions into 0..1', () => {
    expect(scoreResults([result({ status: 'partial', fraction: 1.7 })]).score).toBe(100);
    expect(scoreResults([result({ status: 'partial', fraction: -1 })]).score).toBe(0);
  });

  it('severity ranks: one critical fail costs more than two medium fails', () => {
    const critical = scoreResults([result({ severity: 'critical', status: 'fail', fraction: 0 }), result({ controlId: 'y', severity: 'critical' })]);
    expect(critical.controls[0]!.pointsRecoverable).toBe(50);
  });

  it('the recoverable points of counted failing controls add up to the gap to 100 (within rounding)', () => {
    const score = scoreResults([result({ controlId: 'a', status: 'fail', fraction: 0 }), result({ controlId: 'b', status: 'fail', fraction: 0 }), result({ controlId: 'c' })]);
    const total = score.controls.reduce((sum, control) => sum + control.pointsRecoverable, 0);
    expect(Math.abs(total + score.score! - 100)).toBeLessThanOrEqual(0.1 * score.controls.length);
  });
});

describe('grades', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89.9, 'B'],
    [80, 'B'],
    [79.9, 'C'],
    [70, 'C'],
    [69.9, 'D'],
    [60, 'D'],
    [59.9, 'F'],
    [0, 'F'],
  ] as const)('%d is %s', (score, grade) => {
    expect(gradeFor(score)).toBe(grade);
  });

  it('rounds half away from zero at one decimal', () => {
    expect(roundScore(54.25)).toBe(54.3);
    expect(roundScore(89.95)).toBe(90);
    expect(roundScore(12.499999999999993)).toBe(12.5);
  });
});

describe('score changes', () => {
  it('is the difference at one decimal, without the floating-point dust of subtracting one-decimal scores', () => {
    expect(scoreChange(72.3, 72.4)).toBe(-0.1);
    expect(scoreChange(78, 61)).toBe(17);
    expect(scoreChange(50.1, 50.1)).toBe(0);
  });

  it('is unknown when either score is', () => {
    expect(scoreChange(null, 70)).toBeNull();
    expect(scoreChange(70, null)).toBeNull();
  });
});

describe('framework coverage edges', () => {
  it('a framework with no requirements has coverage 0 and no score', () => {
    expect(scoreFramework([result({})], [])).toMatchObject({ coverage: 0, score: null, requirementsTotal: 0 });
  });

  it('no_data, error and N/A do not cover a requirement; excepted does', () => {
    const results = [
      result({ controlId: 'nd', status: 'no_data', fraction: null }),
      result({ controlId: 'er', status: 'error', fraction: null }),
      result({ controlId: 'na', status: 'not_applicable', fraction: null }),
      result({ controlId: 'ex', status: 'excepted', fraction: null }),
    ];
    const framework = scoreFramework(results, [
      { requirementId: '1', controlIds: ['nd'] },
      { requirementId: '2', controlIds: ['er'] },
      { requirementId: '3', controlIds: ['na'] },
      { requirementId: '4', controlIds: ['ex'] },
      { requirementId: '5', controlIds: ['disabled-control'] },
    ]);
    expect(framework).toMatchObject({ requirementsCovered: 1, coverage: 0.2 });
  });

  it('counts a control mapped to several requirements once in the score', () => {
    const results = [result({ controlId: 'a', status: 'fail', fraction: 0 }), result({ controlId: 'b' })];
    const framework = scoreFramework(results, [
      { requirementId: '1', controlIds: ['a'] },
      { requirementId: '2', controlIds: ['a'] },
      { requirementId: '3', controlIds: ['b'] },
    ]);
    expect(framework.score).toBe(50);
  });
});

describe('portfolio edges', () => {
  it('has no score when no client is scored', () => {
    expect(scorePortfolio([null, null])).toMatchObject({ score: null, grade: null, scoredClients: 0, unscoredClients: 2 });
  });
});
