import { Environment, EvaluationError, ParseError, TypeError as CelTypeError } from '@marcbachmann/cel-js';

import type { ClientEvidence, Evaluator, Outcome, ParamProblem } from './evaluator.js';
import { evaluationError, graded, noData } from './outcome.js';
import { knownFields } from './param-checks.js';
import type { ExpressionParams } from './params.js';

export const MAX_EXPRESSION_LENGTH = 4000;

/**
 * MSP-written controls in CEL: non-Turing-complete, no I/O, no host access, bounded size and
 * depth. The expression sees `client`, `facts` (key → value), `observed` (key → when observed),
 * `assets` (list of asset maps) and `now`.
 */
const environment = new Environment({ homogeneousAggregateLiterals: false, limits: { maxAstNodes: 1000, maxDepth: 40, maxListElements: 200, maxMapEntries: 200, maxCallArguments: 8 } })
  .registerVariable('client', 'map')
  .registerVariable('facts', 'map')
  .registerVariable('observed', 'map')
  .registerVariable('assets', 'list<map>')
  .registerVariable('now', 'google.protobuf.Timestamp');

const RESULT_TYPES = new Set(['bool', 'double', 'int', 'uint', 'dyn']);

/** Where a problem is in the expression, 1-based, for an editor to put its caret on. */
export interface ExpressionProblem extends ParamProblem {
  line: number;
  column: number;
}

/** Parses and type-checks an expression; the problem names the line and column it found. */
export function checkExpression(expression: string): ExpressionProblem | null {
  try {
    const checked = environment.check(expression);
    if (checked.valid && checked.type !== undefined && !RESULT_TYPES.has(checked.type)) {
      return { field: 'expression', message: `The expression yields a ${checked.type}; it must yield a boolean (pass/fail) or a number from 0 to 1 (credit)`, line: 1, column: 1 };
    }
    if (!checked.valid && checked.error) return locate(expression, checked.error);
    return null;
  } catch (error) {
    if (error instanceof ParseError || error instanceof CelTypeError) return locate(expression, error);
    throw error;
  }
}

function locate(expression: string, error: ParseError | CelTypeError): ExpressionProblem {
  const offset = error.range?.start ?? 0;
  const before = expression.slice(0, offset).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  const kind = error instanceof ParseError ? 'Syntax error' : 'Type error';
  return { field: 'expression', message: `${kind} at line ${line}, column ${column}: ${error.summary}`, line, column };
}

export const expressionEvaluator: Evaluator<ExpressionParams> = {
  kind: 'expression',

  validate(params) {
    const problems = knownFields(params, ['expression']);
    const { expression } = params;
    if (typeof expression !== 'string' || expression.trim().length === 0 || expression.length > MAX_EXPRESSION_LENGTH) {
      return [...problems, { field: 'expression', message: `expression must be a CEL expression of 1 to ${MAX_EXPRESSION_LENGTH} characters` }];
    }
    const problem = checkExpression(expression);
    return problem ? [...problems, problem] : problems;
  },

  evaluate(params, context) {
    const evidence = { expression: params.expression };
    let value: unknown;
    try {
      value = environment.evaluate(params.expression, variablesOf(context.evidence, context.now));
    } catch (error) {
      return failureOutcome(error, evidence);
    }
    if (typeof value === 'boolean') return graded(value ? 1 : 0, `The expression is ${value}`, { ...evidence, value });
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number === 'number' && number >= 0 && number <= 1) return graded(number, `The expression gives credit ${number}`, { ...evidence, value: number });
    return evaluationError(`The expression yielded ${String(value)}; it must yield a boolean or a number from 0 to 1`, evidence);
  },
};

/** A missing fact means no evidence yet, not a broken control; anything else is an error to fix. */
function failureOutcome(error: unknown, evidence: Record<string, unknown>): Outcome {
  if (error instanceof EvaluationError) {
    const missingKey = /^No such key: (.+)$/.exec(error.summary)?.[1];
    if (missingKey !== undefined) return noData(`No evidence: the expression reads "${missingKey}", which has not been reported (guard it with has() or "key" in facts to decide otherwise)`, evidence);
    return evaluationError(`The expression failed: ${error.summary}`, evidence);
  }
  throw error;
}

function variablesOf(evidence: ClientEvidence, now: Date): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const observed: Record<string, Date> = {};
  for (const [key, fact] of evidence.facts) {
    facts[key] = fact.value;
    observed[key] = fact.observedAt;
  }
  const { client } = evidence;
  return {
    client: { name: client.name, status: client.status, domains: client.domains, seats: client.seats, baseline: client.baseline },
    facts,
    observed,
    assets: evidence.assets.map((asset) => ({ ...asset })),
    now,
  };
}
