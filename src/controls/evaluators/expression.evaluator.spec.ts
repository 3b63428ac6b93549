import { describe, expect, it } from '@jest/globals';
import type { EvaluationContext, EvidenceAsset, EvidenceFact, Outcome } from './evaluator.js';
import { checkExpression, expressionEvaluator, MAX_EXPRESSION_LENGTH } from './expression.evaluator.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY_MS);

function asset(name: string, overrides: Partial<EvidenceAsset> = {}): EvidenceAsset {
  return {
    id: `id-${name.toLowerCase()}`,
    kind: 'workstation',
    name,
    hostname: null,
    source: 'ninjaone',
    osName: 'Windows 11 Pro',
    osVersion: '23H2',
    lastSeenAt: daysAgo(1),
    antivirusProduct: 'Microsoft Defender',
    antivirusStatus: 'Active',
    patchStatus: 'Up to date',
    missingPatches: 0,
    diskEncrypted: true,
    warrantyEndsAt: null,
    lastBackupAt: null,
    ...overrides,
  };
}

function fact(value: unknown, observedAt: Date = daysAgo(1)): EvidenceFact {
  return { value, observedAt, source: 'entra' };
}

interface Evidence {
  facts?: Record<string, EvidenceFact>;
  assets?: EvidenceAsset[];
}

function contextWith({ facts = {}, assets = [] }: Evidence = {}): EvaluationContext {
  return {
    controlId: 'control-1',
    now: NOW,
    evidence: {
      client: { id: 'client-1', name: 'Acme Dental', status: 'active', domains: ['acme.example', 'acme-dental.example'], seats: 12, baseline: 'Standard' },
      assets,
      facts: new Map(Object.entries(facts)),
      attestations: new Map(),
      dns: new Map(),
    },
  };
}

function evaluate(expression: string, evidence: Evidence = {}): Outcome {
  return expressionEvaluator.evaluate({ expression }, contextWith(evidence));
}

function problemsOf(expression: unknown) {
  return expressionEvaluator.validate({ expression });
}

