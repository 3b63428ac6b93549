import { assetShareEvaluator } from './asset-share.evaluator.js';
import { attestationEvaluator } from './attestation.evaluator.js';
import { booleanFactEvaluator } from './boolean-fact.evaluator.js';
import { dnsEvaluator } from './dns/dns.evaluator.js';
import type { EvaluationContext, Evaluator, Outcome, ParamProblem } from './evaluator.js';
import { expressionEvaluator } from './expression.evaluator.js';
import { factFreshnessEvaluator } from './fact-freshness.evaluator.js';
import { numericThresholdEvaluator } from './numeric-threshold.evaluator.js';
import { evaluationError } from './outcome.js';
import { EVALUATOR_KINDS, type EvaluatorKind, type EvaluatorSpec } from './params.js';

const EVALUATORS: { [K in EvaluatorKind]: Evaluator<Extract<EvaluatorSpec, { kind: K }>['params']> } = {
  asset_share: assetShareEvaluator,
  fact_freshness: factFreshnessEvaluator,
  boolean_fact: booleanFactEvaluator,
  numeric_threshold: numericThresholdEvaluator,
  dns: dnsEvaluator,
  attestation: attestationEvaluator,
  expression: expressionEvaluator,
};

export function isEvaluatorKind(kind: unknown): kind is EvaluatorKind {
  return typeof kind === 'string' && (EVALUATOR_KINDS as readonly string[]).includes(kind);
}

/** Problems with a kind and its complete parameters, each field named below `params.`. */
export function evaluatorProblems(kind: unknown, params: unknown): ParamProblem[] {
  if (!isEvaluatorKind(kind)) return [{ field: 'kind', message: `kind must be one of: ${EVALUATOR_KINDS.join(', ')}` }];
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return [{ field: 'params', message: 'params must be an object' }];
  return EVALUATORS[kind].validate(params as Record<string, unknown>).map((problem) => ({ ...problem, field: `params.${problem.field}` }));
}

/**
 * Runs one evaluator. Parameters are checked first (a combination of levels can be invalid even
 * when each level was valid on its own), and a failure inside an evaluator becomes an `error`
 * result for that control instead of failing the client's whole evaluation.
 */
export function runEvaluator(kind: EvaluatorKind, params: Record<string, unknown>, context: EvaluationContext): Outcome {
  const problems = evaluatorProblems(kind, params);
  if (problems.length > 0) return evaluationError(`The control's settings are invalid: ${problems.map((problem) => problem.message).join('; ')}`, { params });
  try {
    return (EVALUATORS[kind] as Evaluator<unknown>).evaluate(params, context);
  } catch (error) {
    return evaluationError(`The evaluator failed: ${error instanceof Error ? error.message : String(error)}`, { params });
  }
}
