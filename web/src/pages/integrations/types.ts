/** The integrations API's shapes, as GET /integrations and the sync-run routes return them. */
import type { JobStatus } from '../../api/domain.js';

export const PSA_KINDS = ['connectwise', 'autotask', 'halopsa', 'syncro'] as const;
export type PsaKind = (typeof PSA_KINDS)[number];

/** Asset fields an integration may read from a vendor custom field or a raw path instead of the vendor's own field. */
export const MAPPABLE_ASSET_FIELDS = [
  'hostname',
  'serialNumber',
  'osName',
  'osVersion',
  'lastSeenAt',
  'antivirusProduct',
  'antivirusStatus',
  'patchStatus',
  'missingPatches',
  'diskEncrypted',
  'warrantyEndsAt',
  'lastBackupAt',
] as const;
export type MappableAssetField = (typeof MAPPABLE_ASSET_FIELDS)[number];

export type FieldSource = { customField: string } | { path: string };
export type FieldMapping = Partial<Record<MappableAssetField, FieldSource>>;

export interface ClientFilter {
  /** null: the vendor's default company types. */
  types: string[] | null;
  /** null: any status. */
  statuses: string[] | null;
  includeInactive: boolean;
}

export interface Integration {
  id: string;
  kind: PsaKind;
  name: string;
  config: Record<string, unknown>;
  clientFilter: ClientFilter;
  fieldMapping: FieldMapping;
  credentialsKeyId: string;
  syncedThrough: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionTest {
  ok: boolean;
  detail: string | null;
  error: string | null;
  durationMs: number;
}

export type SyncMode = 'incremental' | 'full';
export type SyncPhase = 'companies' | 'contacts' | 'assets' | 'deactivating';

export interface SyncCounts {
  created: number;
  updated: number;
  deactivated: number;
  skipped: number;
  failed: number;
}

export interface SyncRun {
  id: string;
  integrationId: string;
  mode: SyncMode;
  status: JobStatus;
  phase: SyncPhase | null;
  /** Pages stored so far; the PSA never says how many there will be. */
  progress: { done: number };
  counts: SyncCounts;
  changedSince: string | null;
  error: string | null;
  requestedBy: string;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}
