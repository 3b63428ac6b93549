import { type Kysely, sql } from 'kysely';
import { isolateByTenant } from './20261123130000-foundation.js';

/**
 * Evidence pushed by other tools: facts about a client (one current value per key and source),
 * and assets owned by a tool rather than a PSA, keyed by that tool's own ids.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table facts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      client_id uuid not null references clients (id) on delete cascade,
      key text not null check (key ~ '^[a-z][a-z0-9_.]{0,99}$'),
      value jsonb not null,
      source text not null check (source ~ '^[a-z0-9][a-z0-9_.-]{0,49}$'),
      observed_at timestamptz not null,
      received_at timestamptz not null default now(),
      unique (tenant_id, client_id, key, source)
    )`.execute(db);
  await isolateByTenant(db, 'facts', 'tenant_id');
  await sql`grant select, insert, update, delete on facts to rampart_app`.execute(db);

  await sql`alter table assets add column source text check (source ~ '^[a-z0-9][a-z0-9_.-]{0,49}$')`.execute(db);
  // A tool's asset ids are unique within that tool, per tenant: a re-sent batch updates, never duplicates.
  await sql`create unique index assets_source_external_idx on assets (tenant_id, source, external_id) where integration_id is null and source is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists assets_source_external_idx`.execute(db);
  await sql`alter table assets drop column if exists source`.execute(db);
  await sql`drop table if exists facts`.execute(db);
}
