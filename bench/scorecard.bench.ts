/**
 * Scorecard latency under load (issue 7): p50/p95/p99 of the portfolio scorecard, the client
 * scorecard and the heatmap with 50 requests in flight, on PostgreSQL.
 *
 * Builds a scratch database on the PostgreSQL server (DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test) with one tenant, RAMPART_BENCH_CLIENTS clients from the
 * evaluation benchmark's generator and real history from the product's evaluation code (two runs,
 * evidence changed between them, the first moved 31 days back), starts the built API
 * (`node dist/src/main.js`, RAMPART_ROLE=api, NODE_ENV=production as in the Dockerfile) as a child
 * process, records QBR marks through the API when the route exists, then drives each scenario with
 * a closed loop of keep-alive requests. The database is dropped and the server stopped at the end,
 * also on failure. Prints a table and writes bench/results/scorecard-postgres.json. Exit code 1
 * when setup failed or a scenario had more than 0.1% errors; a missed target is reported, not an
 * error. Without a PostgreSQL server it says so and exits 0, like the evaluation benchmark.
 *
 *   npm run bench                                            # every benchmark, this one on 5,000 clients
 *   RAMPART_BENCH=scorecard RAMPART_BENCH_CLIENTS=500 npm run bench   # only this one, small (2-3 min)
 *
 * Knobs (environment): RAMPART_BENCH_CLIENTS (5000), RAMPART_BENCH_ASSETS (assets per client, 50),
 * RAMPART_BENCH_RUNS (full runs, 2), RAMPART_BENCH_REQUESTS (measured requests per scenario, 3000),
 * RAMPART_BENCH_MAX_SECONDS (cap on one scenario's measured loop, 150; warm-up and serial get a
 * fifth each), RAMPART_BENCH_CONCURRENCY (in flight, 50), RAMPART_BENCH_WARMUP (requests, 500),
 * RAMPART_BENCH_SERIAL (requests one at a time for the unloaded p50, 100; 0 skips),
 * RAMPART_BENCH_POOL_SIZE (the server's RAMPART_DB_POOL_SIZE; unset: the product default),
 * RAMPART_BENCH_EVAL_CONCURRENCY (evaluation workers while building history, 4),
 * RAMPART_BENCH_ONLY (run only scenarios whose name contains this text),
 * RAMPART_BENCH_LOG_LEVEL (the server's LOG_LEVEL, warn), RAMPART_BENCH_CPU_PROFILE (a folder: write
 * a V8 CPU profile of the server there), RAMPART_BENCH_KEEP_DATABASE=1 (keep the scratch database for
 * EXPLAIN and print how to drop it; interrupted runs drop it anyway).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

import { type BenchDatabase, databaseTargets } from './evaluation-database.js';
import { round } from './evaluation-run.js';
import { closedLoop, describeBody, LoadClient, type LoadResult } from './scorecard-load.js';
import { isMissingRoute, resolveScenario, type Scenario, SCENARIOS, type ScenarioContext } from './scorecard-scenarios.js';
import { type ApiServer, startApiServer } from './scorecard-server.js';
import { buildDataset, type Dataset, qbrReviewedAt } from './scorecard-setup.js';

const CLIENTS = integer('RAMPART_BENCH_CLIENTS', 5000, 1);
const ASSETS_PER_CLIENT = integer('RAMPART_BENCH_ASSETS', 50, 0);
const RUNS = integer('RAMPART_BENCH_RUNS', 2, 2);
const REQUESTS = integer('RAMPART_BENCH_REQUESTS', 3000, 1);
const CONCURRENCY = integer('RAMPART_BENCH_CONCURRENCY', 50, 1);
const WARMUP = integer('RAMPART_BENCH_WARMUP', 500, 0);
const SERIAL = integer('RAMPART_BENCH_SERIAL', 100, 0);
const MAX_SECONDS = integer('RAMPART_BENCH_MAX_SECONDS', 150, 1);
const EVAL_CONCURRENCY = integer('RAMPART_BENCH_EVAL_CONCURRENCY', 4, 1);
const POOL_SIZE = process.env.RAMPART_BENCH_POOL_SIZE || undefined;
const ONLY = process.env.RAMPART_BENCH_ONLY || undefined;
const SERVER_LOG_LEVEL = process.env.RAMPART_BENCH_LOG_LEVEL || 'warn';
const KEEP_DATABASE = process.env.RAMPART_BENCH_KEEP_DATABASE === '1';
const CPU_PROFILE_DIR = process.env.RAMPART_BENCH_CPU_PROFILE ? path.resolve(process.env.RAMPART_BENCH_CPU_PROFILE) : undefined;
const FIRST_RUN_DAYS_AGO = 31;
/** A share of errors above this fails the benchmark. */
const MAX_ERROR_RATE = 0.001;
/** QBR marks for every n-th client. */
const QBR_EVERY = 10;
const REQUEST_TIMEOUT_MS = 60_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const resultFile = path.join(root, 'bench', 'results', 'scorecard-postgres.json');
const mainJs = path.join(root, 'dist', 'src', 'main.js');

