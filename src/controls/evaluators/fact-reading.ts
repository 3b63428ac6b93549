import type { EvaluationContext, EvidenceFact, Outcome } from './evaluator.js';
import { noData } from './outcome.js';
import { ageInDays } from './param-checks.js';

/**
 * The fact a control reads, or the no-data outcome when it is missing or stale: evidence nobody has
 * refreshed for months says nothing about today.
 */
export function currentFact(context: EvaluationContext, key: string, maxEvidenceAgeDays: number | null): { fact: EvidenceFact } | { outcome: Outcome } {
  const fact = context.evidence.facts.get(key);
  if (!fact) return { outcome: noData(`No evidence: fact ${key} has not been reported`, { fact: key }) };
  const age = ageInDays(fact.observedAt, context.now);
  if (maxEvidenceAgeDays !== null && age > maxEvidenceAgeDays) {
    return {
      outcome: noData(`Evidence is stale: ${key} was last observed ${Math.floor(age)} days ago (limit ${maxEvidenceAgeDays})`, describeFact(key, fact)),
    };
  }
  return { fact };
}

export function describeFact(key: string, fact: EvidenceFact): Record<string, unknown> {
  return { fact: key, value: fact.value, observedAt: fact.observedAt.toISOString(), source: fact.source };
}
