import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ControlCategory, Severity } from '../controls/catalog/control-definition.js';
import type { ExceptionSummary } from '../controls/engine/exceptions.js';
import type { FailingAsset, ResultStatus } from '../controls/evaluators/evaluator.js';
import type { EvaluatorKind } from '../controls/evaluators/params.js';
import type { Grade } from '../scoring/scoring.js';
import type { AssetKind, FieldMapping, PsaKind } from '../integrations/psa-connector.js';

/**
 * Kysely's view of the database, in camelCase (the CamelCasePlugin maps to snake_case columns).
 * Mirrors `migrations/`; `test/medium/schema-types.spec.ts` fails when a column is added to one and
 * not the other.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: Kysely passes objects through; pg and PGlite both return parsed JSON. */
type Json<T> = ColumnType<T, string, string>;

export const USER_ROLES = ['admin', 'vcio', 'account_manager', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const CLIENT_STATUSES = ['active', 'inactive', 'prospect'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** Whether a control without evidence counts against the score (`fail`) or is left out (`exclude`). */
export type NoDataScoring = 'fail' | 'exclude';

export type ActorType = 'api_key' | 'user' | 'system';

export interface ExternalRef {
  /** Where the reference points: a PSA kind (`connectwise`, `autotask`, ...) or another system. */
  system: string;
  id: string;
}

export interface TenantsTable {
  id: Generated<string>;
  name: string;
  entraTenantId: string | null;
  isDemo: Generated<boolean>;
  noDataScoring: Generated<NoDataScoring>;
  /** Five-field cron in `timezone`; null pauses scheduled evaluations. */
  evaluationSchedule: ColumnType<string | null, string | null | undefined, string | null>;
  timezone: Generated<string>;
  /** Slots before this never fire, so changing the schedule does not start a run for a slot already past. */
  scheduleUpdatedAt: Timestamp;
  evidenceRetentionDays: Generated<number>;
  /** Moves whenever anything a scorecard shows changes (triggers); caches compare it. */
  dataVersion: ColumnType<string, never, never>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  tenantId: string;
  entraObjectId: string;
  email: string | null;
  displayName: string | null;
  role: UserRole;
  lastSignInAt: NullableTimestamp;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  tenantId: string;
  name: string;
  prefix: string;
  keyHash: Buffer | Uint8Array;
  scopes: string[];
  expiresAt: NullableTimestamp;
  revokedAt: NullableTimestamp;
  lastUsedAt: NullableTimestamp;
  createdBy: string;
  createdAt: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  tenantId: string;
  occurredAt: CreatedAt;
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Json<Record<string, unknown>>;
  ip: string | null;
  requestId: string | null;
}

export interface WebSessionsTable {
  id: Generated<string>;
  tenantId: string;
  userId: string;
  tokenHash: Buffer | Uint8Array;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface SignInAttemptsTable {
  stateHash: Buffer | Uint8Array;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
}

export interface ClientsTable {
  id: Generated<string>;
  tenantId: string;
  /** The PSA integration this client was imported from, and its id there; null for manual clients. */
  integrationId: string | null;
  externalId: string | null;
  lastSyncRunId: string | null;
  name: string;
  status: ColumnType<ClientStatus, ClientStatus | undefined, ClientStatus>;
  externalRefs: Json<ExternalRef[]>;
  domains: ColumnType<string[], string[] | undefined, string[]>;
  seats: number | null;
  /** Name of the client's baseline (service tier); renamed with it, cleared when it is deleted. */
  baseline: string | null;
  /** How the baseline was chosen: by a person (rules leave it alone) or by a baseline rule. */
  baselineAssignment: BaselineAssignment | null;
  /** What the PSA says about the company, for baseline rules. */
  psaProfile: ColumnType<PsaProfile, string | undefined, string>;
  notes: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type BaselineAssignment = 'manual' | 'rule';

export interface PsaProfile {
  types?: string[];
  status?: string | null;
  customFields?: Record<string, string>;
}

export const SYNC_MODES = ['incremental', 'full'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];
export type SyncRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type SyncPhase = 'companies' | 'contacts' | 'assets' | 'deactivating';

export interface IntegrationsTable {
  id: string;
  tenantId: string;
  kind: PsaKind;
  name: string;
  /** Vendor settings without secrets (`baseUrl`, vendor ids). */
  config: Json<Record<string, unknown>>;
  /** Company types that become clients; null: the vendor's default. */
  clientTypes: string[] | null;
  /** PSA status names that count (ConnectWise "Active", "Credit Hold"...); null: any status. */
  clientStatuses: string[] | null;
  includeInactive: Generated<boolean>;
  fieldMapping: Json<FieldMapping>;
  /** AES-256-GCM of the credentials JSON, tag appended; bound to tenant and integration id. */
  credentialsCiphertext: Buffer | Uint8Array;
  credentialsNonce: Buffer | Uint8Array;
  credentialsKeyId: string;
  /** Start of the last successful sync: the next incremental sync asks for changes since then. */
  syncedThrough: NullableTimestamp;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface SyncRunsTable {
  id: Generated<string>;
  tenantId: string;
  integrationId: string;
  mode: SyncMode;
  status: ColumnType<SyncRunStatus, SyncRunStatus | undefined, SyncRunStatus>;
  phase: SyncPhase | null;
  changedSince: NullableTimestamp;
  created: Generated<number>;
  updated: Generated<number>;
  deactivated: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  pages: Generated<number>;
  error: string | null;
  requestedBy: string;
  heartbeatAt: NullableTimestamp;
  startedAt: NullableTimestamp;
  finishedAt: NullableTimestamp;
  createdAt: CreatedAt;
}

interface ImportedRecord {
  id: Generated<string>;
  tenantId: string;
  clientId: string;
  integrationId: string | null;
  externalId: string | null;
  active: Generated<boolean>;
  raw: Json<unknown> | null;
  sourceUpdatedAt: NullableTimestamp;
  lastSyncRunId: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface ContactsTable extends ImportedRecord {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
}

export interface AssetsTable extends ImportedRecord {
  /** The tool that pushed the asset (`ninjaone`, `datto-rmm`, ...); null for PSA imports. */
  source: string | null;
  kind: AssetKind;
  name: string | null;
  hostname: string | null;
  serialNumber: string | null;
  osName: string | null;
  osVersion: string | null;
  lastSeenAt: NullableTimestamp;
  antivirusProduct: string | null;
  antivirusStatus: string | null;
  patchStatus: string | null;
  missingPatches: number | null;
  diskEncrypted: boolean | null;
  warrantyEndsAt: NullableTimestamp;
  lastBackupAt: NullableTimestamp;
}

export interface FactsTable {
  id: Generated<string>;
  tenantId: string;
  clientId: string;
  key: string;
  value: Json<unknown>;
  source: string;
  observedAt: Timestamp;
  receivedAt: CreatedAt;
}

export interface FrameworksTable {
  id: Generated<string>;
  /** Null for built-in frameworks. */
  tenantId: string | null;
  key: string;
  name: string;
  version: string;
  publisher: string;
  url: string | null;
  description: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface FrameworkRequirementsTable {
  id: Generated<string>;
  tenantId: string | null;
  frameworkId: string;
  ref: string;
  title: string;
  grouping: Generated<string>;
  position: number;
}

export interface ControlsTable {
  id: Generated<string>;
  /** Null for built-in controls. */
  tenantId: string | null;
  key: string;
  name: string;
  category: ControlCategory;
  severity: Severity;
  description: string;
  rationale: Generated<string>;
  remediation: Generated<string>;
  evidenceSource: Generated<string>;
  evaluatorKind: EvaluatorKind;
  params: Json<Record<string, unknown>>;
  position: Generated<number>;
  createdBy: string;
  /** Set on a built-in control the catalog no longer has; its past results keep pointing at it. */
  retiredAt: NullableTimestamp;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface ControlMappingsTable {
  tenantId: string | null;
  controlId: string;
  requirementId: string;
}

export interface BaselineRule {
  /** What the rule reads from the client's PSA profile. */
  attribute: 'companyType' | 'psaStatus' | 'customField';
  /** The custom field's name, for `customField`. */
  customField?: string;
  /** Matches when the attribute equals any of these (ignoring case). */
  values: string[];
}

export interface BaselinesTable {
  id: Generated<string>;
  tenantId: string;
  name: string;
  description: string | null;
  rule: Json<BaselineRule> | null;
  /** Lower first: when several rules match a client, the lowest priority wins. */
  rulePriority: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type SettingLevel = 'tenant' | 'baseline' | 'client';

export interface ControlSettingsTable {
  id: Generated<string>;
  tenantId: string;
  controlId: string;
  level: SettingLevel;
  baselineId: string | null;
  clientId: string | null;
  /** Null at any of these: inherit from the level above. */
  enabled: boolean | null;
  weight: number | null;
  params: Json<Record<string, unknown>>;
  notApplicable: boolean | null;
  notApplicableReason: string | null;
  updatedBy: string;
  updatedAt: Timestamp;
}

export interface ControlExceptionsTable {
  id: Generated<string>;
  tenantId: string;
  controlId: string;
  clientId: string | null;
  baselineId: string | null;
  owner: string;
  reason: string;
  compensatingControl: string | null;
  expiresAt: Date | string;
  createdBy: string;
  createdAt: CreatedAt;
}

export interface AttestationsTable {
  id: Generated<string>;
  tenantId: string;
  clientId: string;
  controlId: string;
  statement: string;
  attestedBy: string;
  attestedAt: Date | string;
  expiresAt: Date | string;
  evidenceUrl: string | null;
  createdBy: string;
  createdAt: CreatedAt;
}

export const EVALUATION_TRIGGERS = ['schedule', 'api', 'cli'] as const;
export type EvaluationTrigger = (typeof EVALUATION_TRIGGERS)[number];
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type EvaluationPhase = 'syncing' | 'planning' | 'evaluating';
export type RunClientStatus = 'pending' | 'succeeded' | 'failed';

/** What a run's sync step did for one integration. */
export interface RunSync {
  integrationId: string;
  integrationName: string;
  syncRunId: string | null;
  status: 'succeeded' | 'failed' | 'skipped';
  error: string | null;
}

export interface EvaluationRunsTable {
  id: Generated<string>;
  tenantId: string;
  trigger: EvaluationTrigger;
  requestedBy: string;
  /** The schedule slot a scheduled run belongs to; unique per tenant. */
  scheduledFor: Date | null;
  /** The clients asked for; null: every active client. */
  clientIds: string[] | null;
  /** Sync the tenant's integrations before evaluating. */
  sync: Generated<boolean>;
  status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
  phase: EvaluationPhase | null;
  total: Generated<number>;
  done: Generated<number>;
  failed: Generated<number>;
  syncs: ColumnType<RunSync[], string | undefined, string>;
  error: string | null;
  portfolioScore: number | null;
  portfolioGrade: Grade | null;
  distribution: ColumnType<Record<Grade, number> | null, string | null | undefined, string | null>;
  evidencePrunedAt: NullableTimestamp;
  createdAt: CreatedAt;
  startedAt: NullableTimestamp;
  finishedAt: NullableTimestamp;
}

/** One client's part in a run: its outcome and score, named as it was then. */
export interface RunClientsTable {
  tenantId: string;
  runId: string;
  clientId: string;
  clientName: string;
  baseline: string | null;
  status: ColumnType<RunClientStatus, RunClientStatus | undefined, RunClientStatus>;
  score: number | null;
  grade: Grade | null;
  earnedPoints: number | null;
  possiblePoints: number | null;
  counts: ColumnType<Record<ResultStatus, number> | null, string | null | undefined, string | null>;
  error: string | null;
  evaluatedAt: NullableTimestamp;
  /** The tenant's no-data policy when this client was scored, so stored results re-score the same. */
  noDataScoring: ColumnType<NoDataScoring, NoDataScoring | undefined, NoDataScoring>;
  /** The newest observation among the client's facts and assets when it was evaluated. */
  evidenceAt: NullableTimestamp;
}

/** A critical control that was failing (or only partly passing) in a client's latest evaluation. */
export interface FailingCriticalControl {
  controlId: string;
  key: string;
  name: string;
  status: 'fail' | 'partial';
}

/** Each client's current standing: its latest successful evaluation and the one before it. */
export interface ClientScorecardsTable {
  tenantId: string;
  clientId: string;
  runId: string;
  evaluatedAt: Timestamp;
  score: number | null;
  grade: Grade | null;
  previousRunId: string | null;
  previousScore: number | null;
  previousGrade: Grade | null;
  failingCritical: Json<FailingCriticalControl[]>;
  evidenceAt: NullableTimestamp;
}

/** A quarterly business review held with a client, with the score that review looked at. */
export interface QbrMarksTable {
  id: Generated<string>;
  tenantId: string;
  clientId: string;
  reviewedAt: Timestamp;
  note: string | null;
  runId: string | null;
  score: number | null;
  grade: Grade | null;
  createdBy: string;
  createdAt: CreatedAt;
}

export interface FrameworkScoresTable {
  tenantId: string;
  runId: string;
  clientId: string;
  frameworkId: string;
  score: number | null;
  grade: Grade | null;
  coverage: number;
  requirementsTotal: number;
  requirementsCovered: number;
  counts: Json<Record<ResultStatus, number>>;
}

export interface ControlResultsTable {
  tenantId: string;
  runId: string;
  clientId: string;
  controlId: string;
  controlKey: string;
  name: string;
  category: ControlCategory;
  severity: Severity;
  weight: number;
  status: ResultStatus;
  fraction: number | null;
  points: number;
  earned: number;
  pointsRecoverable: number;
  summary: string;
  /** Null once the tenant's evidence retention has pruned the run. */
  evidence: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  failingAssets: ColumnType<FailingAsset[] | null, string | null, string | null>;
  exception: ColumnType<ExceptionSummary | null, string | null, string | null>;
  notApplicableReason: string | null;
}

export interface DB {
  tenants: TenantsTable;
  users: UsersTable;
  apiKeys: ApiKeysTable;
  auditLog: AuditLogTable;
  webSessions: WebSessionsTable;
  signInAttempts: SignInAttemptsTable;
  clients: ClientsTable;
  integrations: IntegrationsTable;
  syncRuns: SyncRunsTable;
  contacts: ContactsTable;
  assets: AssetsTable;
  facts: FactsTable;
  frameworks: FrameworksTable;
  frameworkRequirements: FrameworkRequirementsTable;
  controls: ControlsTable;
  controlMappings: ControlMappingsTable;
  baselines: BaselinesTable;
  controlSettings: ControlSettingsTable;
  controlExceptions: ControlExceptionsTable;
  attestations: AttestationsTable;
  evaluationRuns: EvaluationRunsTable;
  runClients: RunClientsTable;
  frameworkScores: FrameworkScoresTable;
  controlResults: ControlResultsTable;
  clientScorecards: ClientScorecardsTable;
  qbrMarks: QbrMarksTable;
  webhooks: WebhooksTable;
  webhookDeliveries: WebhookDeliveriesTable;
  reportBranding: ReportBrandingTable;
  reportTemplates: ReportTemplatesTable;
  reportSchedules: ReportSchedulesTable;
  reportBatches: ReportBatchesTable;
  reports: ReportsTable;
}

export type Tenant = Omit<Selectable<TenantsTable>, 'dataVersion'>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKey = Insertable<ApiKeysTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
/** A client as the API shows it; `lastSyncRunId` and `psaProfile` are the sync engine's bookkeeping. */
export type ClientRow = Omit<Selectable<ClientsTable>, 'lastSyncRunId' | 'psaProfile'>;
export type UserRow = Selectable<UsersTable>;
export type IntegrationRow = Selectable<IntegrationsTable>;
export type SyncRunRow = Selectable<SyncRunsTable>;
export type AssetRow = Selectable<AssetsTable>;
export type FactRow = Selectable<FactsTable>;
export type FrameworkRow = Selectable<FrameworksTable>;
export type ControlRow = Selectable<ControlsTable>;
export type BaselineRow = Selectable<BaselinesTable>;
export type ControlSettingRow = Selectable<ControlSettingsTable>;
export type ControlExceptionRow = Selectable<ControlExceptionsTable>;
export type AttestationRow = Selectable<AttestationsTable>;
export type EvaluationRunRow = Selectable<EvaluationRunsTable>;
export type RunClientRow = Selectable<RunClientsTable>;
export type ControlResultRow = Selectable<ControlResultsTable>;
export type QbrMarkRow = Selectable<QbrMarksTable>;
export type ClientScorecardRow = Selectable<ClientScorecardsTable>;

export const WEBHOOK_EVENTS = ['evaluation.completed', 'client.score_changed', 'report.batch_completed'] as const;
/** What a webhook can subscribe to. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** What a delivery carries: a subscribed event, or `ping` from the test route. */
export type WebhookEventType = WebhookEvent | 'ping';
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** A URL a tenant registered for events. */
export interface WebhooksTable {
  id: string;
  tenantId: string;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  /** For `client.score_changed`: the smallest change in points that is sent. */
  scoreChangeThreshold: ColumnType<number, number | undefined, number>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** Why Rampart disabled the webhook (the endpoint answered 410 Gone); null when a person did, or when enabled. */
  disabledReason: string | null;
  /** AES-256-GCM of the signing secret, tag appended; bound to tenant and webhook id. */
  secretCiphertext: Buffer | Uint8Array;
  secretNonce: Buffer | Uint8Array;
  secretKeyId: string;
  /** The secret before the last rotation, still signing until `previousSecretExpiresAt`. */
  previousSecretCiphertext: Buffer | Uint8Array | null;
  previousSecretNonce: Buffer | Uint8Array | null;
  previousSecretKeyId: string | null;
  previousSecretExpiresAt: NullableTimestamp;
  secretRotatedAt: NullableTimestamp;
  createdBy: string;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

/** One attempt to deliver: when, what the endpoint answered (null: no answer), why it failed, how long it took. */
export interface WebhookAttempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One event for one webhook: the outbox row, the exact body sent on every attempt, and the attempts. */
export interface WebhookDeliveriesTable {
  id: Generated<string>;
  tenantId: string;
  webhookId: string;
  eventId: string;
  eventType: WebhookEventType;
  /** The JSON body exactly as signed and sent (text, not jsonb, which would reorder its keys). */
  payload: string;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  /** The most recent attempts, oldest first (capped); `attemptCount` counts them all. */
  attempts: ColumnType<WebhookAttempt[], string | undefined, string>;
  attemptCount: Generated<number>;
  /** Why the delivery failed for good; null while pending and when it succeeded. */
  error: string | null;
  /** The delivery this one re-sends (same event id and body). */
  redeliveryOf: string | null;
  createdAt: CreatedAt;
  lastAttemptAt: NullableTimestamp;
  deliveredAt: NullableTimestamp;
}

export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** A tenant's branding for PDF reports; absent until the tenant sets any of it. */
export interface ReportBrandingTable {
  tenantId: string;
  /** Printed as the MSP's name; null: the tenant's name. */
  name: string | null;
  primaryColor: ColumnType<string, string | undefined, string>;
  accentColor: ColumnType<string, string | undefined, string>;
  footerText: string | null;
  logo: Buffer | Uint8Array | null;
  logoType: LogoType | null;
  logoWidth: number | null;
  logoHeight: number | null;
  logoSha256: string | null;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

/** A tenant's own report template: a copy of a built-in one, adjusted. */
export interface ReportTemplatesTable {
  id: Generated<string>;
  tenantId: string;
  key: string;
  basedOn: string | null;
  /** The declarative template, validated on save (see src/reports/templates). */
  definition: ColumnType<unknown, string, string>;
  createdBy: string;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

/** Monthly reports for every active client on a baseline. */
export interface ReportSchedulesTable {
  id: string;
  tenantId: string;
  baselineId: string;
  templateKey: string;
  frameworkId: string | null;
  dayOfMonth: number;
  /** Hour of the day in the tenant's time zone. */
  hour: number;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  nextRunAt: Timestamp;
  lastRunAt: NullableTimestamp;
  lastBatchId: string | null;
  /** Why the last due slot made no batch (its template was deleted, say); null when it did. */
  lastError: string | null;
  createdBy: string;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export const REPORT_BATCH_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ReportBatchStatus = (typeof REPORT_BATCH_STATUSES)[number];

/** A client's report that a bulk request could not make. */
export interface ReportBatchFailure {
  clientId: string;
  error: string;
}

/** A bulk report request: one job per client, progress counted as they finish. */
export interface ReportBatchesTable {
  id: string;
  tenantId: string;
  templateKey: string;
  frameworkId: string | null;
  scheduleId: string | null;
  status: ColumnType<ReportBatchStatus, ReportBatchStatus | undefined, ReportBatchStatus>;
  total: number;
  done: ColumnType<number, number | undefined, number>;
  failed: ColumnType<number, number | undefined, number>;
  failures: ColumnType<ReportBatchFailure[], string | undefined, string>;
  error: string | null;
  requestedBy: string;
  createdAt: CreatedAt;
  startedAt: NullableTimestamp;
  finishedAt: NullableTimestamp;
}

/** A generated PDF: what it was made from, and where and what its bytes are. */
export interface ReportsTable {
  id: string;
  tenantId: string;
  clientId: string;
  runId: string;
  /** The client's name when the report was made. */
  clientName: string;
  templateKey: string;
  templateName: string;
  frameworkId: string | null;
  title: string;
  batchId: string | null;
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  pageCount: number;
  createdBy: string;
  createdAt: CreatedAt;
}

export type ReportBrandingRow = Selectable<ReportBrandingTable>;
export type ReportTemplateRow = Selectable<ReportTemplatesTable>;
export type ReportScheduleRow = Selectable<ReportSchedulesTable>;
export type ReportBatchRow = Selectable<ReportBatchesTable>;
export type ReportRow = Selectable<ReportsTable>;