interface ScenarioReport {
  name: string;
  standIn: boolean;
  targetP95Ms: number | null;
  /** `pass`/`miss` against the target; `measured` without one; otherwise why nothing was measured. */
  outcome: 'pass' | 'miss' | 'measured' | 'route not available' | 'failed';
  detail: string | null;
  distinctPaths: number;
  examplePath: string | null;
  load: LoadResult | null;
  /** Latency one request at a time, after the warm-up: the cost of a request without queueing. */
  serial: { requests: number; p50Ms: number; p95Ms: number } | null;
  warmupErrors: number;
}

interface Report {
  benchmark: 'scorecard';
  finishedAt: string;
  machine: { cpuModel: string; cpus: number; memoryGiB: number; node: string; postgres: string };
  database: string;
  server: { command: string; role: 'api'; dbPoolSize: string; logLevel: string };
  load: { concurrency: number; requestsPerScenario: number; maxSecondsPerScenario: number; warmupRequests: number; serialRequests: number; keepAlive: true };
  dataset: {
    clients: number;
    assetsPerClient: number;
    runs: Dataset['runs'];
    rows: Record<string, number>;
    evidenceChanges: Dataset['evidenceChanges'];
    grades: Record<string, number>;
    qbrMarks: { outcome: string; created: number };
  };
  setupSeconds: { portfolio: number; evaluations: number; vacuum: number; total: number };
  scenarios: ScenarioReport[];
}

const log = (line: string) => process.stdout.write(`scorecard: ${line}\n`);

let bench: BenchDatabase | undefined;
let server: ApiServer | undefined;
let cleaning: Promise<void> | undefined;
/** Set on SIGINT/SIGTERM: what fails after it is the interruption's doing, not a finding. */
let interrupted = false;

