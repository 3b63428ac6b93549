import { type Kysely, sql } from 'kysely';
import { isolateByTenant } from './20261123130000-foundation.js';

/**
 * The controls engine: frameworks and their requirements, controls and their mappings (built-in
 * rows have no tenant and are written by the reference-data loader that runs after migrations;
 * tenants add their own), baselines (service tiers), settings per level, exceptions, attestations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table frameworks (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid references tenants (id) on delete cascade,
      key text not null check (key ~ '^[a-z0-9][a-z0-9-]{1,49}$'),
      name text not null check (length(name) between 1 and 200),
      version text not null check (length(version) between 1 and 50),
      publisher text not null check (length(publisher) between 1 and 200),
      url text,
      description text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique nulls not distinct (tenant_id, key)
    )`.execute(db);
  await sql`
    create table framework_requirements (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid references tenants (id) on delete cascade,
      framework_id uuid not null references frameworks (id) on delete cascade,
      ref text not null check (length(ref) between 1 and 100),
      title text not null check (length(title) between 1 and 500),
      grouping text not null default '',
      position integer not null,
      unique (framework_id, ref)
    )`.execute(db);
  await sql`
    create table controls (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid references tenants (id) on delete cascade,
      key text not null check (key ~ '^[a-z]+\.[a-z0-9_]{1,80}$'),
      name text not null check (length(name) between 1 and 200),
      category text not null,
      severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
      description text not null,
      rationale text not null default '',
      remediation text not null default '',
      evidence_source text not null default '',
      evaluator_kind text not null,
      params jsonb not null,
      position integer not null default 0,
      created_by text not null,
      retired_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique nulls not distinct (tenant_id, key)
    )`.execute(db);
  await sql`
    create table control_mappings (
      tenant_id uuid references tenants (id) on delete cascade,
      control_id uuid not null references controls (id) on delete cascade,
      requirement_id uuid not null references framework_requirements (id) on delete cascade,
      primary key (control_id, requirement_id)
    )`.execute(db);
  await sql`create index control_mappings_requirement_idx on control_mappings (requirement_id)`.execute(db);
  for (const table of ['frameworks', 'framework_requirements', 'controls', 'control_mappings']) {
    await shareBuiltinRows(db, table);
  }

  await sql`
    create table baselines (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      description text,
      rule jsonb,
      rule_priority integer not null default 100,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name),
      unique (tenant_id, id)
    )`.execute(db);
  await isolateByTenant(db, 'baselines', 'tenant_id');
  // Service tiers typed on clients so far become baselines, so no client loses its tier.
  await sql`insert into baselines (tenant_id, name) select distinct tenant_id, baseline from clients where baseline is not null`.execute(db);
  await sql`
    alter table clients
      add column baseline_assignment text check (baseline_assignment in ('manual', 'rule')),
      add column psa_profile jsonb not null default '{}'`.execute(db);
  await sql`update clients set baseline_assignment = 'manual' where baseline is not null`.execute(db);
  // The tier is referenced by name (what people type and import), renamed with it, cleared when it is deleted.
  await sql`
    alter table clients add constraint clients_baseline_fk foreign key (tenant_id, baseline)
      references baselines (tenant_id, name) on update cascade on delete set null (baseline)`.execute(db);

  await sql`
    create table control_settings (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      control_id uuid not null references controls (id) on delete cascade,
      level text not null check (level in ('tenant', 'baseline', 'client')),
      baseline_id uuid references baselines (id) on delete cascade,
      client_id uuid references clients (id) on delete cascade,
      enabled boolean,
      weight double precision check (weight between 0 and 10),
      params jsonb not null default '{}',
      not_applicable boolean,
      not_applicable_reason text check (length(not_applicable_reason) between 1 and 500),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      check ((level = 'tenant' and baseline_id is null and client_id is null)
          or (level = 'baseline' and baseline_id is not null and client_id is null)
          or (level = 'client' and client_id is not null and baseline_id is null)),
      check (not_applicable is not true or not_applicable_reason is not null),
      unique nulls not distinct (tenant_id, control_id, level, baseline_id, client_id)
    )`.execute(db);
  await isolateByTenant(db, 'control_settings', 'tenant_id');

  await sql`
    create table control_exceptions (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      control_id uuid not null references controls (id) on delete cascade,
      client_id uuid references clients (id) on delete cascade,
      baseline_id uuid references baselines (id) on delete cascade,
      owner text not null check (length(owner) between 1 and 200),
      reason text not null check (length(reason) between 1 and 2000),
      compensating_control text check (length(compensating_control) between 1 and 2000),
      expires_at timestamptz not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      check ((client_id is null) <> (baseline_id is null))
    )`.execute(db);
  await sql`create index control_exceptions_control_idx on control_exceptions (tenant_id, control_id)`.execute(db);
  await isolateByTenant(db, 'control_exceptions', 'tenant_id');

  await sql`
    create table attestations (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      client_id uuid not null references clients (id) on delete cascade,
      control_id uuid not null references controls (id) on delete cascade,
      statement text not null check (length(statement) between 1 and 2000),
      attested_by text not null check (length(attested_by) between 1 and 200),
      attested_at timestamptz not null,
      expires_at timestamptz not null check (expires_at > attested_at),
      evidence_url text,
      created_by text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index attestations_latest_idx on attestations (tenant_id, client_id, control_id, attested_at desc)`.execute(db);
  await isolateByTenant(db, 'attestations', 'tenant_id');

  await sql`alter table tenants add column no_data_scoring text not null default 'fail' check (no_data_scoring in ('fail', 'exclude'))`.execute(db);
  await sql`grant update (no_data_scoring, updated_at) on tenants to rampart_app`.execute(db);
  await sql`grant select, insert, update, delete on frameworks, framework_requirements, controls, control_mappings, baselines, control_settings, control_exceptions, attestations to rampart_app`.execute(db);
}

/**
 * Built-in rows (no tenant) are readable by every tenant and writable by none: the application
 * role's insert, update and delete policies only ever match the tenant's own rows.
 */
async function shareBuiltinRows(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy builtin_or_own_read on ${sql.table(table)} for select using (tenant_id is null or tenant_id = rampart_current_tenant())`.execute(db);
  await sql`create policy own_insert on ${sql.table(table)} for insert with check (tenant_id = rampart_current_tenant())`.execute(db);
  await sql`create policy own_update on ${sql.table(table)} for update using (tenant_id = rampart_current_tenant()) with check (tenant_id = rampart_current_tenant())`.execute(db);
  await sql`create policy own_delete on ${sql.table(table)} for delete using (tenant_id = rampart_current_tenant())`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tenants drop column if exists no_data_scoring`.execute(db);
  await sql`drop table if exists attestations, control_exceptions, control_settings`.execute(db);
  await sql`alter table clients drop constraint if exists clients_baseline_fk`.execute(db);
  await sql`alter table clients drop column if exists baseline_assignment, drop column if exists psa_profile`.execute(db);
  await sql`drop table if exists baselines, control_mappings, controls, framework_requirements, frameworks`.execute(db);
}
