import { type Kysely, sql } from 'kysely';
import { isolateByTenant } from './20261123130000-foundation.js';

/**
 * Evaluation runs and their history: a run per tenant (scheduled or requested), each client's part
 * in it with its score, framework scores, and every control result with its evidence. Rows are
 * keyed by (run, client[, control]) so a retried job replaces its own rows instead of adding more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tenants
      add column evaluation_schedule text default '0 2 * * *',
      add column timezone text not null default 'UTC',
      add column schedule_updated_at timestamptz not null default now(),
      add column evidence_retention_days integer not null default 90 check (evidence_retention_days between 1 and 3650)`.execute(db);
  await sql`grant update (evaluation_schedule, timezone, schedule_updated_at, evidence_retention_days) on tenants to rampart_app`.execute(db);

  await sql`
    create table evaluation_runs (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      trigger text not null check (trigger in ('schedule', 'api', 'cli')),
      requested_by text not null,
      scheduled_for timestamptz,
      client_ids uuid[],
      sync boolean not null default false,
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      phase text check (phase in ('syncing', 'planning', 'evaluating')),
      total integer not null default 0,
      done integer not null default 0,
      failed integer not null default 0,
      syncs jsonb not null default '[]',
      error text,
      portfolio_score double precision,
      portfolio_grade text,
      distribution jsonb,
      evidence_pruned_at timestamptz,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      unique (tenant_id, id)
    )`.execute(db);
  // The scheduler's exactly-once: one run per tenant and slot, however many processes tick.
  await sql`create unique index evaluation_runs_slot_idx on evaluation_runs (tenant_id, scheduled_for) where scheduled_for is not null`.execute(db);
  await sql`create index evaluation_runs_tenant_created_idx on evaluation_runs (tenant_id, created_at desc, id desc)`.execute(db);
  await sql`create index evaluation_runs_unpruned_idx on evaluation_runs (finished_at) where evidence_pruned_at is null`.execute(db);

  await sql`
    create table run_clients (
      tenant_id uuid not null references tenants (id) on delete cascade,
      run_id uuid not null,
      client_id uuid not null references clients (id) on delete cascade,
      client_name text not null,
      baseline text,
      status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
      score double precision,
      grade text,
      earned_points double precision,
      possible_points double precision,
      counts jsonb,
      error text,
      evaluated_at timestamptz,
      primary key (run_id, client_id),
      foreign key (tenant_id, run_id) references evaluation_runs (tenant_id, id) on delete cascade
    )`.execute(db);
  await sql`create index run_clients_client_idx on run_clients (client_id, evaluated_at desc)`.execute(db);

  await sql`
    create table framework_scores (
      tenant_id uuid not null references tenants (id) on delete cascade,
      run_id uuid not null,
      client_id uuid not null,
      framework_id uuid not null references frameworks (id) on delete cascade,
      score double precision,
      grade text,
      coverage double precision not null,
      requirements_total integer not null,
      requirements_covered integer not null,
      counts jsonb not null,
      primary key (run_id, client_id, framework_id),
      foreign key (run_id, client_id) references run_clients (run_id, client_id) on delete cascade
    )`.execute(db);

  // No foreign key to controls: a deleted custom control's results stay in history, named here.
  await sql`
    create table control_results (
      tenant_id uuid not null references tenants (id) on delete cascade,
      run_id uuid not null,
      client_id uuid not null,
      control_id uuid not null,
      control_key text not null,
      name text not null,
      category text not null,
      severity text not null,
      weight double precision not null,
      status text not null check (status in ('pass', 'partial', 'fail', 'not_applicable', 'excepted', 'no_data', 'error')),
      fraction double precision,
      points double precision not null,
      earned double precision not null,
      points_recoverable double precision not null,
      summary text not null,
      evidence jsonb,
      failing_assets jsonb,
      exception jsonb,
      not_applicable_reason text,
      primary key (run_id, client_id, control_id),
      foreign key (run_id, client_id) references run_clients (run_id, client_id) on delete cascade
    )`.execute(db);
  await sql`create index control_results_client_control_idx on control_results (client_id, control_id)`.execute(db);

  for (const table of ['evaluation_runs', 'run_clients', 'framework_scores', 'control_results']) {
    await isolateByTenant(db, table, 'tenant_id');
    await sql`grant select, insert, update, delete on ${sql.table(table)} to rampart_app`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists control_results, framework_scores, run_clients, evaluation_runs`.execute(db);
  await sql`alter table tenants drop column if exists evaluation_schedule, drop column if exists timezone, drop column if exists schedule_updated_at, drop column if exists evidence_retention_days`.execute(db);
}