/** Stops the server and drops the database, once, whatever happened. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await server?.stop().catch((error: unknown) => log(`could not stop the API server: ${String(error)}`));
    if (KEEP_DATABASE && bench?.url && !interrupted) {
      await bench.database.close();
      log(`kept the database: ${bench.url} (drop it with: psql -c 'drop database ${new URL(bench.url).pathname.slice(1)}' '${bench.url.replace(/\/[^/]*$/, '/postgres')}')`);
      return;
    }
    await bench?.drop().catch((error: unknown) => log(`could not drop the scratch database: ${String(error)}`));
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping the server and dropping the database...`);
    void cleanUp().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  // After a signal, what fails is the interruption's doing; its handler exits with 130 or 143.
  if (!interrupted) {
    process.stderr.write(`scorecard: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (server) process.stderr.write(`--- API server output (last lines) ---\n${server.output().slice(-4000)}\n`);
  }
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function main(): Promise<number> {
  const { targets, skipped } = await databaseTargets(Math.max(10, EVAL_CONCURRENCY + 2));
  const postgres = targets.find((target) => target.kind === 'postgres');
  if (!postgres) {
    log(`skipped: the scorecard benchmark runs on PostgreSQL only. ${skipped ?? ''}`);
    return 0;
  }
  const setupStarted = performance.now();
  bench = await postgres.open();
  log(bench.description);
  const dataset = await buildDataset(bench, { clients: CLIENTS, assetsPerClient: ASSETS_PER_CLIENT, runs: RUNS, firstRunDaysAgo: FIRST_RUN_DAYS_AGO, concurrency: EVAL_CONCURRENCY, logLevel: 'silent', log });
  const url = bench.url!;

  log(`starting the API server (node ${path.relative(process.cwd(), mainJs)}, RAMPART_ROLE=api)...`);
  server = await startApiServer({ mainJs, cwd: root, databaseUrl: url, logLevel: SERVER_LOG_LEVEL, poolSize: POOL_SIZE, cpuProfileDir: CPU_PROFILE_DIR, startTimeoutMs: 60_000 });
  const client = new LoadClient(server.origin, { authorization: `Bearer ${dataset.apiKey}` }, CONCURRENCY);
  try {
    const facts = await datasetFacts(url, dataset.tenantId);
    const qbrMarks = await recordQbrMarks(client, facts.clientIds);
    const setupSeconds = { ...dataset.seconds, total: round((performance.now() - setupStarted) / 1000, 1) };
    log(`setup took ${setupSeconds.total} s (portfolio ${setupSeconds.portfolio} s, ${RUNS} evaluation runs ${setupSeconds.evaluations} s, vacuum ${setupSeconds.vacuum} s)`);

    const context: ScenarioContext = { clientIds: shuffled(facts.clientIds, 7), latestRunId: dataset.runs[dataset.runs.length - 1]!.runId, baseline: dataset.baselines.includes('Standard') ? 'Standard' : dataset.baselines[0]! };
    const scenarios: ScenarioReport[] = [];
    for (const scenario of SCENARIOS.filter((candidate) => !ONLY || candidate.name.includes(ONLY))) {
      scenarios.push(await runScenario(client, scenario, context));
    }

    const report: Report = {
      benchmark: 'scorecard',
      finishedAt: new Date().toISOString(),
      machine: { cpuModel: cpus()[0]?.model ?? 'cpu', cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: facts.postgresVersion },
      database: bench.description,
      server: { command: 'node dist/src/main.js', role: 'api', dbPoolSize: POOL_SIZE ?? 'default (RAMPART_DB_POOL_SIZE unset)', logLevel: SERVER_LOG_LEVEL },
      load: { concurrency: CONCURRENCY, requestsPerScenario: REQUESTS, maxSecondsPerScenario: MAX_SECONDS, warmupRequests: WARMUP, serialRequests: SERIAL, keepAlive: true },
      dataset: { clients: facts.clientIds.length, assetsPerClient: ASSETS_PER_CLIENT, runs: dataset.runs, rows: facts.rows, evidenceChanges: dataset.evidenceChanges, grades: facts.grades, qbrMarks },
      setupSeconds,
      scenarios,
    };
    printReport(report);
    mkdirSync(path.dirname(resultFile), { recursive: true });
    writeFileSync(resultFile, `${JSON.stringify(report, null, 2)}\n`);
    log(`written to ${path.relative(process.cwd(), resultFile)}`);
    if (!server.running()) throw new Error('The API server stopped during the benchmark');
    const failed = scenarios.filter((scenario) => scenario.outcome === 'failed');
    if (failed.length > 0) {
      process.stderr.write(`scorecard: FAILED: ${failed.map((scenario) => `${scenario.name}: ${scenario.detail}`).join('\n  ')}\n`);
      return 1;
    }
    return 0;
  } finally {
    client.close();
  }
}

/** Probe, warm up, a few requests one at a time, then the measured closed loop. */
async function runScenario(client: LoadClient, scenario: Scenario, context: ScenarioContext): Promise<ScenarioReport> {
  const base = { name: scenario.name, standIn: scenario.standIn ?? false, targetP95Ms: scenario.targetP95Ms ?? null, load: null, serial: null, warmupErrors: 0 };
  const resolved = await resolveScenario(client, scenario, context);
  if (resolved.kind !== 'ready') {
    log(`${scenario.name}: ${resolved.detail}`);
    return { ...base, outcome: resolved.kind === 'unavailable' ? 'route not available' : 'failed', detail: resolved.detail, distinctPaths: 0, examplePath: null };
  }
  const { paths } = resolved;
  log(`${scenario.name}: ${paths.length} distinct paths, warm-up ${WARMUP}, ${SERIAL} one at a time, ${REQUESTS} measured with ${CONCURRENCY} in flight...`);
  const loop = (requests: number, concurrency: number, maxSeconds: number) => closedLoop(client, { concurrency, requests, paths, timeoutMs: REQUEST_TIMEOUT_MS, maxSeconds });
  const warmup = WARMUP > 0 ? await loop(WARMUP, CONCURRENCY, Math.ceil(MAX_SECONDS / 5)) : undefined;
  let serial: ScenarioReport['serial'] = null;
  let serialRun: LoadResult | undefined;
  if (SERIAL > 0) {
    serialRun = await loop(SERIAL, 1, Math.ceil(MAX_SECONDS / 5));
    serial = { requests: serialRun.requests, p50Ms: round(serialRun.latencyMs.p50, 1), p95Ms: round(serialRun.latencyMs.p95, 1) };
  }
  const load = await loop(REQUESTS, CONCURRENCY, MAX_SECONDS);
  if (load.timeCapped) log(`${scenario.name}: stopped after ${MAX_SECONDS} s with ${load.requests} of ${REQUESTS} requests made`);
  const tooManyErrors = load.errors > MAX_ERROR_RATE * load.requests || !server!.running();
  const outcome: ScenarioReport['outcome'] = tooManyErrors ? 'failed' : scenario.targetP95Ms === undefined ? 'measured' : load.latencyMs.p95 < scenario.targetP95Ms ? 'pass' : 'miss';
  const problems = [
    ...(load.errors > 0 ? [`${load.errors} errors: ${samples(load)}`] : []),
    ...(warmup && warmup.errors > 0 ? [`${warmup.errors} errors in the warm-up: ${samples(warmup)}`] : []),
    ...(serialRun && serialRun.errors > 0 ? [`${serialRun.errors} errors one at a time: ${samples(serialRun)}`] : []),
  ];
  const detail = problems.length > 0 ? problems.join('; ') : null;
  if (detail) log(`${scenario.name}: ${detail}`);
  return { ...base, outcome, detail, distinctPaths: paths.length, examplePath: paths[0]!, load: roundLoad(load), serial, warmupErrors: warmup?.errors ?? 0 };
}

