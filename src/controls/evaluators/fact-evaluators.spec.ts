import { describe, expect, it } from '@jest/globals';
import { booleanFactEvaluator } from './boolean-fact.evaluator.js';
import type { EvaluationContext, EvidenceFact, Outcome } from './evaluator.js';
import { factFreshnessEvaluator } from './fact-freshness.evaluator.js';
import { numericThresholdEvaluator } from './numeric-threshold.evaluator.js';
import type { BooleanFactParams, FactFreshnessParams, NumericThresholdParams } from './params.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY_MS);

/** A fact as the evidence holds it, observed an hour ago unless said otherwise. */
function fact(value: unknown, observedAt: Date = new Date(NOW.getTime() - HOUR_MS), source = 'veeam'): EvidenceFact {
  return { value, observedAt, source };
}

function contextWith(facts: Record<string, EvidenceFact>): EvaluationContext {
  return {
    controlId: 'control-1',
    now: NOW,
    evidence: {
      client: { id: 'client-1', name: 'Acme Dental', status: 'active', domains: ['acme.example'], seats: 12, baseline: null },
      assets: [],
      facts: new Map(Object.entries(facts)),
      attestations: new Map(),
      dns: new Map(),
    },
  };
}

function fieldsOf(problems: { field: string }[]): string[] {
  return problems.map((problem) => problem.field);
}

const FACT_KEY_MESSAGE = 'fact must be a fact key: lowercase letters, digits, "_" and "." (up to 100), starting with a letter';

