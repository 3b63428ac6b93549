import { type Kysely, sql } from 'kysely';
import { isolateByTenant } from './20261123130000-foundation.js';

/**
 * PDF reports: each tenant's branding (logo kept in the database, it is small and validated), its
 * own report templates (copies of the built-in ones, adjusted), the reports generated (the PDF in
 * report storage, its SHA-256 here), bulk requests with their progress, and monthly schedules per
 * baseline. Webhooks gain `report.batch_completed` so a scheduled batch can be delivered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_branding (
      tenant_id uuid primary key references tenants (id) on delete cascade,
      name text check (length(name) between 1 and 200),
      primary_color text not null default '#1f4e79' check (primary_color ~ '^#[0-9a-f]{6}$'),
      accent_color text not null default '#d9822b' check (accent_color ~ '^#[0-9a-f]{6}$'),
      footer_text text check (length(footer_text) <= 300),
      logo bytea check (octet_length(logo) <= 1048576),
      logo_type text check (logo_type in ('image/png', 'image/jpeg')),
      logo_width integer check (logo_width between 1 and 4096),
      logo_height integer check (logo_height between 1 and 4096),
      logo_sha256 text check (logo_sha256 ~ '^[0-9a-f]{64}$'),
      updated_at timestamptz not null default now(),
      check ((logo is null) = (logo_type is null) and (logo is null) = (logo_sha256 is null))
    )`.execute(db);

  await sql`
    create table report_templates (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      based_on text,
      definition jsonb not null check (jsonb_typeof(definition) = 'object'),
      created_by text not null,
      created_at timestamptz not null default clock_timestamp(),
      updated_at timestamptz not null default clock_timestamp(),
      unique (tenant_id, key)
    )`.execute(db);

  await sql`
    create table report_schedules (
      id uuid primary key,
      tenant_id uuid not null references tenants (id) on delete cascade,
      baseline_id uuid not null,
      template_key text not null,
      framework_id uuid references frameworks (id) on delete cascade,
      day_of_month integer not null check (day_of_month between 1 and 28),
      hour integer not null check (hour between 0 and 23),
      enabled boolean not null default true,
      next_run_at timestamptz not null,
      last_run_at timestamptz,
      last_batch_id uuid,
      last_error text,
      created_by text not null,
      created_at timestamptz not null default clock_timestamp(),
      updated_at timestamptz not null default clock_timestamp(),
      foreign key (tenant_id, baseline_id) references baselines (tenant_id, id) on delete cascade
    )`.execute(db);
  await sql`create index report_schedules_due_idx on report_schedules (next_run_at) where enabled`.execute(db);

  await sql`
    create table report_batches (
      id uuid primary key,
      tenant_id uuid not null references tenants (id) on delete cascade,
      template_key text not null,
      framework_id uuid,
      schedule_id uuid references report_schedules (id) on delete set null,
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      total integer not null check (total >= 0),
      done integer not null default 0,
      failed integer not null default 0,
      failures jsonb not null default '[]'::jsonb check (jsonb_typeof(failures) = 'array'),
      error text,
      requested_by text not null,
      created_at timestamptz not null default clock_timestamp(),
      started_at timestamptz,
      finished_at timestamptz,
      check (done + failed <= total)
    )`.execute(db);
  await sql`create index report_batches_tenant_created_idx on report_batches (tenant_id, created_at desc, id desc)`.execute(db);

  await sql`
    create table reports (
      id uuid primary key,
      tenant_id uuid not null references tenants (id) on delete cascade,
      client_id uuid not null references clients (id) on delete cascade,
      run_id uuid not null,
      client_name text not null,
      template_key text not null,
      template_name text not null,
      framework_id uuid,
      title text not null,
      batch_id uuid references report_batches (id) on delete set null,
      storage_key text not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes integer not null check (size_bytes > 0),
      page_count integer not null check (page_count > 0),
      created_by text not null,
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index reports_tenant_created_idx on reports (tenant_id, created_at desc, id desc)`.execute(db);
  await sql`create index reports_client_created_idx on reports (client_id, created_at desc, id desc)`.execute(db);
  // A retried bulk job finds the report it already made instead of making a second.
  await sql`create unique index reports_batch_client_idx on reports (batch_id, client_id) where batch_id is not null`.execute(db);

  for (const table of ['report_branding', 'report_templates', 'report_schedules', 'report_batches', 'reports']) {
    await isolateByTenant(db, table, 'tenant_id');
    await sql`grant select, insert, update, delete on ${sql.table(table)} to rampart_app`.execute(db);
  }

  await sql`alter table webhooks drop constraint webhooks_events_check`.execute(db);
  await sql`alter table webhooks add constraint webhooks_events_check check (cardinality(events) >= 1 and events <@ array['evaluation.completed', 'client.score_changed', 'report.batch_completed'])`.execute(db);
  await sql`alter table webhook_deliveries drop constraint webhook_deliveries_event_type_check`.execute(db);
  await sql`alter table webhook_deliveries add constraint webhook_deliveries_event_type_check check (event_type in ('evaluation.completed', 'client.score_changed', 'report.batch_completed', 'ping'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from webhook_deliveries where event_type = 'report.batch_completed'`.execute(db);
  await sql`update webhooks set events = array_remove(events, 'report.batch_completed') where 'report.batch_completed' = any (events)`.execute(db);
  await sql`delete from webhooks where cardinality(events) = 0`.execute(db);
  await sql`alter table webhook_deliveries drop constraint webhook_deliveries_event_type_check`.execute(db);
  await sql`alter table webhook_deliveries add constraint webhook_deliveries_event_type_check check (event_type in ('evaluation.completed', 'client.score_changed', 'ping'))`.execute(db);
  await sql`alter table webhooks drop constraint webhooks_events_check`.execute(db);
  await sql`alter table webhooks add constraint webhooks_events_check check (cardinality(events) >= 1 and events <@ array['evaluation.completed', 'client.score_changed'])`.execute(db);
  await sql`drop table if exists reports, report_batches, report_schedules, report_templates, report_branding`.execute(db);
}
