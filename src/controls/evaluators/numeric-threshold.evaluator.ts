import type { Evaluator } from './evaluator.js';
import { currentFact, describeFact } from './fact-reading.js';
import { evaluationError, graded } from './outcome.js';
import { days, factKey, finiteNumber, knownFields, oneOf, problemsOf } from './param-checks.js';
import type { NumericThresholdParams } from './params.js';

const PARAMS = ['fact', 'operator', 'threshold', 'partialFrom', 'maxEvidenceAgeDays'] as const;

export const numericThresholdEvaluator: Evaluator<NumericThresholdParams> = {
  kind: 'numeric_threshold',

  validate(params) {
    const problems = problemsOf(
      knownFields(params, PARAMS),
      factKey(params, 'fact'),
      oneOf(params, 'operator', ['gte', 'lte']),
      finiteNumber(params, 'threshold'),
      params.partialFrom === null ? null : finiteNumber(params, 'partialFrom'),
      days(params, 'maxEvidenceAgeDays'),
    );
    if (problems.length > 0 || params.partialFrom === null) return problems;
    const { operator, threshold, partialFrom } = params as unknown as NumericThresholdParams;
    const onTheFailingSide = operator === 'gte' ? partialFrom! < threshold : partialFrom! > threshold;
    return onTheFailingSide ? [] : [{ field: 'partialFrom', message: `partialFrom must be ${operator === 'gte' ? 'below' : 'above'} threshold (${threshold}): partial credit is for values short of it` }];
  },

  evaluate(params, context) {
    const read = currentFact(context, params.fact, params.maxEvidenceAgeDays);
    if ('outcome' in read) return read.outcome;
    const evidence = describeFact(params.fact, read.fact);
    const { value } = read.fact;
    if (typeof value !== 'number' || !Number.isFinite(value)) return evaluationError(`${params.fact} should be a number but is ${JSON.stringify(value)}`, evidence);
    const wanted = `${params.operator === 'gte' ? 'at least' : 'at most'} ${params.threshold}`;
    return graded(creditFor(value, params), `${params.fact} is ${value} (${wanted} required)`, evidence);
  },
};

/** 1 on the right side of the threshold; between `partialFrom` and the threshold credit rises linearly. */
function creditFor(value: number, { operator, threshold, partialFrom }: NumericThresholdParams): number {
  const sign = operator === 'gte' ? 1 : -1;
  if (sign * (value - threshold) >= 0) return 1;
  if (partialFrom === null || sign * (value - partialFrom) <= 0) return 0;
  return (value - partialFrom) / (threshold - partialFrom);
}
