import { describe, expect, it } from '@jest/globals';
import type { EvaluationContext, EvidenceAttestation, EvidenceFact } from './evaluator.js';
import { EVALUATOR_KINDS, type EvaluatorKind } from './params.js';
import { evaluatorProblems, isEvaluatorKind, runEvaluator } from './registry.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY_MS);

interface Evidence {
  facts?: ReadonlyMap<string, EvidenceFact>;
  attestations?: ReadonlyMap<string, EvidenceAttestation>;
}

function contextWith({ facts = new Map(), attestations = new Map() }: Evidence = {}): EvaluationContext {
  return {
    controlId: 'control-1',
    now: NOW,
    evidence: {
      client: { id: 'client-1', name: 'Acme Dental', status: 'active', domains: ['acme.example'], seats: 12, baseline: null },
      assets: [],
      facts,
      attestations,
      dns: new Map(),
    },
  };
}

/** One valid parameter set per evaluator kind. */
const VALID: Record<EvaluatorKind, Record<string, unknown>> = {
  asset_share: { kinds: ['workstation'], conditions: [{ field: 'diskEncrypted', op: 'eq', value: true }], passAt: 0.95, failBelow: 0.8, seenWithinDays: 30, whenNoAssets: 'no_data' },
  fact_freshness: { fact: 'backup.last_success', maxAgeDays: 7, graceDays: 3 },
  boolean_fact: { fact: 'mfa.enforced', expected: true, maxEvidenceAgeDays: 30 },
  numeric_threshold: { fact: 'edr.coverage', operator: 'gte', threshold: 0.95, partialFrom: 0.8, maxEvidenceAgeDays: 30 },
  dns: { record: 'spf', allowSoftFail: true },
  attestation: { maxAgeDays: 365 },
  expression: { expression: 'facts["mfa.enforced"] == true' },
};

describe('isEvaluatorKind', () => {
  it.each(EVALUATOR_KINDS.map((kind) => [kind]))('knows %s', (kind) => {
    expect(isEvaluatorKind(kind)).toBe(true);
  });

  it.each([['nope'], ['Asset_Share'], [''], [42], [null], [undefined], [['asset_share']]])('refuses %j', (kind) => {
    expect(isEvaluatorKind(kind)).toBe(false);
  });
});

describe('evaluatorProblems', () => {
  it.each(EVALUATOR_KINDS.map((kind) => [kind]))('accepts valid %s parameters', (kind) => {
    expect(evaluatorProblems(kind, VALID[kind])).toEqual([]);
  });

  it.each([['regex'], [null], [7]])('refuses the unknown kind %j, listing the known ones', (kind) => {
    expect(evaluatorProblems(kind, {})).toEqual([{ field: 'kind', message: 'kind must be one of: asset_share, fact_freshness, boolean_fact, numeric_threshold, dns, attestation, expression' }]);
  });

  it.each([[null], [[]], ['maxAgeDays=30'], [undefined], [30]])('refuses params %j that are not an object', (params) => {
    expect(evaluatorProblems('attestation', params)).toEqual([{ field: 'params', message: 'params must be an object' }]);
  });

  it('names each problem below params', () => {
    expect(evaluatorProblems('attestation', { maxAgeDays: -1 })).toEqual([{ field: 'params.maxAgeDays', message: 'maxAgeDays must be a whole number of days from 0 to 3650' }]);
  });

  it('names an unknown parameter below params', () => {
    expect(evaluatorProblems('boolean_fact', { ...VALID.boolean_fact, maxEvidenceAgeDay: 30 }).map((problem) => problem.field)).toEqual(['params.maxEvidenceAgeDay']);
  });

  it('names nested fields below params', () => {
    const params = { ...VALID.asset_share, conditions: [{ field: 'diskEncrypted', op: 'eq', value: true }, { field: 'osName', op: 'gte', value: 1 }] };
    expect(evaluatorProblems('asset_share', params).map((problem) => problem.field)).toEqual(['params.conditions[1].op']);
  });

  it('keeps the line and column of an expression problem', () => {
    expect(evaluatorProblems('expression', { expression: 'true &&\n  (1 +)' })).toEqual([
      { field: 'params.expression', message: 'Syntax error at line 2, column 7: Unexpected token: RPAREN', line: 2, column: 7 },
    ]);
  });

  it('reports every problem of a kind, each below params', () => {
    expect(evaluatorProblems('numeric_threshold', {}).map((problem) => problem.field)).toEqual([
      'params.fact',
      'params.operator',
      'params.threshold',
      'params.partialFrom',
      'params.maxEvidenceAgeDays',
    ]);
  });

  it('refuses parameters meant for another kind', () => {
    expect(evaluatorProblems('attestation', VALID.boolean_fact).map((problem) => problem.field)).toEqual(['params.fact', 'params.expected', 'params.maxEvidenceAgeDays', 'params.maxAgeDays']);
  });
});

