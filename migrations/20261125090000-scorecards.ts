import { type Kysely, sql } from 'kysely';
import { isolateByTenant } from './20261123130000-foundation.js';

/**
 * Scorecards: each client's current standing (its latest evaluation and the one before it), QBR
 * marks, and what a run needs to be re-read later exactly as it was scored (the no-data policy and
 * how fresh the evidence was).
 */
/** The tables a scorecard reads, whose changes make a cached one out of date. */
const SCORECARD_SOURCES = ['clients', 'client_scorecards', 'run_clients', 'qbr_marks', 'controls', 'control_mappings', 'frameworks', 'framework_requirements'];

export async function up(db: Kysely<unknown>): Promise<void> {
  // Category and framework views recompute from stored results; they need the policy the run used.
  await sql`
    alter table run_clients
      add column no_data_scoring text not null default 'fail' check (no_data_scoring in ('fail', 'exclude')),
      add column evidence_at timestamptz`.execute(db);
  // Earlier runs were scored with the tenant's policy of the time; the current one is the best record kept.
  await sql`update run_clients rc set no_data_scoring = t.no_data_scoring from tenants t where t.id = rc.tenant_id`.execute(db);
  // The portfolio's "fixes" read only results that would recover points, for each client's current run.
  await sql`create index control_results_recoverable_idx on control_results (run_id, client_id) include (control_id, points_recoverable) where points_recoverable > 0`.execute(db);

  // One row per client, advanced by every successful evaluation: the portfolio reads 5,000 of these
  // instead of searching run history for each client's latest run.
  await sql`
    create table client_scorecards (
      tenant_id uuid not null references tenants (id) on delete cascade,
      client_id uuid primary key references clients (id) on delete cascade,
      run_id uuid not null,
      evaluated_at timestamptz not null,
      score double precision,
      grade text,
      previous_run_id uuid,
      previous_score double precision,
      previous_grade text,
      failing_critical jsonb not null default '[]',
      evidence_at timestamptz,
      foreign key (run_id, client_id) references run_clients (run_id, client_id) on delete cascade
    )`.execute(db);
  await sql`create index client_scorecards_tenant_idx on client_scorecards (tenant_id)`.execute(db);

  await sql`
    create table qbr_marks (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      client_id uuid not null references clients (id) on delete cascade,
      reviewed_at timestamptz not null,
      note text,
      run_id uuid,
      score double precision,
      grade text,
      created_by text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index qbr_marks_client_idx on qbr_marks (client_id, reviewed_at desc)`.execute(db);

  for (const table of ['client_scorecards', 'qbr_marks']) {
    await isolateByTenant(db, table, 'tenant_id');
    await sql`grant select, insert, update, delete on ${sql.table(table)} to rampart_app`.execute(db);
  }

  // A counter per tenant that moves whenever anything a scorecard shows changes, so a cached
  // scorecard is known to be current with one primary-key read. Statement-level triggers bump it
  // once per statement, whatever the number of rows; built-in rows (no tenant) bump every tenant.
  await sql`alter table tenants add column data_version bigint not null default 0`.execute(db);
  await sql`
    create function rampart_bump_data_version() returns trigger
    language plpgsql security definer set search_path = public as $$
    begin
      update tenants set data_version = data_version + 1
      where id in (select tenant_id from changed) or exists (select 1 from changed where tenant_id is null);
      return null;
    end $$`.execute(db);
  for (const table of SCORECARD_SOURCES) {
    for (const [event, transition] of [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const) {
      await sql`
        create trigger ${sql.raw(`${table}_${event}_data_version`)} after ${sql.raw(event)} on ${sql.table(table)}
        referencing ${sql.raw(transition)} table as changed
        for each statement execute function rampart_bump_data_version()`.execute(db);
    }
  }

  // Clients evaluated before this migration get their scorecard from the history already kept.
  await sql`
    insert into client_scorecards (tenant_id, client_id, run_id, evaluated_at, score, grade, previous_run_id, previous_score, previous_grade, failing_critical)
    select h.tenant_id, h.client_id, h.run_id, h.evaluated_at, h.score, h.grade, h.previous_run_id, h.previous_score, h.previous_grade,
      coalesce((
        select jsonb_agg(jsonb_build_object('controlId', cr.control_id, 'key', cr.control_key, 'name', cr.name, 'status', cr.status) order by cr.points_recoverable desc, cr.control_key)
        from control_results cr
        where cr.run_id = h.run_id and cr.client_id = h.client_id and cr.severity = 'critical' and cr.status in ('fail', 'partial')
      ), '[]')
    from (
      select rc.*,
        lag(rc.run_id) over w as previous_run_id,
        lag(rc.score) over w as previous_score,
        lag(rc.grade) over w as previous_grade,
        row_number() over (partition by rc.client_id order by rc.evaluated_at desc) as recency
      from run_clients rc
      where rc.status = 'succeeded'
      window w as (partition by rc.client_id order by rc.evaluated_at)
    ) h
    where h.recency = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists qbr_marks, client_scorecards`.execute(db);
  for (const table of SCORECARD_SOURCES.filter((source) => !['client_scorecards', 'qbr_marks'].includes(source))) {
    for (const event of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`${table}_${event}_data_version`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists rampart_bump_data_version()`.execute(db);
  await sql`alter table tenants drop column if exists data_version`.execute(db);
  await sql`drop index if exists control_results_recoverable_idx`.execute(db);
  await sql`alter table run_clients drop column if exists no_data_scoring, drop column if exists evidence_at`.execute(db);
}
