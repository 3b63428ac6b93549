import type { Evaluator } from './evaluator.js';
import { currentFact, describeFact } from './fact-reading.js';
import { evaluationError, graded } from './outcome.js';
import { ageInDays, days, factKey, knownFields, problemsOf } from './param-checks.js';
import type { FactFreshnessParams } from './params.js';

const PARAMS = ['fact', 'maxAgeDays', 'graceDays'] as const;
/** Clocks of the tools that report dates drift; a date this far ahead is still taken as "now". */
const FUTURE_TOLERANCE_DAYS = 1;

export const factFreshnessEvaluator: Evaluator<FactFreshnessParams> = {
  kind: 'fact_freshness',

  validate(params) {
    return problemsOf(knownFields(params, PARAMS), factKey(params, 'fact'), days(params, 'maxAgeDays'), days(params, 'graceDays'));
  },

  evaluate(params, context) {
    const read = currentFact(context, params.fact, null);
    if ('outcome' in read) return read.outcome;
    const evidence = describeFact(params.fact, read.fact);
    const date = parseDate(read.fact.value);
    if (date === null) return evaluationError(`${params.fact} should be an ISO 8601 date but is ${JSON.stringify(read.fact.value)}`, evidence);
    const age = ageInDays(date, context.now);
    if (age < -FUTURE_TOLERANCE_DAYS) return evaluationError(`${params.fact} is in the future (${date.toISOString()})`, evidence);
    const shownAge = Math.max(0, Math.floor(age));
    const at = `${params.fact} ${date.toISOString().slice(0, 10)}, ${shownAge} days ago`;
    if (age <= params.maxAgeDays) return graded(1, `${at} (within ${params.maxAgeDays} days)`, { ...evidence, ageDays: shownAge });
    const overdue = age - params.maxAgeDays;
    const fraction = params.graceDays === 0 ? 0 : 1 - overdue / params.graceDays;
    return graded(fraction, `${at} (due within ${params.maxAgeDays} days)`, { ...evidence, ageDays: shownAge });
  },
};

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
