import type { AssetKind } from '../../integrations/psa-connector.js';
import type { EvidenceAsset } from './evaluator.js';

/** Asset fields a condition can test. */
export type AssetField = Exclude<keyof EvidenceAsset, 'id'>;

/**
 * One test on one asset field. Text comparisons ignore case. A field with no value fails every
 * test, and the asset is reported as "not reported" rather than as failing the test.
 */
export type AssetCondition =
  | { field: AssetField; op: 'eq' | 'neq'; value: string | number | boolean }
  | { field: AssetField; op: 'in' | 'not_in' | 'contains_any' | 'not_contains_any'; value: string[] }
  | { field: AssetField; op: 'lte' | 'gte'; value: number }
  /** A date no older than `value` days. */
  | { field: AssetField; op: 'within_days'; value: number }
  /** A date at least `value` days in the future (a warranty that has not run out, say). */
  | { field: AssetField; op: 'future_days'; value: number }
  | { field: AssetField; op: 'present' };

export interface AssetShareParams {
  /** Asset kinds the control looks at; the rest are ignored. */
  kinds: AssetKind[];
  /** All must hold for an asset to count as meeting the control. */
  conditions: AssetCondition[];
  /** Share of assets (0..1) at which the control passes. */
  passAt: number;
  /** Below this share the control fails outright; between it and `passAt` it earns the share as partial credit. */
  failBelow: number;
  /** Only assets seen within this many days count (null: every active asset). */
  seenWithinDays: number | null;
  /** What having no asset of these kinds means: nothing to check, or evidence missing. */
  whenNoAssets: 'no_data' | 'not_applicable';
}

export interface FactFreshnessParams {
  /** A fact whose value is an ISO 8601 date (`backup.last_success`, `ir_plan.reviewed_at`). */
  fact: string;
  maxAgeDays: number;
  /** Days past `maxAgeDays` during which credit falls linearly from 1 to 0 (0: pass or fail). */
  graceDays: number;
}

export interface BooleanFactParams {
  fact: string;
  expected: boolean;
  /** Evidence observed longer ago than this is stale and treated as missing. */
  maxEvidenceAgeDays: number;
}

export interface NumericThresholdParams {
  fact: string;
  /** `gte`: the value must be at least `threshold` (coverage); `lte`: at most (admin count). */
  operator: 'gte' | 'lte';
  threshold: number;
  /** Where partial credit starts (for `gte` a value below `threshold`, for `lte` above); null: none. */
  partialFrom: number | null;
  maxEvidenceAgeDays: number;
}

export const DMARC_POLICIES = ['none', 'quarantine', 'reject'] as const;
export type DmarcPolicy = (typeof DMARC_POLICIES)[number];

/** Checked for every domain of the client; each domain earns an equal share of the credit. */
export type DnsParams =
  /** One SPF record that ends in `-all` (or `~all` when soft fail is allowed). */
  | { record: 'spf'; allowSoftFail: boolean }
  /** A DMARC record at `_dmarc.<domain>` whose policy is at least `minimumPolicy`. */
  | { record: 'dmarc'; minimumPolicy: DmarcPolicy; requireFullCoverage: boolean }
  /** A published DKIM key at `<selector>._domainkey.<domain>` for at least one of the selectors. */
  | { record: 'dkim'; selectors: string[] };

export interface AttestationParams {
  /** An attestation older than this no longer counts, whatever its own expiry says. */
  maxAgeDays: number;
}

export interface ExpressionParams {
  /** A CEL expression over `client`, `facts` and `assets` that yields a boolean or a number 0..1. */
  expression: string;
}

export type EvaluatorSpec =
  | { kind: 'asset_share'; params: AssetShareParams }
  | { kind: 'fact_freshness'; params: FactFreshnessParams }
  | { kind: 'boolean_fact'; params: BooleanFactParams }
  | { kind: 'numeric_threshold'; params: NumericThresholdParams }
  | { kind: 'dns'; params: DnsParams }
  | { kind: 'attestation'; params: AttestationParams }
  | { kind: 'expression'; params: ExpressionParams };

export type EvaluatorKind = EvaluatorSpec['kind'];
export const EVALUATOR_KINDS: readonly EvaluatorKind[] = ['asset_share', 'fact_freshness', 'boolean_fact', 'numeric_threshold', 'dns', 'attestation', 'expression'];