describe('factFreshnessEvaluator', () => {
  const KEY = 'backup.last_success';
  const params = (overrides: Partial<FactFreshnessParams> = {}): FactFreshnessParams => ({ fact: KEY, maxAgeDays: 7, graceDays: 0, ...overrides });
  const evaluate = (value: unknown, overrides: Partial<FactFreshnessParams> = {}): Outcome => factFreshnessEvaluator.evaluate(params(overrides), contextWith({ [KEY]: fact(value) }));
  const isoDaysAgo = (days: number): string => daysAgo(days).toISOString();

  it('has the fact_freshness kind', () => {
    expect(factFreshnessEvaluator.kind).toBe('fact_freshness');
  });

  describe('evaluate', () => {
    it('gives no_data when the fact has not been reported', () => {
      const outcome = factFreshnessEvaluator.evaluate(params(), contextWith({ 'other.fact': fact('2026-11-20') }));
      expect(outcome).toEqual({ status: 'no_data', fraction: null, summary: 'No evidence: fact backup.last_success has not been reported', evidence: { fact: KEY }, failingAssets: [] });
    });

    it('passes a recent date, saying how old it is', () => {
      const outcome = evaluate('2026-11-20T12:00:00Z');
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1, summary: 'backup.last_success 2026-11-20, 3 days ago (within 7 days)' });
      expect(outcome.evidence).toEqual({ fact: KEY, value: '2026-11-20T12:00:00Z', observedAt: new Date(NOW.getTime() - HOUR_MS).toISOString(), source: 'veeam', ageDays: 3 });
    });

    it('passes a date exactly maxAgeDays old', () => {
      expect(evaluate(isoDaysAgo(7))).toMatchObject({ status: 'pass', fraction: 1, summary: 'backup.last_success 2026-11-16, 7 days ago (within 7 days)' });
    });

    it('fails a date just over maxAgeDays old when there are no grace days', () => {
      const outcome = evaluate(new Date(daysAgo(7).getTime() - HOUR_MS).toISOString());
      expect(outcome).toMatchObject({ status: 'fail', fraction: 0, evidence: { ageDays: 7 } });
      expect(outcome.summary).toMatch(/^backup\.last_success 2026-11-16, .*\(due within 7 days\)$/);
    });

    it('fails a long-overdue date', () => {
      expect(evaluate(isoDaysAgo(40))).toMatchObject({ status: 'fail', fraction: 0, summary: 'backup.last_success 2026-10-14, 40 days ago (due within 7 days)' });
    });

    it('accepts a date without a time', () => {
      expect(evaluate('2026-11-20')).toMatchObject({ status: 'pass', summary: 'backup.last_success 2026-11-20, 3 days ago (within 7 days)' });
    });

    it('ignores when the fact was observed: the date itself is what must be fresh', () => {
      const outcome = factFreshnessEvaluator.evaluate(params(), contextWith({ [KEY]: fact(isoDaysAgo(2), daysAgo(2)) }));
      expect(outcome.status).toBe('pass');
    });

    describe('grace days', () => {
      it('gives credit falling linearly from 1 to 0 across the grace days', () => {
        expect(evaluate(isoDaysAgo(8), { graceDays: 4 })).toMatchObject({ status: 'partial', fraction: 0.75, summary: 'backup.last_success 2026-11-15, 8 days ago (due within 7 days)' });
        expect(evaluate(isoDaysAgo(9), { graceDays: 4 })).toMatchObject({ status: 'partial', fraction: 0.5 });
        expect(evaluate(isoDaysAgo(10), { graceDays: 4 })).toMatchObject({ status: 'partial', fraction: 0.25 });
      });

      it('still passes within maxAgeDays', () => {
        expect(evaluate(isoDaysAgo(7), { graceDays: 4 })).toMatchObject({ status: 'pass', fraction: 1 });
      });

      it('fails once the grace days have run out', () => {
        expect(evaluate(isoDaysAgo(11), { graceDays: 4 })).toMatchObject({ status: 'fail', fraction: 0 });
        expect(evaluate(isoDaysAgo(30), { graceDays: 4 })).toMatchObject({ status: 'fail', fraction: 0 });
      });

      it('gives nearly full credit just past maxAgeDays', () => {
        const outcome = evaluate(new Date(daysAgo(7).getTime() - HOUR_MS).toISOString(), { graceDays: 10 });
        expect(outcome.status).toBe('partial');
        expect(outcome.fraction).toBeCloseTo(1 - 1 / 240, 10);
      });
    });

    describe('dates in the future', () => {
      it('takes a date up to a day ahead as now (clock drift)', () => {
        expect(evaluate(new Date(NOW.getTime() + 12 * HOUR_MS).toISOString())).toMatchObject({ status: 'pass', summary: 'backup.last_success 2026-11-24, 0 days ago (within 7 days)' });
        expect(evaluate(new Date(NOW.getTime() + DAY_MS).toISOString())).toMatchObject({ status: 'pass' });
      });

      it('gives an error for a date more than a day ahead', () => {
        const outcome = evaluate(new Date(NOW.getTime() + DAY_MS + HOUR_MS).toISOString());
        expect(outcome).toMatchObject({ status: 'error', fraction: null, summary: 'backup.last_success is in the future (2026-11-24T13:00:00.000Z)' });
        expect(outcome.evidence).toMatchObject({ fact: KEY, value: '2026-11-24T13:00:00.000Z' });
      });
    });

    it.each([[1_763_900_000_000], [true], [null], [{ at: '2026-11-20' }], ['yesterday'], ['20/11/2026'], ['2026-13-45'], ['']])('gives an error for the non-date value %j', (value) => {
      const outcome = evaluate(value);
      expect(outcome).toMatchObject({ status: 'error', fraction: null, summary: `backup.last_success should be an ISO 8601 date but is ${JSON.stringify(value)}` });
      expect(outcome.evidence).toMatchObject({ fact: KEY, value, source: 'veeam' });
    });
  });

  describe('validate', () => {
    const validate = (overrides: Record<string, unknown>) => factFreshnessEvaluator.validate({ ...params(), ...overrides });

    it('accepts complete parameters', () => {
      expect(factFreshnessEvaluator.validate({ ...params() })).toEqual([]);
      expect(validate({ maxAgeDays: 0, graceDays: 3650 })).toEqual([]);
      expect(validate({ fact: 'a' })).toEqual([]);
      expect(validate({ fact: `a${'b'.repeat(99)}` })).toEqual([]);
    });

    it('refuses unknown fields', () => {
      expect(validate({ maxAgeDay: 7 })).toEqual([{ field: 'maxAgeDay', message: 'maxAgeDay is not a parameter of this evaluator (expected: fact, maxAgeDays, graceDays)' }]);
    });

    it('reports every missing parameter', () => {
      expect(fieldsOf(factFreshnessEvaluator.validate({}))).toEqual(['fact', 'maxAgeDays', 'graceDays']);
    });

    it.each([['Backup.Last'], ['1backup'], ['_backup'], ['backup-last'], ['backup last'], [''], [`a${'b'.repeat(100)}`], [42], [null]])('refuses the fact key %j', (key) => {
      expect(validate({ fact: key })).toEqual([{ field: 'fact', message: FACT_KEY_MESSAGE }]);
    });

    it.each([[1.5], [-1], [3651], ['7'], [null]])('refuses maxAgeDays and graceDays %j', (value) => {
      expect(validate({ maxAgeDays: value, graceDays: value })).toEqual([
        { field: 'maxAgeDays', message: 'maxAgeDays must be a whole number of days from 0 to 3650' },
        { field: 'graceDays', message: 'graceDays must be a whole number of days from 0 to 3650' },
      ]);
    });
  });
});

