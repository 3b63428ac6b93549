import { type Kysely, sql } from 'kysely';
import { isolateByTenant } from './20261123130000-foundation.js';

/**
 * PSA integrations with encrypted credentials, their sync runs, and the inventory they import:
 * clients gain a link to the PSA record they came from; contacts and assets are new. Each table
 * is tenant-isolated like the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table integrations (
      id uuid primary key,
      tenant_id uuid not null references tenants (id) on delete cascade,
      kind text not null check (kind in ('connectwise', 'autotask', 'halopsa', 'syncro')),
      name text not null check (length(name) between 1 and 100),
      config jsonb not null check (jsonb_typeof(config) = 'object'),
      client_types text[],
      client_statuses text[],
      include_inactive boolean not null default false,
      field_mapping jsonb not null default '{}'::jsonb check (jsonb_typeof(field_mapping) = 'object'),
      credentials_ciphertext bytea not null,
      credentials_nonce bytea not null check (length(credentials_nonce) = 12),
      credentials_key_id text not null,
      synced_through timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name)
    )`.execute(db);

  await sql`
    create table sync_runs (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      integration_id uuid not null references integrations (id) on delete cascade,
      mode text not null check (mode in ('incremental', 'full')),
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      phase text check (phase in ('companies', 'contacts', 'assets', 'deactivating')),
      changed_since timestamptz,
      created integer not null default 0,
      updated integer not null default 0,
      deactivated integer not null default 0,
      skipped integer not null default 0,
      failed integer not null default 0,
      pages integer not null default 0,
      error text,
      requested_by text not null,
      heartbeat_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index sync_runs_integration_created_idx on sync_runs (tenant_id, integration_id, created_at desc, id desc)`.execute(db);
  // One sync at a time per integration: a second request gets 409 rather than a racing import.
  await sql`create unique index sync_runs_one_active_idx on sync_runs (integration_id) where status in ('queued', 'running')`.execute(db);

  await sql`alter table clients add column integration_id uuid references integrations (id) on delete set null`.execute(db);
  await sql`alter table clients add column external_id text`.execute(db);
  await sql`alter table clients add column last_sync_run_id uuid`.execute(db);
  await sql`create unique index clients_integration_external_idx on clients (tenant_id, integration_id, external_id) where integration_id is not null`.execute(db);

  await sql`
    create table contacts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      client_id uuid not null references clients (id) on delete cascade,
      integration_id uuid references integrations (id) on delete set null,
      external_id text,
      first_name text,
      last_name text,
      email text,
      phone text,
      title text,
      active boolean not null default true,
      raw jsonb,
      source_updated_at timestamptz,
      last_sync_run_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index contacts_integration_external_idx on contacts (tenant_id, integration_id, external_id) where integration_id is not null`.execute(db);
  await sql`create index contacts_client_idx on contacts (tenant_id, client_id)`.execute(db);

  await sql`
    create table assets (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      client_id uuid not null references clients (id) on delete cascade,
      integration_id uuid references integrations (id) on delete set null,
      external_id text,
      kind text not null check (kind in ('workstation', 'server', 'network', 'mobile', 'other')),
      name text,
      hostname text,
      serial_number text,
      os_name text,
      os_version text,
      last_seen_at timestamptz,
      antivirus_product text,
      antivirus_status text,
      patch_status text,
      missing_patches integer check (missing_patches >= 0),
      disk_encrypted boolean,
      warranty_ends_at timestamptz,
      last_backup_at timestamptz,
      active boolean not null default true,
      raw jsonb,
      source_updated_at timestamptz,
      last_sync_run_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index assets_integration_external_idx on assets (tenant_id, integration_id, external_id) where integration_id is not null`.execute(db);
  await sql`create index assets_client_idx on assets (tenant_id, client_id)`.execute(db);

  for (const table of ['integrations', 'sync_runs', 'contacts', 'assets']) {
    await isolateByTenant(db, table, 'tenant_id');
  }
  await sql`grant select, insert, update, delete on integrations, sync_runs, contacts, assets to rampart_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists assets, contacts, sync_runs`.execute(db);
  await sql`drop index if exists clients_integration_external_idx`.execute(db);
  await sql`alter table clients drop column if exists integration_id, drop column if exists external_id, drop column if exists last_sync_run_id`.execute(db);
  await sql`drop table if exists integrations`.execute(db);
}
