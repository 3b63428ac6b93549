import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';

import { Database } from '../src/database/database.js';
import { migrateToLatest } from '../src/database/migrator.js';

/** Where the benchmark looks for a PostgreSQL server when DATABASE_URL is not set. */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type BenchDatabaseKind = 'pglite' | 'postgres';

/** A migrated database of the benchmark's own, dropped afterwards. */
export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** What the report calls it: the engine and, for PostgreSQL, the server (without credentials). */
  description: string;
  database: Database;
  /** The scratch database's connection string (PostgreSQL only). */
  url: string | undefined;
  drop(): Promise<void>;
}

export interface BenchDatabaseTarget {
  kind: BenchDatabaseKind;
  open(): Promise<BenchDatabase>;
}

/**
 * In-memory PGlite always; PostgreSQL too when DATABASE_URL names a server or one answers at
 * the default address. Each is opened only when its turn comes.
 */
export async function databaseTargets(poolSize: number): Promise<{ targets: BenchDatabaseTarget[]; skipped: string | undefined }> {
  const targets: BenchDatabaseTarget[] = [{ kind: 'pglite', open: openPglite }];
  const serverUrl = process.env.DATABASE_URL || DEFAULT_POSTGRES_URL;
  const problem = await unreachable(serverUrl);
  if (!problem) targets.push({ kind: 'postgres', open: () => openPostgres(serverUrl, poolSize) });
  return { targets, skipped: problem && `PostgreSQL skipped: ${redact(serverUrl)} did not answer (${problem})` };
}

async function openPglite(): Promise<BenchDatabase> {
  const database = await Database.open({});
  await migrateToLatest(database.system);
  return { kind: 'pglite', description: 'PGlite (in memory, in this process)', database, url: undefined, drop: () => database.close() };
}

/** A fresh database on the server, like the test suites make, dropped (with force) afterwards. */
async function openPostgres(serverUrl: string, poolSize: number): Promise<BenchDatabase> {
  const name = `rampart_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let database: Database | undefined;
  const drop = async () => {
    await database?.close();
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  };
  try {
    database = await Database.open({ url: url.toString(), poolSize });
    await migrateToLatest(database.system);
    const { rows } = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(database.system);
    return { kind: 'postgres', description: `PostgreSQL ${rows[0]?.version ?? '?'} at ${redact(serverUrl)} (scratch database ${name}, pool of ${poolSize})`, database, url: url.toString(), drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

async function unreachable(serverUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