/**
 * QBR marks for every tenth client, dated between the first run and the next, through the API
 * (the product decides which run and score a mark refers to). Skipped while the route is missing;
 * a refused mark is reported, since the benchmark then measures scorecards without them.
 */
async function recordQbrMarks(client: LoadClient, clientIds: readonly string[]): Promise<{ outcome: string; created: number }> {
  const chosen = clientIds.filter((_, index) => index % QBR_EVERY === 0);
  const body = { reviewedAt: qbrReviewedAt(FIRST_RUN_DAYS_AGO).toISOString(), note: 'Quarterly business review (benchmark)' };
  const post = (id: string) => client.request('POST', `/api/v1/clients/${id}/qbr-marks`, { body });
  const first = await post(chosen[0]!);
  if (first.status === 404 && isMissingRoute(first.body)) {
    log('QBR marks: route not available yet (POST /api/v1/clients/:id/qbr-marks answered 404), none recorded');
    return { outcome: 'route not available', created: 0 };
  }
  if (first.status !== 200 && first.status !== 201) {
    const outcome = `refused: ${first.status} ${describeBody(first.body)}`;
    log(`WARNING: QBR marks ${outcome}; scorecards are measured without QBR marks`);
    return { outcome, created: 0 };
  }
  let created = 1;
  const failures: string[] = [];
  const queue = chosen.slice(1);
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const response = await post(id);
        if (response.status === 200 || response.status === 201) created += 1;
        else failures.push(`${response.status} ${describeBody(response.body)}`);
      }
    }),
  );
  if (failures.length > 0) throw new Error(`${failures.length} of ${chosen.length} QBR marks failed, e.g. ${failures[0]}`);
  log(`QBR marks: ${created} recorded (every ${QBR_EVERY}th client, reviewed ${body.reviewedAt.slice(0, 10)})`);
  return { outcome: 'recorded', created };
}

interface DatasetFacts {
  postgresVersion: string;
  clientIds: string[];
  rows: Record<string, number>;
  grades: Record<string, number>;
}

/** What the report says about the data, read with a connection of its own (the setup's pool is closed). */
async function datasetFacts(url: string, tenantId: string): Promise<DatasetFacts> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const version = await db.query<{ version: string }>(`select current_setting('server_version') as version`);
    const clients = await db.query<{ id: string }>('select id from clients where tenant_id = $1 order by id', [tenantId]);
    const rows: Record<string, number> = {};
    for (const table of ['clients', 'assets', 'facts', 'attestations', 'evaluation_runs', 'run_clients', 'control_results', 'framework_scores']) {
      const { rows: counted } = await db.query<{ count: string }>(`select count(*) as count from ${table} where tenant_id = $1`, [tenantId]);
      rows[table] = Number(counted[0]!.count);
    }
    const latest = await db.query<{ grade: string | null; count: string }>(
      `select rc.grade, count(*) as count from run_clients rc
       where rc.run_id = (select id from evaluation_runs where tenant_id = $1 order by created_at desc limit 1)
       group by rc.grade order by rc.grade`,
      [tenantId],
    );
    const grades = Object.fromEntries(latest.rows.map((row) => [row.grade ?? 'none', Number(row.count)]));
    return { postgresVersion: version.rows[0]!.version, clientIds: clients.rows.map((row) => row.id), rows, grades };
  } finally {
    await db.end();
  }
}