describe('booleanFactEvaluator', () => {
  const KEY = 'mfa.enforced';
  const params = (overrides: Partial<BooleanFactParams> = {}): BooleanFactParams => ({ fact: KEY, expected: true, maxEvidenceAgeDays: 30, ...overrides });
  const evaluate = (evidenceFact: EvidenceFact | null, overrides: Partial<BooleanFactParams> = {}): Outcome =>
    booleanFactEvaluator.evaluate(params(overrides), contextWith(evidenceFact ? { [KEY]: evidenceFact } : {}));

  it('has the boolean_fact kind', () => {
    expect(booleanFactEvaluator.kind).toBe('boolean_fact');
  });

  describe('evaluate', () => {
    it('passes when the fact has the expected value', () => {
      const outcome = evaluate(fact(true, daysAgo(2), 'entra'));
      expect(outcome).toEqual({
        status: 'pass',
        fraction: 1,
        summary: 'mfa.enforced is true',
        evidence: { fact: KEY, value: true, observedAt: daysAgo(2).toISOString(), source: 'entra' },
        failingAssets: [],
      });
    });

    it('fails when the fact has the other value', () => {
      expect(evaluate(fact(false))).toMatchObject({ status: 'fail', fraction: 0, summary: 'mfa.enforced is false (expected true)' });
    });

    it('can expect false', () => {
      expect(evaluate(fact(false), { expected: false })).toMatchObject({ status: 'pass', summary: 'mfa.enforced is false' });
      expect(evaluate(fact(true), { expected: false })).toMatchObject({ status: 'fail', summary: 'mfa.enforced is true (expected false)' });
    });

    it('gives no_data when the fact has not been reported', () => {
      expect(evaluate(null)).toEqual({ status: 'no_data', fraction: null, summary: 'No evidence: fact mfa.enforced has not been reported', evidence: { fact: KEY }, failingAssets: [] });
    });

    it('gives no_data for evidence older than maxEvidenceAgeDays, keeping what it was', () => {
      const outcome = evaluate(fact(true, daysAgo(31.5)));
      expect(outcome).toMatchObject({ status: 'no_data', fraction: null, summary: 'Evidence is stale: mfa.enforced was last observed 31 days ago (limit 30)' });
      expect(outcome.evidence).toEqual({ fact: KEY, value: true, observedAt: daysAgo(31.5).toISOString(), source: 'veeam' });
    });

    it('uses evidence observed exactly maxEvidenceAgeDays ago', () => {
      expect(evaluate(fact(false, daysAgo(30))).status).toBe('fail');
    });

    it('treats any evidence older than now as stale with maxEvidenceAgeDays 0', () => {
      expect(evaluate(fact(true, daysAgo(0.5)), { maxEvidenceAgeDays: 0 }).status).toBe('no_data');
      expect(evaluate(fact(true, NOW), { maxEvidenceAgeDays: 0 }).status).toBe('pass');
    });

    it.each([['true'], [1], [0], [null], [['yes']]])('gives an error for the non-boolean value %j', (value) => {
      const outcome = evaluate(fact(value));
      expect(outcome).toMatchObject({ status: 'error', fraction: null, summary: `mfa.enforced should be true or false but is ${JSON.stringify(value)}` });
      expect(outcome.evidence).toMatchObject({ fact: KEY, value });
    });
  });

  describe('validate', () => {
    const validate = (overrides: Record<string, unknown>) => booleanFactEvaluator.validate({ ...params(), ...overrides });

    it('accepts complete parameters', () => {
      expect(booleanFactEvaluator.validate({ ...params() })).toEqual([]);
      expect(validate({ expected: false, maxEvidenceAgeDays: 0 })).toEqual([]);
    });

    it('refuses unknown fields', () => {
      expect(validate({ expect: true })).toEqual([{ field: 'expect', message: 'expect is not a parameter of this evaluator (expected: fact, expected, maxEvidenceAgeDays)' }]);
    });

    it('reports every missing parameter', () => {
      expect(fieldsOf(booleanFactEvaluator.validate({}))).toEqual(['fact', 'expected', 'maxEvidenceAgeDays']);
    });

    it.each([['true'], [1], [null]])('refuses expected %j', (expected) => {
      expect(validate({ expected })).toEqual([{ field: 'expected', message: 'expected must be true or false' }]);
    });

    it.each([['MFA'], ['mfa enforced']])('refuses the fact key %j', (key) => {
      expect(validate({ fact: key })).toEqual([{ field: 'fact', message: FACT_KEY_MESSAGE }]);
    });

    it.each([[-1], [2.5], [3651], ['30']])('refuses maxEvidenceAgeDays %j', (maxEvidenceAgeDays) => {
      expect(validate({ maxEvidenceAgeDays })).toEqual([{ field: 'maxEvidenceAgeDays', message: 'maxEvidenceAgeDays must be a whole number of days from 0 to 3650' }]);
    });
  });
});

