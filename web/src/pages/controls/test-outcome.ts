/**
 * Test mode for a control that is not saved yet. The API previews an unsaved evaluator only in the
 * place of a saved control, so a draft borrows one; the borrowed control's own accepted risks and
 * not-applicable settings must not be mistaken for the draft's result.
 */
import { RESULT_STATUSES, type ResultStatus } from '../../api/domain.js';
import type { Control, ControlResult } from './types.js';

export interface TestOutcome {
  status: ResultStatus;
  fraction: number | null;
  summary: string;
  /** What the expression gave, when it ran. */
  value?: unknown;
  /** Why there is no result for the draft at this client. */
  untested?: string;
}

/** The control a draft is previewed in place of: one not set aside as not applicable for the tenant. */
export function testHost(catalog: readonly Control[]): Control | undefined {
  return catalog.find((control) => control.effective.notApplicableReason === null) ?? catalog[0];
}

export function testOutcome(result: ControlResult, borrowed: Pick<Control, 'name'> | null): TestOutcome {
  const value = 'value' in result.evidence ? result.evidence.value : undefined;
  if (borrowed && result.status === 'not_applicable' && 'setBy' in result.evidence) {
    return { status: 'no_data', fraction: null, summary: '', untested: `Not tested here: the test runs in place of “${borrowed.name}”, which this client’s settings mark not applicable. Save the control, then test it again.` };
  }
  if (borrowed && result.status === 'excepted') {
    const evaluated = result.evidence.evaluatedStatus as ResultStatus;
    return {
      status: RESULT_STATUSES.includes(evaluated) ? evaluated : 'error',
      fraction: typeof result.evidence.evaluatedFraction === 'number' ? result.evidence.evaluatedFraction : null,
      summary: result.summary.replace(/^Accepted risk \(owner .*, until \d{4}-\d{2}-\d{2}\): /, ''),
      value,
    };
  }
  return { status: result.status, fraction: result.fraction, summary: result.summary, value };
}

/** "3 pass, 1 fail, 1 no data" for the live region after a test. */
export function tally(outcomes: readonly Pick<TestOutcome, 'status' | 'untested'>[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const label = outcome.untested ? 'not tested' : outcome.status.replace('_', ' ');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${count} ${label}`).join(', ');
}
