import { sql } from 'kysely';

import { ApiKeysService } from '../src/api-keys/api-keys.service.js';
import { systemOrigin } from '../src/auth/caller.js';
import { SCOPES } from '../src/auth/scopes.js';
import type { Database } from '../src/database/database.js';
import type { BenchDatabase } from './evaluation-database.js';
import { insertPortfolio, type PortfolioCounts } from './evaluation-portfolio.js';
import { evaluateTenant, round, startApp } from './evaluation-run.js';

/**
 * The scorecard benchmark's data: one tenant with an API key, a portfolio from the evaluation
 * benchmark's generator, and evaluation history written by the product's own evaluation path
 * (EvaluationsService.request, the pg-boss planner and client jobs, in this process). Between runs
 * some evidence changes, so scores move; every run but the last is then moved back in time with
 * admin SQL: the first by `firstRunDaysAgo` (so "since 30 days ago" finds it), the ones between
 * to the nights before today.
 */
export interface DatasetOptions {
  clients: number;
  assetsPerClient: number;
  /** Full evaluation runs, 2 or more. */
  runs: number;
  firstRunDaysAgo: number;
  /** Evaluation workers while building the history. */
  concurrency: number;
  logLevel: string;
  log: (line: string) => void;
}

export interface RunSummary {
  runId: string;
  status: string;
  clients: number;
  failedClients: number;
  portfolioScore: number | null;
  evaluatedSeconds: number;
  /** How far back in time the run was moved afterwards. */
  backdatedDays: number;
}

export interface Dataset {
  tenantId: string;
  apiKey: string;
  /** Oldest first. */
  runs: RunSummary[];
  baselines: string[];
  portfolio: PortfolioCounts;
  /** Rows changed before each run after the first. */
  evidenceChanges: { beforeRun: number; facts: number; assets: number }[];
  seconds: { portfolio: number; evaluations: number; vacuum: number };
}

const DAY_MS = 86_400_000;

export async function buildDataset(bench: BenchDatabase, options: DatasetOptions): Promise<Dataset> {
  const { database } = bench;
  if (options.runs < 2) throw new Error('The scorecard benchmark needs at least 2 runs');
  const now = new Date();
  const tenantId = await createTenant(database, `Scorecard bench MSP (${options.clients} clients)`);

  options.log(`generating ${options.clients} clients × ${options.assetsPerClient} assets...`);
  const portfolio = await insertPortfolio(database, { tenantId, label: 'sc', clients: options.clients, assetsPerClient: options.assetsPerClient, seed: 4242, now });
  const baselines = (await database.system.selectFrom('baselines').select('name').where('tenantId', '=', tenantId).orderBy('name').execute()).map((row) => row.name);

  const evaluationsStarted = performance.now();
  const app = await startApp({ database, databaseUrl: bench.url, concurrency: options.concurrency, logLevel: options.logLevel });
  const runs: RunSummary[] = [];
  const evidenceChanges: Dataset['evidenceChanges'] = [];
  let apiKey: string;
  try {
    const caller = { ...systemOrigin('scorecard bench'), tenantId, scopes: new Set(SCOPES) };
    apiKey = (await app.get(ApiKeysService).create(caller, { name: 'scorecard bench', scopes: [...SCOPES] })).key;
    for (let index = 0; index < options.runs; index++) {
      if (index > 0) evidenceChanges.push({ beforeRun: index + 1, ...(await changeEvidence(database, tenantId, index)) });
      options.log(`evaluation run ${index + 1} of ${options.runs}: ${options.clients} clients, ${options.concurrency} workers...`);
      const started = performance.now();
      const run = await evaluateTenant(app, database, tenantId, Math.max(600, options.clients));
      if (run.status !== 'succeeded' || run.failedClients > 0) {
        throw new Error(`Evaluation run ${run.runId} ${run.status} with ${run.failedClients} failed clients${run.error ? `: ${run.error}` : ''}`);
      }
      // The first run a month back, the ones between on the nights before today, the last now.
      const backdatedDays = index === 0 ? options.firstRunDaysAgo : options.runs - 1 - index;
      if (backdatedDays > 0) await backdateRun(database, run.runId, backdatedDays);
      runs.push({
        runId: run.runId,
        status: run.status,
        clients: run.clients,
        failedClients: run.failedClients,
        portfolioScore: run.portfolioScore,
        evaluatedSeconds: round((performance.now() - started) / 1000, 1),
        backdatedDays,
      });
    }
  } finally {
    // Also closes the database (the app owns it once started).
    await app.close();
  }
  const evaluations = (performance.now() - evaluationsStarted) / 1000;

  // Fresh statistics and visibility maps, as autovacuum would have left them by morning, so the
  // plans and timings do not depend on when autovacuum happens to wake up mid-benchmark.
  const vacuumStarted = performance.now();
  await adminSql(bench.url!, 'vacuum analyze');
  return {
    tenantId,
    apiKey,
    runs,
    baselines,
    portfolio: { ...portfolio, seconds: round(portfolio.seconds, 1) },
    evidenceChanges,
    seconds: { portfolio: round(portfolio.seconds, 1), evaluations: round(evaluations, 1), vacuum: round((performance.now() - vacuumStarted) / 1000, 1) },
  };
}