describe('numericThresholdEvaluator', () => {
  const COVERAGE = 'edr.coverage';
  const ADMINS = 'entra.global_admins';
  const atLeast = (overrides: Partial<NumericThresholdParams> = {}): NumericThresholdParams => ({ fact: COVERAGE, operator: 'gte', threshold: 0.95, partialFrom: null, maxEvidenceAgeDays: 30, ...overrides });
  const atMost = (overrides: Partial<NumericThresholdParams> = {}): NumericThresholdParams => ({ fact: ADMINS, operator: 'lte', threshold: 2, partialFrom: null, maxEvidenceAgeDays: 30, ...overrides });
  const evaluate = (params: NumericThresholdParams, value: unknown, observedAt?: Date): Outcome => numericThresholdEvaluator.evaluate(params, contextWith({ [params.fact]: fact(value, observedAt) }));

  it('has the numeric_threshold kind', () => {
    expect(numericThresholdEvaluator.kind).toBe('numeric_threshold');
  });

  describe('evaluate with gte (at least)', () => {
    it('passes above the threshold', () => {
      const outcome = evaluate(atLeast(), 0.99);
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1, summary: 'edr.coverage is 0.99 (at least 0.95 required)' });
      expect(outcome.evidence).toMatchObject({ fact: COVERAGE, value: 0.99, source: 'veeam' });
    });

    it('passes exactly at the threshold', () => {
      expect(evaluate(atLeast(), 0.95)).toMatchObject({ status: 'pass', fraction: 1 });
    });

    it('fails below the threshold without partialFrom', () => {
      expect(evaluate(atLeast(), 0.94)).toMatchObject({ status: 'fail', fraction: 0, summary: 'edr.coverage is 0.94 (at least 0.95 required)' });
    });

    it('fails exactly at partialFrom', () => {
      expect(evaluate(atLeast({ threshold: 100, partialFrom: 80 }), 80)).toMatchObject({ status: 'fail', fraction: 0 });
    });

    it('fails below partialFrom', () => {
      expect(evaluate(atLeast({ threshold: 100, partialFrom: 80 }), 50)).toMatchObject({ status: 'fail', fraction: 0 });
    });

    it('gives credit rising linearly from partialFrom to the threshold', () => {
      const params = atLeast({ threshold: 100, partialFrom: 80 });
      expect(evaluate(params, 85)).toMatchObject({ status: 'partial', fraction: 0.25 });
      expect(evaluate(params, 90)).toMatchObject({ status: 'partial', fraction: 0.5 });
      expect(evaluate(params, 95)).toMatchObject({ status: 'partial', fraction: 0.75 });
      expect(evaluate(params, 100)).toMatchObject({ status: 'pass', fraction: 1 });
    });

    it('gives partial credit for shares too', () => {
      const outcome = evaluate(atLeast({ partialFrom: 0.75 }), 0.85);
      expect(outcome.status).toBe('partial');
      expect(outcome.fraction).toBeCloseTo(0.5, 10);
      expect(outcome.summary).toBe('edr.coverage is 0.85 (at least 0.95 required)');
    });

    it('works with negative numbers', () => {
      expect(evaluate(atLeast({ threshold: 0, partialFrom: -10 }), -5)).toMatchObject({ status: 'partial', fraction: 0.5 });
    });
  });

  describe('evaluate with lte (at most)', () => {
    it('passes below and exactly at the threshold', () => {
      expect(evaluate(atMost(), 1)).toMatchObject({ status: 'pass', fraction: 1, summary: 'entra.global_admins is 1 (at most 2 required)' });
      expect(evaluate(atMost(), 2)).toMatchObject({ status: 'pass', fraction: 1 });
      expect(evaluate(atMost(), 0)).toMatchObject({ status: 'pass', fraction: 1 });
    });

    it('fails above the threshold without partialFrom', () => {
      expect(evaluate(atMost(), 3)).toMatchObject({ status: 'fail', fraction: 0, summary: 'entra.global_admins is 3 (at most 2 required)' });
    });

    it('fails exactly at and above partialFrom', () => {
      expect(evaluate(atMost({ partialFrom: 6 }), 6)).toMatchObject({ status: 'fail', fraction: 0 });
      expect(evaluate(atMost({ partialFrom: 6 }), 9)).toMatchObject({ status: 'fail', fraction: 0 });
    });

    it('gives credit falling linearly from the threshold to partialFrom', () => {
      const params = atMost({ partialFrom: 6 });
      expect(evaluate(params, 3)).toMatchObject({ status: 'partial', fraction: 0.75 });
      expect(evaluate(params, 4)).toMatchObject({ status: 'partial', fraction: 0.5, summary: 'entra.global_admins is 4 (at most 2 required)' });
      expect(evaluate(params, 5)).toMatchObject({ status: 'partial', fraction: 0.25 });
    });
  });

  describe('evaluate with missing, stale or malformed evidence', () => {
    it('gives no_data when the fact has not been reported', () => {
      const outcome = numericThresholdEvaluator.evaluate(atLeast(), contextWith({}));
      expect(outcome).toMatchObject({ status: 'no_data', fraction: null, summary: 'No evidence: fact edr.coverage has not been reported' });
    });

    it('gives no_data for evidence older than maxEvidenceAgeDays, however good the value', () => {
      expect(evaluate(atLeast(), 1, daysAgo(31))).toMatchObject({ status: 'no_data', fraction: null, summary: 'Evidence is stale: edr.coverage was last observed 31 days ago (limit 30)' });
    });

    it('uses evidence observed exactly maxEvidenceAgeDays ago', () => {
      expect(evaluate(atLeast(), 1, daysAgo(30))).toMatchObject({ status: 'pass' });
    });

    it.each([['0.97'], [null], [true], [[0.97]], [{ value: 0.97 }]])('gives an error for the non-number value %j', (value) => {
      expect(evaluate(atLeast(), value)).toMatchObject({ status: 'error', fraction: null, summary: `edr.coverage should be a number but is ${JSON.stringify(value)}` });
    });
  });

  describe('validate', () => {
    const validate = (overrides: Record<string, unknown>) => numericThresholdEvaluator.validate({ ...atLeast(), ...overrides });

    it('accepts complete parameters, with or without partialFrom', () => {
      expect(numericThresholdEvaluator.validate({ ...atLeast() })).toEqual([]);
      expect(validate({ partialFrom: 0.8 })).toEqual([]);
      expect(numericThresholdEvaluator.validate({ ...atMost({ partialFrom: 5 }) })).toEqual([]);
      expect(validate({ threshold: -3, partialFrom: -10 })).toEqual([]);
    });

    it('refuses unknown fields', () => {
      expect(validate({ min: 1 })).toEqual([{ field: 'min', message: 'min is not a parameter of this evaluator (expected: fact, operator, threshold, partialFrom, maxEvidenceAgeDays)' }]);
    });

    it('reports every missing parameter (partialFrom must be given, as null for none)', () => {
      expect(fieldsOf(numericThresholdEvaluator.validate({}))).toEqual(['fact', 'operator', 'threshold', 'partialFrom', 'maxEvidenceAgeDays']);
    });

    it.each([['gt'], ['>='], ['GTE'], [null]])('refuses operator %j', (operator) => {
      expect(validate({ operator })).toEqual([{ field: 'operator', message: 'operator must be one of: gte, lte' }]);
    });

    it.each([['0.95'], [Number.NaN], [Number.POSITIVE_INFINITY], [null]])('refuses threshold %j', (threshold) => {
      expect(validate({ threshold })).toEqual([{ field: 'threshold', message: 'threshold must be a number' }]);
    });

    it.each([['0.8'], [Number.NEGATIVE_INFINITY], [undefined]])('refuses partialFrom %j', (partialFrom) => {
      expect(validate({ partialFrom })).toEqual([{ field: 'partialFrom', message: 'partialFrom must be a number' }]);
    });

    it('refuses partialFrom above or at the threshold for gte', () => {
      const message = 'partialFrom must be below threshold (0.95): partial credit is for values short of it';
      expect(validate({ partialFrom: 0.99 })).toEqual([{ field: 'partialFrom', message }]);
      expect(validate({ partialFrom: 0.95 })).toEqual([{ field: 'partialFrom', message }]);
    });

    it('refuses partialFrom below or at the threshold for lte', () => {
      const message = 'partialFrom must be above threshold (2): partial credit is for values short of it';
      expect(numericThresholdEvaluator.validate({ ...atMost({ partialFrom: 1 }) })).toEqual([{ field: 'partialFrom', message }]);
      expect(numericThresholdEvaluator.validate({ ...atMost({ partialFrom: 2 }) })).toEqual([{ field: 'partialFrom', message }]);
    });

    it.each([[-1], [1.5], [3651], [null]])('refuses maxEvidenceAgeDays %j', (maxEvidenceAgeDays) => {
      expect(validate({ maxEvidenceAgeDays })).toEqual([{ field: 'maxEvidenceAgeDays', message: 'maxEvidenceAgeDays must be a whole number of days from 0 to 3650' }]);
    });

    it('refuses a bad fact key', () => {
      expect(validate({ fact: 'EDR.Coverage' })).toEqual([{ field: 'fact', message: FACT_KEY_MESSAGE }]);
    });
  });
});
