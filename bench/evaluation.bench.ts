import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { BUILTIN_CONTROLS } from '../src/controls/catalog/builtin-controls.js';
import type { Database } from '../src/database/database.js';
import { type BenchDatabase, type BenchDatabaseKind, databaseTargets } from './evaluation-database.js';
import { type FloorResult, measureFloor } from './evaluation-floor.js';
import { mib } from './evaluation-memory.js';
import { insertPortfolio, type PortfolioCounts } from './evaluation-portfolio.js';
import { evaluateTenant, round, type RunMeasurement, startApp } from './evaluation-run.js';

/**
 * End-to-end evaluation of a synthetic portfolio (default 2,000 clients × 50 assets × every
 * built-in control) through the real path: EvaluationsService.request, the pg-boss planner and
 * client jobs, the evaluators, the results repository. Runs on in-memory PGlite, and on
 * PostgreSQL when DATABASE_URL is set or a server answers at postgres://postgres@127.0.0.1:5432/test.
 *
 * Compares the wall time with a floor measured in the same database: one multi-row INSERT of the
 * same result rows per client, each in its own transaction. Also evaluates a second tenant with a
 * quarter of the clients first, so peak memory growth can be compared across sizes. Each database
 * is benchmarked in a child process of its own; the parent prints one summary line per database.
 *
 *   npm run bench -- --clients 200 --concurrency 4
 *   BENCH_CLIENTS=200 BENCH_DATABASES=pglite node dist-bench/bench/evaluation.bench.js
 */