function ms(value: number | undefined): string {
  return value === undefined ? '' : value.toFixed(1);
}

function printReport(report: Report): void {
  const header = ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s', 'errors', 'c=1 p50', 'KB/resp', 'target p95', 'result'];
  const rows = report.scenarios.map((scenario) => {
    const load = scenario.load;
    const target = scenario.targetP95Ms === null ? '-' : `< ${scenario.targetP95Ms} ms`;
    const result = scenario.outcome === 'pass' ? 'PASS' : scenario.outcome === 'miss' ? 'MISS' : scenario.outcome === 'measured' ? '-' : scenario.outcome;
    if (!load) return [scenario.name, '', '', '', '', '', '', '', '', target, result === 'failed' ? 'FAILED' : result];
    return [
      scenario.name,
      ms(load.latencyMs.p50),
      ms(load.latencyMs.p95),
      ms(load.latencyMs.p99),
      ms(load.latencyMs.max),
      load.throughput.toFixed(0),
      `${load.errors}/${load.requests}${load.timeCapped ? '*' : ''}`,
      ms(scenario.serial?.p50Ms),
      (load.meanBytes / 1024).toFixed(1),
      target,
      result === 'failed' ? 'FAILED' : result,
    ];
  });
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`;
  const { machine, dataset } = report;
  const runs = dataset.runs.map((run, index) => `run ${index + 1}: score ${run.portfolioScore ?? '-'}, evaluated in ${run.evaluatedSeconds} s${run.backdatedDays > 0 ? `, moved ${run.backdatedDays} days back` : ', now'}`).join('; ');
  const grades = Object.entries(dataset.grades).map(([grade, count]) => `${grade} ${count}`).join(', ');
  process.stdout.write(
    [
      '',
      `== scorecard latency on PostgreSQL ${machine.postgres}: ${report.load.concurrency} requests in flight (closed loop, keep-alive), ${report.load.requestsPerScenario} measured per scenario after ${report.load.warmupRequests} warm-up`,
      `   machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; load generator, API server and PostgreSQL share it`,
      `   server: ${report.server.command}, RAMPART_ROLE=api, pool ${report.server.dbPoolSize}, LOG_LEVEL=${report.server.logLevel}`,
      `   dataset: ${dataset.clients} clients, ${dataset.rows.assets} assets, ${dataset.rows.facts} facts; ${dataset.rows.evaluation_runs} runs, ${dataset.rows.run_clients} run_clients, ${dataset.rows.control_results} control_results, ${dataset.rows.framework_scores} framework_scores rows`,
      `   history: ${runs}`,
      `   evidence changed: ${dataset.evidenceChanges.map((change) => `before run ${change.beforeRun}: ${change.facts} facts, ${change.assets} assets`).join('; ')}; latest grades: ${grades}; QBR marks: ${dataset.qbrMarks.outcome} (${dataset.qbrMarks.created})`,
      `   setup: ${report.setupSeconds.total} s (portfolio ${report.setupSeconds.portfolio} s, evaluations ${report.setupSeconds.evaluations} s, vacuum analyze ${report.setupSeconds.vacuum} s)`,
      '',
      line(table[0]!),
      ...rows.map(line),
      '',
      '  c=1 p50: the same requests one at a time (no queueing). Stand-ins are existing routes of the same shape, measured for comparison.',
      ...(report.scenarios.some((scenario) => scenario.load?.timeCapped) ? [`  *: stopped at the ${report.load.maxSecondsPerScenario} s cap before ${report.load.requestsPerScenario} requests.`] : []),
      ...report.scenarios.filter((scenario) => scenario.detail).map((scenario) => `  ${scenario.name}: ${scenario.detail}`),
      '',
    ].join('\n'),
  );
}

function samples(load: LoadResult): string {
  return load.errorSamples.map((sample) => `${sample.count}× ${sample.error}`).join('; ');
}

function roundLoad(load: LoadResult): LoadResult {
  const { mean, p50, p95, p99, max } = load.latencyMs;
  const latencyMs = { mean: round(mean, 2), p50: round(p50, 2), p95: round(p95, 2), p99: round(p99, 2), max: round(max, 2) };
  return { ...load, wallSeconds: round(load.wallSeconds, 2), throughput: round(load.throughput, 1), latencyMs };
}

/** A seeded Fisher–Yates shuffle, so runs request clients in the same order. */
function shuffled<T>(values: readonly T[], seed: number): T[] {
  const result = [...values];
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

function integer(name: string, fallback: number, minimum: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer of at least ${minimum}, got "${raw}"`);
  return value;
}
