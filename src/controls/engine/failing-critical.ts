import type { FailingCriticalControl } from '../../database/schema.js';
import type { ControlScore } from '../../scoring/scoring.js';
import type { ControlResult } from './evaluate-control.js';

/**
 * Critical controls that fail or only partly pass, most points recoverable first: what an account
 * manager calls first about. Controls without data are left to the counts; they are unknowns, not failures.
 */
export function failingCriticalControls(results: readonly Pick<ControlResult, 'controlId' | 'controlKey' | 'name' | 'severity' | 'status'>[], scores: readonly Pick<ControlScore, 'controlId' | 'pointsRecoverable'>[]): FailingCriticalControl[] {
  const recoverable = new Map(scores.map((score) => [score.controlId, score.pointsRecoverable]));
  return results
    .filter((result): result is typeof result & { status: 'fail' | 'partial' } => result.severity === 'critical' && (result.status === 'fail' || result.status === 'partial'))
    .toSorted((a, b) => (recoverable.get(b.controlId) ?? 0) - (recoverable.get(a.controlId) ?? 0) || a.controlKey.localeCompare(b.controlKey))
    .map((result) => ({ controlId: result.controlId, key: result.controlKey, name: result.name, status: result.status }));
}
