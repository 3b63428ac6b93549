import type { Evaluator } from './evaluator.js';
import { currentFact, describeFact } from './fact-reading.js';
import { evaluationError, failed, passed } from './outcome.js';
import { boolean, days, factKey, knownFields, problemsOf } from './param-checks.js';
import type { BooleanFactParams } from './params.js';

const PARAMS = ['fact', 'expected', 'maxEvidenceAgeDays'] as const;

export const booleanFactEvaluator: Evaluator<BooleanFactParams> = {
  kind: 'boolean_fact',

  validate(params) {
    return problemsOf(knownFields(params, PARAMS), factKey(params, 'fact'), boolean(params, 'expected'), days(params, 'maxEvidenceAgeDays'));
  },

  evaluate(params, context) {
    const read = currentFact(context, params.fact, params.maxEvidenceAgeDays);
    if ('outcome' in read) return read.outcome;
    const evidence = describeFact(params.fact, read.fact);
    const { value } = read.fact;
    if (typeof value !== 'boolean') return evaluationError(`${params.fact} should be true or false but is ${JSON.stringify(value)}`, evidence);
    return value === params.expected
      ? passed(`${params.fact} is ${value}`, evidence)
      : failed(`${params.fact} is ${value} (expected ${params.expected})`, evidence);
  },
};
