import type { Severity } from '../../controls/catalog/control-definition.js';
import type { ResultStatus } from '../../controls/evaluators/evaluator.js';
import type { ChangeDirection } from '../../scorecards/client/result-changes.js';
import type { RequirementStatus } from '../../scorecards/client/statement-of-applicability.js';

/** The words the report uses for the API's codes, the same as the dashboard's. */
export const RESULT_STATUS_LABELS: Record<ResultStatus, string> = {
  pass: 'Pass',
  partial: 'Partial',
  fail: 'Fail',
  not_applicable: 'Not applicable',
  excepted: 'Excepted',
  no_data: 'No data',
  error: 'Error',
};

export const REQUIREMENT_STATUS_LABELS: Record<RequirementStatus, string> = {
  met: 'Met',
  partially_met: 'Partially met',
  not_met: 'Not met',
  risk_accepted: 'Risk accepted',
  not_applicable: 'Not applicable',
  not_covered: 'Not covered',
  no_controls: 'No controls',
};

export const DIRECTION_LABELS: Record<ChangeDirection, string> = {
  improved: 'Improved',
  regressed: 'Regressed',
  changed: 'Changed',
  added: 'Added',
  removed: 'Removed',
};

export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
