import type { ResultStatus } from '../../controls/evaluators/evaluator.js';

/**
 * Where a client stands on one requirement, from the results of the controls that support it:
 * - `met`: every control with a verdict passes
 * - `risk_accepted`: nothing fails, and at least one gap is an accepted risk
 * - `partially_met`: some credit, some gaps
 * - `not_met`: gaps and no credit anywhere
 * - `not_applicable`: every supporting control is N/A
 * - `not_covered`: no supporting control has a verdict (no data, errors, or none evaluated)
 * - `no_controls`: nothing in the catalog maps to it yet
 */
export const REQUIREMENT_STATUSES = ['met', 'risk_accepted', 'partially_met', 'not_met', 'not_applicable', 'not_covered', 'no_controls'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export interface SupportingResult {
  status: ResultStatus;
  fraction: number | null;
}

export function requirementStatus(mappedControls: number, results: readonly SupportingResult[]): RequirementStatus {
  if (mappedControls === 0) return 'no_controls';
  const verdicts = results.filter((result) => result.status === 'pass' || result.status === 'partial' || result.status === 'fail' || result.status === 'excepted');
  if (verdicts.length === 0) return results.length > 0 && results.every((result) => result.status === 'not_applicable') ? 'not_applicable' : 'not_covered';
  const gaps = verdicts.filter((result) => result.status !== 'pass');
  if (gaps.length === 0) return 'met';
  if (gaps.every((result) => result.status === 'excepted')) return 'risk_accepted';
  const credited = verdicts.some((result) => result.status === 'pass' || (result.status === 'partial' && (result.fraction ?? 0) > 0));
  return credited ? 'partially_met' : 'not_met';
}
