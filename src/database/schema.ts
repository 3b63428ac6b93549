import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

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

export interface ClientsTable {
  id: Generated<string>;
  tenantId: string;
  name: string;
  status: ColumnType<ClientStatus, ClientStatus | undefined, ClientStatus>;
  externalRefs: Json<ExternalRef[]>;
  domains: ColumnType<string[], string[] | undefined, string[]>;
  seats: number | null;
  baseline: string | null;
  notes: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface DB {
  tenants: TenantsTable;
  users: UsersTable;
  apiKeys: ApiKeysTable;
  auditLog: AuditLogTable;
  clients: ClientsTable;
}

export type Tenant = Selectable<TenantsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKey = Insertable<ApiKeysTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type ClientRow = Selectable<ClientsTable>;
export type NewClient = Insertable<ClientsTable>;
export type ClientUpdate = Updateable<ClientsTable>;
export type UserRow = Selectable<UsersTable>;
