import type { AssetRow } from '../../database/schema.js';

/** What an evaluation concluded. `partial` carries a fraction; the rest are whole answers. */
export const RESULT_STATUSES = ['pass', 'partial', 'fail', 'not_applicable', 'excepted', 'no_data', 'error'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export interface FailingAsset {
  id: string;
  name: string;
  /** Why this asset does not meet the condition, in words a technician acts on. */
  reason: string;
}

/** What an evaluator returns: the verdict, how much credit it earns, and what it was based on. */
export interface Outcome {
  status: Exclude<ResultStatus, 'not_applicable' | 'excepted'> | 'not_applicable';
  /** Credit earned, 0..1: 1 for pass, 0 for fail, in between for partial; null when not scored. */
  fraction: number | null;
  /** One sentence for people: "14 of 16 workstations have EDR active". */
  summary: string;
  /** The inputs that decided the outcome (values, dates, records), so a reader can check it. */
  evidence: Record<string, unknown>;
  failingAssets: FailingAsset[];
}

/** The asset fields evaluators may read: the inventory's normalized columns. */
export type EvidenceAsset = Pick<
  AssetRow,
  'id' | 'kind' | 'name' | 'hostname' | 'source' | 'osName' | 'osVersion' | 'lastSeenAt' | 'antivirusProduct' | 'antivirusStatus' | 'patchStatus' | 'missingPatches' | 'diskEncrypted' | 'warrantyEndsAt' | 'lastBackupAt'
>;

export interface EvidenceFact {
  value: unknown;
  observedAt: Date;
  source: string;
}

export interface EvidenceAttestation {
  id: string;
  statement: string;
  attestedBy: string;
  attestedAt: Date;
  expiresAt: Date;
  evidenceUrl: string | null;
}

/** A TXT lookup: the records found (empty for NXDOMAIN or no TXT), or why the lookup failed. */
export type TxtLookup = { records: string[] } | { error: string };

export interface EvidenceClient {
  id: string;
  name: string;
  status: string;
  domains: string[];
  seats: number | null;
  baseline: string | null;
}

/** Everything known about one client at evaluation time; gathered once, read by every control. */
export interface ClientEvidence {
  client: EvidenceClient;
  /** Active assets only. */
  assets: EvidenceAsset[];
  /** Current value per fact key: the most recently observed one across sources. */
  facts: ReadonlyMap<string, EvidenceFact>;
  /** Latest attestation per control id. */
  attestations: ReadonlyMap<string, EvidenceAttestation>;
  /** TXT lookups by fully qualified name, for the names DNS controls asked for (see `dnsNamesFor`). */
  dns: ReadonlyMap<string, TxtLookup>;
}

export interface EvaluationContext {
  evidence: ClientEvidence;
  controlId: string;
  now: Date;
}

export interface ParamProblem {
  /** Dotted path below `params`, e.g. `conditions[0].value`. */
  field: string;
  message: string;
}

/**
 * One kind of check. `validate` runs when parameters are saved (so a bad value is refused then,
 * not discovered at 02:00); `evaluate` is pure: same context, same outcome.
 */
export interface Evaluator<P> {
  kind: string;
  validate(params: Record<string, unknown>): ParamProblem[];
  evaluate(params: P, context: EvaluationContext): Outcome;
}