describe('expressionEvaluator.validate', () => {
  it('has the expression kind', () => {
    expect(expressionEvaluator.kind).toBe('expression');
  });

  it.each([
    'true',
    'facts["mfa.enforced"] == true',
    '0.5',
    '1',
    'facts.coverage',
    'has(facts.mfa) && facts.mfa == true',
    '"edr.coverage" in facts && facts["edr.coverage"] >= 0.9',
    'assets.filter(a, a.kind == "workstation").all(a, a.diskEncrypted == true)',
    'now - timestamp(facts["backup.last_success"]) < duration("168h")',
    'now - observed["mfa.enforced"] < duration("720h")',
    'client.seats > 10 && size(client.domains) > 0',
  ])('accepts %j', (expression) => {
    expect(problemsOf(expression)).toEqual([]);
    expect(checkExpression(expression)).toBeNull();
  });

  it.each([
    ['"compliant"', 'string'],
    ['"a" + "b"', 'string'],
    ['timestamp("2026-01-01T00:00:00Z")', 'google.protobuf.Timestamp'],
    ['duration("1h")', 'google.protobuf.Duration'],
    ['[true, false]', 'list<bool>'],
    ['null', 'null'],
  ])('refuses %j, which cannot yield a verdict', (expression, type) => {
    expect(problemsOf(expression)).toEqual([
      { field: 'expression', message: `The expression yields a ${type}; it must yield a boolean (pass/fail) or a number from 0 to 1 (credit)`, line: 1, column: 1 },
    ]);
  });

  it('reports a syntax error with the line and column it is on', () => {
    const problem = checkExpression('facts["mfa.enforced"] == true &&\n  (1 +)');
    expect(problem).toEqual({ field: 'expression', message: 'Syntax error at line 2, column 7: Unexpected token: RPAREN', line: 2, column: 7 });
    expect(problemsOf('facts["mfa.enforced"] == true &&\n  (1 +)')).toEqual([problem]);
  });

  it('reports a syntax error at the end of a one-line expression', () => {
    expect(checkExpression('1 +')).toEqual({ field: 'expression', message: 'Syntax error at line 1, column 4: Unexpected token: EOF', line: 1, column: 4 });
  });

  it('counts lines and columns after several line breaks', () => {
    expect(checkExpression('true &&\ntrue &&\n    facts.a ==')).toMatchObject({ line: 3, column: 15 });
  });

  it('reports a type error with the line and column it is on', () => {
    expect(checkExpression('true &&\n  1 + "a" == 2')).toEqual({ field: 'expression', message: 'Type error at line 2, column 3: no such overload: int + string', line: 2, column: 3 });
  });

  it('reports an unknown variable as a type error', () => {
    expect(checkExpression('fact.mfa == true')).toEqual({ field: 'expression', message: 'Type error at line 1, column 1: Unknown variable: fact', line: 1, column: 1 });
  });

  it('reports a function called with the wrong arguments', () => {
    expect(checkExpression('size(1, 2) > 0')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining("Type error at line 1, column 1: found no matching overload for 'size(int, int)'") });
  });

  it.each([
    ['nesting deeper than 40', `${'('.repeat(60)}true${')'.repeat(60)}`, 'Exceeded maxDepth (40)'],
    ['more than 1000 nodes', `${Array.from({ length: 700 }, () => '1').join('+')} > 0`, 'Exceeded maxAstNodes (1000)'],
    ['a list of more than 200 elements', `size([${Array.from({ length: 250 }, (_, index) => index).join(',')}]) > 0`, 'Exceeded maxListElements (200)'],
    ['a call with more than 8 arguments', 'size(1,2,3,4,5,6,7,8,9,10) > 0', 'Exceeded maxCallArguments (8)'],
  ])('refuses %s as a syntax error instead of running it', (_, expression, summary) => {
    const problems = problemsOf(expression);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'expression', message: expect.stringMatching(new RegExp(`^Syntax error at line 1, column \\d+: ${summary.replace(/[()]/g, '\\$&')}$`)) });
  });

  it('reports an unterminated string and an unexpected character', () => {
    expect(checkExpression('facts.name == "abc')).toMatchObject({ line: 1, column: 15, message: 'Syntax error at line 1, column 15: Unterminated string' });
    expect(checkExpression('true # false')).toMatchObject({ line: 1, column: 6, message: 'Syntax error at line 1, column 6: Unexpected character: #' });
  });

  it.each([[''], ['   \n '], [42], [null], [undefined], ['x'.repeat(MAX_EXPRESSION_LENGTH + 1)]])('refuses %j as not an expression', (expression) => {
    expect(problemsOf(expression)).toEqual([{ field: 'expression', message: 'expression must be a CEL expression of 1 to 4000 characters' }]);
  });

  it('accepts an expression of exactly 4000 characters', () => {
    const expression = `true${' '.repeat(MAX_EXPRESSION_LENGTH - 4)}`;
    expect(expression).toHaveLength(4000);
    expect(problemsOf(expression)).toEqual([]);
  });

  it('refuses unknown fields beside the expression', () => {
    expect(expressionEvaluator.validate({ expression: 'true', language: 'cel' })).toEqual([{ field: 'language', message: 'language is not a parameter of this evaluator (expected: expression)' }]);
    expect(expressionEvaluator.validate({ expresion: 'true' })).toEqual([
      { field: 'expresion', message: 'expresion is not a parameter of this evaluator (expected: expression)' },
      { field: 'expression', message: 'expression must be a CEL expression of 1 to 4000 characters' },
    ]);
  });

  it('reports an unknown field and a syntax error together', () => {
    expect(expressionEvaluator.validate({ expression: '(', note: 'x' }).map((problem) => problem.field)).toEqual(['note', 'expression']);
  });
});

