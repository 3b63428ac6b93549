import type { EvaluatorSpec } from '../evaluators/params.js';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONTROL_CATEGORIES = ['identity', 'endpoint', 'email', 'backup', 'network', 'data', 'awareness', 'governance'] as const;
export type ControlCategory = (typeof CONTROL_CATEGORIES)[number];

/** A built-in control: what is checked, why, how to fix it, and how much it matters. */
export interface ControlDefinition {
  /** Stable slug, never reused: `identity.mfa_all_users`. */
  key: string;
  name: string;
  category: ControlCategory;
  severity: Severity;
  /** What the control checks, in one or two sentences. */
  description: string;
  /** Why it matters to a small business, in plain language. */
  rationale: string;
  /** What a technician does to make it pass, step by step where useful. */
  remediation: string;
  /** Where the evidence comes from and which fact keys or asset fields it reads. */
  evidenceSource: string;
  evaluator: EvaluatorSpec;
  /** Framework requirements the control supports, by framework key and the framework's own ref. */
  mappings: Readonly<Record<string, readonly string[]>>;
}