/** A tenant whose schedule is paused, so the scheduler starts nothing of its own mid-benchmark. */
async function createTenant(database: Database, name: string): Promise<string> {
  const row = await database.system.insertInto('tenants').values({ name, evaluationSchedule: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Evidence as tools would have pushed it overnight, so the next run scores differently: 40% of the
 * clients (a different 40% each round) get a quarter of their yes/no facts flipped, and 20% get
 * half their workstations' disk encryption flipped; both observed now.
 */
export async function changeEvidence(database: Database, tenantId: string, change: number): Promise<{ facts: number; assets: number }> {
  const salt = `:change${change}`;
  const facts = await sql`
    update facts set value = to_jsonb(not (value #>> '{}')::boolean), observed_at = now(), received_at = now()
    where tenant_id = ${tenantId}
      and jsonb_typeof(value) = 'boolean'
      and abs(hashtext(client_id::text || ${salt})) % 100 < 40
      and abs(hashtext(client_id::text || key || ${salt})) % 4 = 0`.execute(database.system);
  const assets = await sql`
    update assets set disk_encrypted = not disk_encrypted, source_updated_at = now(), updated_at = now()
    where tenant_id = ${tenantId}
      and disk_encrypted is not null
      and abs(hashtext(client_id::text || ${`${salt}:assets`})) % 100 < 20
      and abs(hashtext(id::text || ${salt})) % 2 = 0`.execute(database.system);
  return { facts: Number(facts.numAffectedRows ?? 0), assets: Number(assets.numAffectedRows ?? 0) };
}

/**
 * Moves a finished run `days` back: every timestamp column of the run itself and of the rows that
 * carry its run_id (run_clients, the scorecard rows it wrote, ...), found in the catalog so columns
 * added later move too.
 */
export async function backdateRun(database: Database, runId: string, days: number): Promise<void> {
  const columns = await sql<{ table: string; column: string }>`
    select c.table_name as table, c.column_name as column
    from information_schema.columns c
    where c.table_schema = 'public'
      and c.data_type = 'timestamp with time zone'
      and (c.table_name = 'evaluation_runs'
        or exists (select 1 from information_schema.columns r where r.table_schema = 'public' and r.table_name = c.table_name and r.column_name = 'run_id'))
    order by 1, 2`.execute(database.system);
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns.rows) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const shift = sql`${`${days} days`}::interval`;
  await database.system.transaction().execute(async (trx) => {
    for (const [table, names] of byTable) {
      const sets = sql.join(names.map((name) => sql`${sql.ref(name)} = ${sql.ref(name)} - ${shift}`));
      const key = table === 'evaluation_runs' ? sql.ref('id') : sql.ref('run_id');
      await sql`update ${sql.table(table)} set ${sets} where ${key} = ${runId}`.execute(trx);
    }
  });
}

/** Statements that cannot run in a transaction (VACUUM) on the benchmark's database. */
export async function adminSql(url: string, statement: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** When the QBR marks are placed: between the first run and the next. */
export function qbrReviewedAt(firstRunDaysAgo: number, now = Date.now()): Date {
  return new Date(now - Math.max(1, Math.round(firstRunDaysAgo * 0.66)) * DAY_MS);
}
