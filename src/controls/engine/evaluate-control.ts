import type { ControlCategory, Severity } from '../catalog/control-definition.js';
import type { ClientEvidence, FailingAsset, ResultStatus } from '../evaluators/evaluator.js';
import type { EvaluatorKind } from '../evaluators/params.js';
import { runEvaluator } from '../evaluators/registry.js';
import type { EffectiveSettings } from '../settings/effective-settings.js';
import { type AcceptedRisk, exceptionsFor, type ExceptionSummary, summarizeException } from './exceptions.js';

/** A control as the engine needs it (built-in or custom), with its effective settings for one client. */
export interface ControlUnderEvaluation {
  id: string;
  key: string;
  name: string;
  category: ControlCategory;
  severity: Severity;
  evaluatorKind: EvaluatorKind;
  settings: EffectiveSettings;
}

export interface ControlResult {
  controlId: string;
  controlKey: string;
  name: string;
  category: ControlCategory;
  severity: Severity;
  weight: number;
  status: ResultStatus;
  /** Credit 0..1 for pass, partial and fail; null for the statuses that are not scored as such. */
  fraction: number | null;
  summary: string;
  evidence: Record<string, unknown>;
  failingAssets: FailingAsset[];
  /** The accepted risk in force, for `excepted`. */
  exception: ExceptionSummary | null;
  notApplicableReason: string | null;
}

/**
 * One control for one client: N/A settings short-circuit; otherwise the evaluator runs and an
 * accepted risk turns a non-passing outcome into `excepted` (a control that passes anyway stays a
 * pass: the risk it accepted is gone). The evaluator's own verdict stays in the evidence.
 */
export function evaluateControl(control: ControlUnderEvaluation, evidence: ClientEvidence, risks: readonly AcceptedRisk[], now: Date): ControlResult {
  const base = { controlId: control.id, controlKey: control.key, name: control.name, category: control.category, severity: control.severity, weight: control.settings.weight };
  if (control.settings.notApplicable) {
    const reason = control.settings.notApplicable.reason;
    return { ...base, status: 'not_applicable', fraction: null, summary: `Not applicable: ${reason}`, evidence: { setBy: control.settings.sources.notApplicable }, failingAssets: [], exception: null, notApplicableReason: reason };
  }
  const outcome = runEvaluator(control.evaluatorKind, control.settings.params, { evidence, controlId: control.id, now });
  const { active, expired } = exceptionsFor(control.id, evidence.client, risks, now);
  const noted = expired && !active ? { ...outcome.evidence, expiredException: summarizeException(expired) } : outcome.evidence;
  if (active && outcome.status !== 'pass' && outcome.status !== 'not_applicable') {
    return {
      ...base,
      status: 'excepted',
      fraction: null,
      summary: `Accepted risk (owner ${active.owner}, until ${active.expiresAt.toISOString().slice(0, 10)}): ${outcome.summary}`,
      evidence: { ...noted, evaluatedStatus: outcome.status, evaluatedFraction: outcome.fraction },
      failingAssets: outcome.failingAssets,
      exception: summarizeException(active),
      notApplicableReason: null,
    };
  }
  return {
    ...base,
    status: outcome.status,
    fraction: outcome.fraction,
    summary: outcome.summary,
    evidence: noted,
    failingAssets: outcome.failingAssets,
    exception: null,
    notApplicableReason: outcome.status === 'not_applicable' ? outcome.summary : null,
  };
}
