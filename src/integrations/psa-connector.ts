/**
 * The port every PSA connector implements, and the vendor-neutral records it yields. Vendor types
 * never leave `integrations/<vendor>/`; the sync engine sees only what is declared here.
 */
export const PSA_KINDS = ['connectwise', 'autotask', 'halopsa', 'syncro'] as const;
export type PsaKind = (typeof PSA_KINDS)[number];

export const ASSET_KINDS = ['workstation', 'server', 'network', 'mobile', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** What to fetch: everything (a full sync) or only records changed since a moment (incremental). */
export interface SyncWindow {
  changedSince?: Date;
}

export interface NormalizedCompany {
  externalId: string;
  name: string;
  /** The vendor's company type name(s), e.g. ConnectWise "Client", Autotask "Customer". */
  types: string[];
  /** The vendor's status name, where it has one ("Active", "Inactive", ...). */
  status: string | null;
  /** Active in the PSA (not deleted, disabled or marked inactive). */
  active: boolean;
  domains: string[];
  /** The company's custom (user-defined) fields with a value, by their caption/name as shown in the PSA; values as text. */
  customFields: Record<string, string>;
  updatedAt: Date | null;
  raw: unknown;
}

export interface NormalizedContact {
  externalId: string;
  companyExternalId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  active: boolean;
  updatedAt: Date | null;
  raw: unknown;
}

export interface NormalizedAsset {
  externalId: string;
  companyExternalId: string;
  kind: AssetKind;
  name: string | null;
  hostname: string | null;
  serialNumber: string | null;
  osName: string | null;
  osVersion: string | null;
  lastSeenAt: Date | null;
  antivirusProduct: string | null;
  /** As the vendor says it ("Active", "Protected", "Disabled", ...). */
  antivirusStatus: string | null;
  patchStatus: string | null;
  missingPatches: number | null;
  /** True encrypted, false not encrypted, null unknown. */
  diskEncrypted: boolean | null;
  warrantyEndsAt: Date | null;
  lastBackupAt: Date | null;
  active: boolean;
  updatedAt: Date | null;
  raw: unknown;
}

export interface ConnectionTestResult {
  /** What the PSA said about itself, for people ("ConnectWise v2024.1, cloud"). */
  detail: string;
}

/**
 * One PSA account. Lists are async iterables of pages so the sync engine can store each page as it
 * arrives, report progress and resume. Failures throw the errors in `errors.ts`.
 */
export interface PsaConnector {
  readonly kind: PsaKind;
  testConnection(): Promise<ConnectionTestResult>;
  companies(window: SyncWindow): AsyncIterable<NormalizedCompany[]>;
  contacts(window: SyncWindow): AsyncIterable<NormalizedContact[]>;
  assets(window: SyncWindow): AsyncIterable<NormalizedAsset[]>;
}

/** Asset fields an integration may read from a vendor custom field instead of the standard one. */
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

/**
 * Where to read a field: a vendor custom field by its name (ConnectWise `customFields` caption or
 * configuration `questions` text, Halo `fields` name, Autotask `userDefinedFields` name) or a
 * dot path into the vendor's raw record (`properties.av_status`).
 */
export type FieldSource = { customField: string } | { path: string };
export type FieldMapping = Partial<Record<MappableAssetField, FieldSource>>;