describe('runEvaluator', () => {
  it('runs the evaluator of the kind', () => {
    const facts = new Map([['mfa.enforced', { value: true, observedAt: daysAgo(1), source: 'entra' }]]);
    expect(runEvaluator('boolean_fact', VALID.boolean_fact, contextWith({ facts }))).toMatchObject({ status: 'pass', fraction: 1, summary: 'mfa.enforced is true' });
    expect(runEvaluator('expression', VALID.expression, contextWith({ facts }))).toMatchObject({ status: 'pass', summary: 'The expression is true' });
    expect(runEvaluator('attestation', VALID.attestation, contextWith())).toMatchObject({ status: 'no_data' });
  });

  it('turns invalid parameters into an error outcome without running the evaluator', () => {
    const params = { fact: 'mfa.enforced', expected: 'yes', maxEvidenceAgeDays: 30 };
    expect(runEvaluator('boolean_fact', params, contextWith())).toEqual({
      status: 'error',
      fraction: null,
      summary: "The control's settings are invalid: expected must be true or false",
      evidence: { params },
      failingAssets: [],
    });
  });

  it('lists every problem with invalid parameters', () => {
    const outcome = runEvaluator('attestation', { maxAgeDays: 'a year', note: 'x' }, contextWith());
    expect(outcome.status).toBe('error');
    expect(outcome.summary).toBe("The control's settings are invalid: note is not a parameter of this evaluator (expected: maxAgeDays); maxAgeDays must be a whole number of days from 0 to 3650");
  });

  it('refuses a combination of levels that is invalid even though each value is valid', () => {
    const outcome = runEvaluator('asset_share', { ...VALID.asset_share, passAt: 0.8, failBelow: 0.9 }, contextWith());
    expect(outcome).toMatchObject({ status: 'error', summary: "The control's settings are invalid: failBelow must not be above passAt" });
  });

  it('reports an expression that does not compile as invalid settings', () => {
    expect(runEvaluator('expression', { expression: 'facts.a ==' }, contextWith())).toMatchObject({
      status: 'error',
      summary: "The control's settings are invalid: Syntax error at line 1, column 11: Unexpected token: EOF",
    });
  });

  it('turns an unknown kind into an error outcome', () => {
    expect(runEvaluator('regex' as EvaluatorKind, {}, contextWith())).toMatchObject({ status: 'error', summary: expect.stringContaining('kind must be one of: asset_share') });
  });

  it('turns an error thrown inside the evaluator into an error outcome', () => {
    const attestations = new Map([
      ['control-1', { id: 'a-1', statement: 'Trained', attestedBy: 'Dana', attestedAt: new Date('not a date'), expiresAt: new Date('2027-01-01T00:00:00Z'), evidenceUrl: null }],
    ]);
    expect(runEvaluator('attestation', VALID.attestation, contextWith({ attestations }))).toEqual({
      status: 'error',
      fraction: null,
      summary: 'The evaluator failed: Invalid time value',
      evidence: { params: VALID.attestation },
      failingAssets: [],
    });
  });

  it('turns a thrown value that is not an Error into an error outcome', () => {
    const facts = {
      get(): never {
        throw 'evidence store unavailable';
      },
    } as unknown as ReadonlyMap<string, EvidenceFact>;
    expect(runEvaluator('boolean_fact', VALID.boolean_fact, contextWith({ facts }))).toMatchObject({ status: 'error', fraction: null, summary: 'The evaluator failed: evidence store unavailable' });
  });
});
