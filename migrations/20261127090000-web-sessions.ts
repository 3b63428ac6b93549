import { type Kysely, sql } from 'kysely';
import { isolateByTenant } from './20261123130000-foundation.js';

/**
 * Browser sign-in for the web dashboard. A session is a random token in an HttpOnly cookie; only
 * its SHA-256 is stored, with the CSRF token the page sends back on writes. A sign-in attempt holds
 * what the Entra ID callback needs (PKCE verifier, nonce) for ten minutes; it belongs to no tenant
 * yet, so it has no tenant policy and the application role has no grant on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table web_sessions (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      token_hash bytea not null unique check (length(token_hash) = 32),
      csrf_token text not null check (length(csrf_token) >= 32),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text check (length(user_agent) <= 500)
    )`.execute(db);
  await sql`create index web_sessions_user_idx on web_sessions (tenant_id, user_id)`.execute(db);
  await sql`create index web_sessions_expires_idx on web_sessions (expires_at)`.execute(db);
  await isolateByTenant(db, 'web_sessions', 'tenant_id');
  await sql`grant select, insert, update, delete on web_sessions to rampart_app`.execute(db);

  await sql`
    create table sign_in_attempts (
      state_hash bytea primary key check (length(state_hash) = 32),
      code_verifier text not null,
      nonce text not null,
      return_to text not null check (length(return_to) <= 2000),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists sign_in_attempts, web_sessions`.execute(db);
}