describe('expressionEvaluator.evaluate', () => {
  describe('results', () => {
    it('passes on true and fails on false', () => {
      expect(evaluate('true')).toEqual({ status: 'pass', fraction: 1, summary: 'The expression is true', evidence: { expression: 'true', value: true }, failingAssets: [] });
      expect(evaluate('1 > 2')).toEqual({ status: 'fail', fraction: 0, summary: 'The expression is false', evidence: { expression: '1 > 2', value: false }, failingAssets: [] });
    });

    it('gives a number between 0 and 1 as partial credit', () => {
      const outcome = evaluate('facts["edr.coverage"]', { facts: { 'edr.coverage': fact(0.75) } });
      expect(outcome).toEqual({ status: 'partial', fraction: 0.75, summary: 'The expression gives credit 0.75', evidence: { expression: 'facts["edr.coverage"]', value: 0.75 }, failingAssets: [] });
    });

    it('scores the numbers 1 and 0, integer or not, as pass and fail', () => {
      expect(evaluate('1')).toMatchObject({ status: 'pass', fraction: 1, evidence: { value: 1 } });
      expect(evaluate('1.0')).toMatchObject({ status: 'pass', fraction: 1 });
      expect(evaluate('0')).toMatchObject({ status: 'fail', fraction: 0, evidence: { value: 0 } });
      expect(evaluate('0.0')).toMatchObject({ status: 'fail', fraction: 0 });
    });

    it('computes a share as credit', () => {
      const assets = [asset('A'), asset('B'), asset('C', { diskEncrypted: false }), asset('D', { diskEncrypted: false })];
      const outcome = evaluate('double(size(assets.filter(a, a.diskEncrypted == true))) / double(size(assets))', { assets });
      expect(outcome).toMatchObject({ status: 'partial', fraction: 0.5, summary: 'The expression gives credit 0.5' });
    });

    it.each([
      ['1.5', '1.5'],
      ['2', '2'],
      ['-1', '-1'],
      ['-0.25', '-0.25'],
      ['facts.admins', '3'],
    ])('gives an error when %j yields a number outside 0..1', (expression, shown) => {
      const outcome = evaluate(expression, { facts: { admins: fact(3) } });
      expect(outcome).toEqual({
        status: 'error',
        fraction: null,
        summary: `The expression yielded ${shown}; it must yield a boolean or a number from 0 to 1`,
        evidence: { expression },
        failingAssets: [],
      });
    });

    it('gives an error for an infinite result', () => {
      expect(evaluate('facts.coverage / 0.0', { facts: { coverage: fact(0.5) } })).toMatchObject({ status: 'error', summary: 'The expression yielded Infinity; it must yield a boolean or a number from 0 to 1' });
    });

    it('gives an error when a fact makes the expression yield text at run time', () => {
      expect(evaluate('facts.status', { facts: { status: fact('compliant') } })).toMatchObject({
        status: 'error',
        summary: 'The expression yielded compliant; it must yield a boolean or a number from 0 to 1',
      });
    });
  });

  describe('failures while evaluating', () => {
    it('gives an error for a type mismatch found at run time', () => {
      const outcome = evaluate('facts.coverage + "%" == "75%"', { facts: { coverage: fact(0.75) } });
      expect(outcome.status).toBe('error');
      expect(outcome.summary).toMatch(/^The expression failed: no such overload/);
      expect(outcome.evidence).toEqual({ expression: 'facts.coverage + "%" == "75%"' });
    });

    it('gives an error for a division by zero', () => {
      expect(evaluate('1 / 0 == 1')).toMatchObject({ status: 'error', fraction: null, summary: 'The expression failed: division by zero' });
    });

    it('gives an error for a malformed timestamp', () => {
      expect(evaluate('now > timestamp(facts.when)', { facts: { when: fact('last tuesday') } })).toMatchObject({ status: 'error', summary: expect.stringContaining('The expression failed: timestamp()') });
    });
  });

  describe('missing facts', () => {
    it('gives no_data when the expression reads a fact that has not been reported', () => {
      const outcome = evaluate('facts.mfa == true');
      expect(outcome).toEqual({
        status: 'no_data',
        fraction: null,
        summary: 'No evidence: the expression reads "mfa", which has not been reported (guard it with has() or "key" in facts to decide otherwise)',
        evidence: { expression: 'facts.mfa == true' },
        failingAssets: [],
      });
    });

    it('names a dotted key read with brackets', () => {
      expect(evaluate('facts["edr.coverage"] >= 0.9')).toMatchObject({ status: 'no_data', summary: expect.stringContaining('reads "edr.coverage"') });
    });

    it('decides for itself when the read is guarded with has()', () => {
      const expression = 'has(facts.mfa) && facts.mfa == true';
      expect(evaluate(expression)).toMatchObject({ status: 'fail', fraction: 0 });
      expect(evaluate(expression, { facts: { mfa: fact(true) } })).toMatchObject({ status: 'pass', fraction: 1 });
    });

    it('decides for itself when the read is guarded with "key" in facts', () => {
      const expression = '!("edr.coverage" in facts) || facts["edr.coverage"] >= 0.9';
      expect(evaluate(expression)).toMatchObject({ status: 'pass' });
      expect(evaluate(expression, { facts: { 'edr.coverage': fact(0.8) } })).toMatchObject({ status: 'fail' });
      expect(evaluate(expression, { facts: { 'edr.coverage': fact(0.95) } })).toMatchObject({ status: 'pass' });
    });

    it('can fall back to a default value', () => {
      expect(evaluate('has(facts.coverage) ? facts.coverage : 0.0')).toMatchObject({ status: 'fail', fraction: 0 });
      expect(evaluate('has(facts.coverage) ? facts.coverage : 0.0', { facts: { coverage: fact(0.6) } })).toMatchObject({ status: 'partial', fraction: 0.6 });
    });
  });

  describe('what the expression can read', () => {
    it('runs macros over assets', () => {
      const expression = 'assets.filter(a, a.kind == "workstation").all(a, a.diskEncrypted == true)';
      const laptops = [asset('WS-1'), asset('WS-2'), asset('SRV-1', { kind: 'server', diskEncrypted: false })];
      expect(evaluate(expression, { assets: laptops })).toMatchObject({ status: 'pass' });
      expect(evaluate(expression, { assets: [...laptops, asset('WS-3', { diskEncrypted: false })] })).toMatchObject({ status: 'fail' });
    });

    it('sees an asset field that was not reported as null', () => {
      const expression = 'assets.all(a, a.diskEncrypted == true)';
      expect(evaluate(expression, { assets: [asset('WS-1', { diskEncrypted: null })] })).toMatchObject({ status: 'fail' });
      expect(evaluate('assets.exists(a, a.diskEncrypted == null)', { assets: [asset('WS-1', { diskEncrypted: null })] })).toMatchObject({ status: 'pass' });
    });

    it('passes all() vacuously when there is no asset', () => {
      expect(evaluate('assets.all(a, a.diskEncrypted == true)')).toMatchObject({ status: 'pass' });
      expect(evaluate('size(assets) > 0 && assets.all(a, a.diskEncrypted == true)')).toMatchObject({ status: 'fail' });
    });

    it('compares asset dates with now', () => {
      const expression = 'assets.all(a, now - a.lastSeenAt < duration("720h"))';
      expect(evaluate(expression, { assets: [asset('WS-1', { lastSeenAt: daysAgo(29) })] })).toMatchObject({ status: 'pass' });
      expect(evaluate(expression, { assets: [asset('WS-1', { lastSeenAt: daysAgo(31) })] })).toMatchObject({ status: 'fail' });
    });

    it('reads dates from facts with timestamp()', () => {
      const expression = 'now - timestamp(facts["backup.last_success"]) < duration("168h")';
      expect(evaluate(expression, { facts: { 'backup.last_success': fact(daysAgo(3).toISOString()) } })).toMatchObject({ status: 'pass' });
      expect(evaluate(expression, { facts: { 'backup.last_success': fact(daysAgo(10).toISOString()) } })).toMatchObject({ status: 'fail' });
    });

    it('uses the evaluation time as now', () => {
      expect(evaluate('now == timestamp("2026-11-23T12:00:00Z")')).toMatchObject({ status: 'pass' });
      expect(evaluate('now > timestamp("2026-11-23T12:00:01Z")')).toMatchObject({ status: 'fail' });
    });

    it('reads when each fact was observed from the observed map', () => {
      const expression = 'facts["mfa.enforced"] == true && now - observed["mfa.enforced"] < duration("720h")';
      expect(evaluate(expression, { facts: { 'mfa.enforced': fact(true, daysAgo(10)) } })).toMatchObject({ status: 'pass' });
      expect(evaluate(expression, { facts: { 'mfa.enforced': fact(true, daysAgo(45)) } })).toMatchObject({ status: 'fail' });
    });

    it('reads the client', () => {
      expect(evaluate('client.name == "Acme Dental" && client.seats == 12 && "acme.example" in client.domains && client.baseline == "Standard"')).toMatchObject({ status: 'pass' });
      expect(evaluate('client.status == "active"')).toMatchObject({ status: 'pass' });
    });

    it('reads nested fact values', () => {
      expect(evaluate('facts.licenses.e5 >= 10', { facts: { licenses: fact({ e5: 12, e3: 0 }) } })).toMatchObject({ status: 'pass' });
    });

    it('gives the same outcome for the same context', () => {
      const context = contextWith({ facts: { coverage: fact(0.4) } });
      const params = { expression: 'facts.coverage' };
      expect(expressionEvaluator.evaluate(params, context)).toEqual(expressionEvaluator.evaluate(params, context));
    });
  });
});
