import { type Kysely, sql } from 'kysely';
import { isolateByTenant } from './20261123130000-foundation.js';

/**
 * Webhooks: the URLs a tenant registers for events, each with a signing secret encrypted at rest
 * (AES-256-GCM, like PSA credentials), and the delivery log. A delivery row is the outbox entry:
 * it is written with the change that caused it, keeps the exact body it sends on every attempt,
 * and records each attempt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhooks (
      id uuid primary key,
      tenant_id uuid not null references tenants (id) on delete cascade,
      url text not null check (length(url) between 1 and 2048),
      description text check (length(description) <= 500),
      events text[] not null check (cardinality(events) >= 1 and events <@ array['evaluation.completed', 'client.score_changed']),
      score_change_threshold double precision not null default 5 check (score_change_threshold between 0.1 and 100),
      enabled boolean not null default true,
      disabled_reason text,
      secret_ciphertext bytea not null,
      secret_nonce bytea not null,
      secret_key_id text not null,
      previous_secret_ciphertext bytea,
      previous_secret_nonce bytea,
      previous_secret_key_id text,
      previous_secret_expires_at timestamptz,
      secret_rotated_at timestamptz,
      created_by text not null,
      created_at timestamptz not null default clock_timestamp(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, id)
    )`.execute(db);
  await sql`create index webhooks_tenant_created_idx on webhooks (tenant_id, created_at desc, id desc)`.execute(db);

  await sql`
    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      webhook_id uuid not null,
      event_id uuid not null,
      event_type text not null check (event_type in ('evaluation.completed', 'client.score_changed', 'ping')),
      payload text not null,
      status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
      attempts jsonb not null default '[]'::jsonb check (jsonb_typeof(attempts) = 'array'),
      attempt_count integer not null default 0,
      error text,
      -- No foreign key: retention may remove the original first, and a redelivery must stay one
      -- (nulling it would make it clash with its siblings on the unique index below).
      redelivery_of uuid,
      created_at timestamptz not null default clock_timestamp(),
      last_attempt_at timestamptz,
      delivered_at timestamptz,
      foreign key (tenant_id, webhook_id) references webhooks (tenant_id, id) on delete cascade
    )`.execute(db);
  // The delivery log, newest first; and retention, oldest first.
  await sql`create index webhook_deliveries_log_idx on webhook_deliveries (webhook_id, created_at desc, id desc)`.execute(db);
  await sql`create index webhook_deliveries_created_idx on webhook_deliveries (created_at)`.execute(db);
  // An event is queued once per webhook, however often the job that raised it is retried; redeliveries are extra rows.
  await sql`create unique index webhook_deliveries_event_idx on webhook_deliveries (webhook_id, event_id) where redelivery_of is null`.execute(db);

  for (const table of ['webhooks', 'webhook_deliveries']) {
    await isolateByTenant(db, table, 'tenant_id');
    await sql`grant select, insert, update, delete on ${sql.table(table)} to rampart_app`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists webhook_deliveries, webhooks`.execute(db);
}
