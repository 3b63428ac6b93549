import { type Kysely, sql } from 'kysely';

/**
 * Tenants, people, API keys, the audit trail and the client inventory, each behind forced
 * row-level security keyed on the transaction's tenant (`rampart.tenant_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Tenant work runs as this role: no login, not superuser, not BYPASSRLS. Roles are cluster-wide,
  // so a second Rampart database on the same server reuses it.
  await sql`
    do $$
    begin
      if not exists (select from pg_roles where rolname = 'rampart_app') then
        create role rampart_app nologin nosuperuser nobypassrls noinherit;
      end if;
    end
    $$`.execute(db);
  // The login role switches to rampart_app with SET LOCAL ROLE, which needs membership.
  await sql`grant rampart_app to current_user`.execute(db);
  await sql`grant usage on schema public to rampart_app`.execute(db);

  await sql`
    create function rampart_current_tenant() returns uuid
    language sql stable
    as $$ select nullif(current_setting('rampart.tenant_id', true), '')::uuid $$`.execute(db);

  await sql`
    create table tenants (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      entra_tenant_id uuid unique,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      entra_object_id uuid not null,
      email text,
      display_name text,
      role text not null check (role in ('admin', 'vcio', 'account_manager', 'viewer')),
      last_sign_in_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, entra_object_id)
    )`.execute(db);

  await sql`
    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      prefix text not null unique,
      key_hash bytea not null unique check (length(key_hash) = 32),
      scopes text[] not null,
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz,
      created_by text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index api_keys_tenant_created_idx on api_keys (tenant_id, created_at desc, id desc)`.execute(db);

  await sql`
    create table audit_log (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      occurred_at timestamptz not null default clock_timestamp(),
      actor_type text not null check (actor_type in ('api_key', 'user', 'system')),
      actor_id uuid,
      actor_label text not null,
      action text not null,
      target_type text,
      target_id uuid,
      details jsonb not null default '{}'::jsonb,
      ip text,
      request_id text
    )`.execute(db);
  await sql`create index audit_log_tenant_time_idx on audit_log (tenant_id, occurred_at desc, id desc)`.execute(db);

  await sql`
    create table clients (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      status text not null default 'active' check (status in ('active', 'inactive', 'prospect')),
      external_refs jsonb not null default '[]'::jsonb check (jsonb_typeof(external_refs) = 'array'),
      domains text[] not null default '{}',
      seats integer check (seats >= 0),
      baseline text check (length(baseline) between 1 and 100),
      notes text check (length(notes) <= 10000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index clients_tenant_name_idx on clients (tenant_id, name, id)`.execute(db);
  await sql`create index clients_tenant_created_idx on clients (tenant_id, created_at, id)`.execute(db);

  for (const table of ['users', 'api_keys', 'audit_log', 'clients']) {
    await isolateByTenant(db, table, 'tenant_id');
  }
  await isolateByTenant(db, 'tenants', 'id');

  await sql`grant select on tenants to rampart_app`.execute(db);
  await sql`grant select, insert, update, delete on users, api_keys, clients to rampart_app`.execute(db);
  // The audit trail is append-only for the application: no update, no delete.
  await sql`grant select, insert on audit_log to rampart_app`.execute(db);
}

/** Frozen with this migration, so later migrations can reuse it without changing what this one did. */
export async function isolateByTenant(db: Kysely<unknown>, table: string, column: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on ${sql.table(table)}
    using (${sql.ref(column)} = rampart_current_tenant())
    with check (${sql.ref(column)} = rampart_current_tenant())`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists clients, audit_log, api_keys, users, tenants`.execute(db);
  await sql`drop function if exists rampart_current_tenant()`.execute(db);
}