const { values: args } = parseArgs({
  options: {
    clients: { type: 'string' },
    concurrency: { type: 'string' },
    assets: { type: 'string' },
    databases: { type: 'string' },
    /** Internal: the child process that benchmarks one database. */
    child: { type: 'string' },
  },
});
const CLIENTS = positiveInteger('clients', args.clients ?? process.env.BENCH_CLIENTS ?? '2000');
const CONCURRENCY = positiveInteger('concurrency', args.concurrency ?? process.env.BENCH_CONCURRENCY ?? '4');
const ASSETS_PER_CLIENT = positiveInteger('assets', args.assets ?? process.env.BENCH_ASSETS_PER_CLIENT ?? '50');
const DATABASES = new Set((args.databases ?? process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').map((name) => name.trim()));
const SMALL_CLIENTS = Math.max(1, Math.round(CLIENTS / 4));
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'silent';
/** Generous: a run slower than 1 client per second is a failure of its own. */
const RUN_TIMEOUT_SECONDS = Math.max(600, CLIENTS);
const POOL_SIZE = Math.max(10, CONCURRENCY + 2);

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.resolve(here, '..', '..', 'bench', 'results');
const resultFile = (kind: BenchDatabaseKind) => path.join(resultsDir, `evaluation-${kind}.json`);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

interface SizeReport {
  clients: number;
  run: RunMeasurement;
  floor: FloorResult;
  /** Evaluation wall time divided by the floor's. */
  ratio: number;
}

interface DatabaseReport {
  database: BenchDatabaseKind;
  description: string;
  machine: string;
  concurrency: number;
  portfolio: { assetsPerClient: number; controls: number; tenants: (PortfolioCounts & { label: string })[]; note: string };
  /** The N/4 tenant, evaluated first. */
  small: SizeReport;
  /** The N tenant. */
  full: SizeReport;
  memory: { rssAfterPortfolioMiB: number; processMaxRssMiB: number; note: string };
}

const DNS_NOTE = 'clients have no domains, so the 3 DNS controls report no_data without any network lookup';

if (args.child) await runChild(args.child);
else await runAll();

/**
 * Each database in a process of its own, one after the other, so one engine's memory (PGlite
 * lives in the process) does not inflate the other's figures.
 */
async function runAll(): Promise<void> {
  const { targets, skipped } = await databaseTargets(POOL_SIZE);
  if (skipped) process.stdout.write(`${skipped}\n`);
  const summaries: string[] = [];
  for (const { kind } of targets.filter((target) => DATABASES.has(target.kind))) {
    rmSync(resultFile(kind), { force: true });
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--child', kind], { stdio: 'inherit' });
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (!existsSync(resultFile(kind))) {
      summaries.push(`${kind}: failed (exit ${code ?? signal})`);
      process.exitCode = 1;
      continue;
    }
    const report = JSON.parse(readFileSync(resultFile(kind), 'utf8')) as DatabaseReport;
    summaries.push(summaryLine(report));
    if (code !== 0) process.exitCode = 1;
  }
  process.stdout.write(`${summaries.join('\n')}\n`);
}

async function runChild(kind: string): Promise<void> {
  const { targets } = await databaseTargets(POOL_SIZE);
  const target = targets.find((candidate) => candidate.kind === kind);
  if (!target) throw new Error(`No ${kind} database to benchmark`);
  const bench = await target.open();
  try {
    const report = await benchmark(bench);
    printReport(report);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(resultFile(report.database), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`written to ${path.relative(process.cwd(), resultFile(report.database))}\n\n`);
    if ([report.small, report.full].some((size) => size.run.status !== 'succeeded' || size.run.failedClients > 0)) process.exitCode = 1;
  } finally {
    await bench.drop();
  }
}

async function benchmark(bench: BenchDatabase): Promise<DatabaseReport> {
  const { database } = bench;
  const now = new Date();
  process.stdout.write(`${bench.kind}: generating ${SMALL_CLIENTS} + ${CLIENTS} clients × ${ASSETS_PER_CLIENT} assets...\n`);
  const smallTenant = await createTenant(database, `Bench MSP (${SMALL_CLIENTS} clients)`);
  const fullTenant = await createTenant(database, `Bench MSP (${CLIENTS} clients)`);
  const smallPortfolio = await insertPortfolio(database, { tenantId: smallTenant, label: 's', clients: SMALL_CLIENTS, assetsPerClient: ASSETS_PER_CLIENT, seed: 7, now });
  const fullPortfolio = await insertPortfolio(database, { tenantId: fullTenant, label: 'f', clients: CLIENTS, assetsPerClient: ASSETS_PER_CLIENT, seed: 42, now });
  const rssAfterPortfolioMiB = mib(process.memoryUsage().rss);

  const app = await startApp({ database, databaseUrl: bench.url, concurrency: CONCURRENCY, logLevel: LOG_LEVEL });
  let small: SizeReport;
  let full: SizeReport;
  try {
    process.stdout.write(`${bench.kind}: evaluating ${SMALL_CLIENTS} clients, then ${CLIENTS} (concurrency ${CONCURRENCY})...\n`);
    const smallRun = await evaluateTenant(app, database, smallTenant, RUN_TIMEOUT_SECONDS);
    const fullRun = await evaluateTenant(app, database, fullTenant, RUN_TIMEOUT_SECONDS);
    process.stdout.write(`${bench.kind}: measuring the floor...\n`);
    small = sizeReport(smallRun, await measureFloor(database, smallRun.runId));
    full = sizeReport(fullRun, await measureFloor(database, fullRun.runId));
  } finally {
    // Also closes the database (the app owns it once started).
    await app.close();
  }
  return {
    database: bench.kind,
    description: bench.description,
    machine,
    concurrency: CONCURRENCY,
    portfolio: {
      assetsPerClient: ASSETS_PER_CLIENT,
      controls: BUILTIN_CONTROLS.length,
      tenants: [
        { label: 'small', ...smallPortfolio, seconds: round(smallPortfolio.seconds, 1) },
        { label: 'full', ...fullPortfolio, seconds: round(fullPortfolio.seconds, 1) },
      ],
      note: DNS_NOTE,
    },
    small,
    full,
    memory: {
      rssAfterPortfolioMiB,
      processMaxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      note:
        bench.kind === 'pglite'
          ? 'PGlite runs inside this process: its RSS includes the database itself, which grows with every row the run writes'
          : 'PostgreSQL runs in its own processes: RSS is the application alone',
    },
  };
}

/** A tenant whose schedule is paused, so the scheduler starts nothing of its own mid-benchmark. */
async function createTenant(database: Database, name: string): Promise<string> {
  const row = await database.system.insertInto('tenants').values({ name, evaluationSchedule: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function sizeReport(run: RunMeasurement, floor: FloorResult): SizeReport {
  return { clients: run.clients, run, floor: { ...floor, seconds: round(floor.seconds, 2) }, ratio: round(run.wallSeconds / floor.seconds, 2) };
}

function printReport(report: DatabaseReport): void {
  const { small, full } = report;
  const rows: [string, (size: SizeReport) => string][] = [
    ['run status', (size) => `${size.run.status}${size.run.failedClients > 0 ? ` (${size.run.failedClients} clients failed)` : ''}`],
    ['evaluation wall time', (size) => `${size.run.wallSeconds.toFixed(1)} s`],
    ['clients per second', (size) => size.run.clientsPerSecond.toFixed(1)],
    ['control results written', (size) => String(size.run.controlResults)],
    ['  per client', (size) => (size.run.controlResults / size.clients).toFixed(1)],
    ['framework scores written', (size) => String(size.run.frameworkScores)],
    ['  queued (request → planner)', (size) => `${size.run.phases.queuedSeconds.toFixed(2)} s`],
    ['  planner start → 1st client', (size) => `${size.run.phases.untilFirstClientSeconds.toFixed(2)} s`],
    ['  first → last client', (size) => `${size.run.phases.clientsSeconds.toFixed(2)} s`],
    ['  last client → run closed', (size) => `${size.run.phases.closingSeconds.toFixed(2)} s`],
    ['app CPU (cores busy)', (size) => `${size.run.cpu.appSeconds.toFixed(1)} s (${size.run.cpu.appCores.toFixed(2)})`],
    ['machine CPU busy', (size) => `${Math.round(size.run.cpu.machineBusy * 100)}% of ${cpus().length} cores`],
    ['floor: 1 INSERT per client', (size) => `${size.floor.seconds.toFixed(2)} s (${size.floor.rows} rows)`],
    ['ratio to floor', (size) => `${size.ratio.toFixed(2)}x`],
    ['RSS before run', (size) => `${size.run.memory.rssBeforeMiB} MiB`],
    ['peak RSS', (size) => `${size.run.memory.peakRssMiB} MiB`],
    ['peak RSS growth', (size) => `+${size.run.memory.rssGrowthMiB} MiB`],
    ['heap used before → peak', (size) => `${size.run.memory.heapUsedBeforeMiB} → ${size.run.memory.peakHeapUsedMiB} MiB`],
    ['peak ArrayBuffers', (size) => `${size.run.memory.peakArrayBuffersMiB} MiB`],
  ];
  const header: [string, string, string] = ['', `${small.clients} clients (N/4)`, `${full.clients} clients (N)`];
  const table = [header, ...rows.map(([label, cell]): [string, string, string] => [label, cell(small), cell(full)])];
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map(([label, left, right]) => `  ${label.padEnd(widths[0]!)}  ${left.padStart(widths[1]!)}  ${right.padStart(widths[2]!)}`);
  const statuses = Object.entries(full.run.resultsByStatus).map(([status, count]) => `${status} ${count}`).join(', ');
  const portfolio = report.portfolio.tenants.map((tenant) => `${tenant.clients} clients, ${tenant.assets} assets, ${tenant.facts} facts, ${tenant.attestations} attestations in ${tenant.seconds} s`).join('; ');
  process.stdout.write(
    [
      '',
      `== ${report.database}: ${report.description}`,
      `   ${report.machine}; ${report.concurrency} evaluation workers`,
      `   portfolio: ${portfolio}`,
      `   ${report.portfolio.controls} built-in controls; ${report.portfolio.note}`,
      ...lines,
      `  results of the N run by status: ${statuses}`,
      `  RSS after generating the portfolio ${report.memory.rssAfterPortfolioMiB} MiB, process max RSS ${report.memory.processMaxRssMiB} MiB`,
      `  note: ${report.memory.note}`,
      '',
    ].join('\n'),
  );
}

function summaryLine(report: DatabaseReport): string {
  const { run, floor, ratio } = report.full;
  const growth = `+${run.memory.rssGrowthMiB} MB; N/4: +${report.small.run.memory.rssGrowthMiB} MB`;
  return `${report.database}: ${run.clients} clients, ${run.controlResults} results in ${run.wallSeconds.toFixed(1)} s (${run.clientsPerSecond.toFixed(1)} clients/s), floor ${floor.seconds.toFixed(1)} s, ratio ${ratio.toFixed(1)}x, peak RSS ${run.memory.peakRssMiB} MB (${growth})`;
}

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}
