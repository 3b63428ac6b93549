import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

import { AppModule } from '../src/app.module.js';
import type { Caller } from '../src/auth/caller.js';
import { systemOrigin } from '../src/auth/caller.js';
import { SCOPES } from '../src/auth/scopes.js';
import { startBackgroundWork } from '../src/bootstrap.js';
import { loadConfig, RAMPART_CONFIG } from '../src/config/config.js';
import { Database } from '../src/database/database.js';
import type { ResultStatus } from '../src/controls/evaluators/evaluator.js';
import { EvaluationsService } from '../src/evaluations/evaluations.service.js';
import { LOG_DESTINATION } from '../src/logging/logging.module.js';
import { type MemoryPeaks, MemorySampler } from './evaluation-memory.js';

const POLL_MS = 100;

export interface AppOptions {
  database: Database;
  /** The scratch database's URL on PostgreSQL, so the configuration says what the app runs on. */
  databaseUrl: string | undefined;
  concurrency: number;
  logLevel: string;
  /** More settings, e.g. where reports are kept. */
  env?: Record<string, string>;
}

/**
 * The application as `npm start` runs it with RAMPART_ROLE=all (API module, job queue, evaluation
 * workers, scheduler), over the benchmark's database, built like the e2e tests build theirs: no
 * migrations on start, DNS aimed at a closed local port, quick job polling.
 */
export async function startApp(options: AppOptions): Promise<INestApplication> {
  const config = loadConfig({
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    LOG_LEVEL: options.logLevel,
    RAMPART_MIGRATE_ON_START: 'false',
    RAMPART_DNS_SERVERS: '127.0.0.1:9',
    RAMPART_DNS_TIMEOUT_MS: '300',
    RAMPART_JOB_POLL_SECONDS: '0.5',
    RAMPART_WORKER_CONCURRENCY: String(options.concurrency),
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(RAMPART_CONFIG)
    .useValue(config)
    .overrideProvider(Database)
    .useValue(options.database)
    .overrideProvider(LOG_DESTINATION)
    .useValue(process.stderr)
    .compile();
  const app = moduleRef.createNestApplication({ bodyParser: false });
  await app.init();
  await startBackgroundWork(app, 'all');
  return app;
}

export interface RunMeasurement {
  runId: string;
  status: string;
  error: string | null;
  clients: number;
  failedClients: number;
  /** From calling EvaluationsService.request until the poll saw the run finished. */
  wallSeconds: number;
  clientsPerSecond: number;
  controlResults: number;
  frameworkScores: number;
  resultsByStatus: Partial<Record<ResultStatus, number>>;
  portfolioScore: number | null;
  /** Where the wall time went, from the run's own timestamps (the app's clock). */
  phases: {
    /** Request until the planner job started the run. */
    queuedSeconds: number;
    /**
     * Planner start until the first client's evaluation time: adding the run's clients, fanning
     * out their jobs, a worker taking the first batch and gathering that client's evidence
     * (evaluated_at is taken after the gathering).
     */
    untilFirstClientSeconds: number;
    /** First to last client's evaluation time. */
    clientsSeconds: number;
    /** Last client's evaluation time until the run was closed. */
    closingSeconds: number;
  };
  memory: MemoryPeaks;
  cpu: CpuShare;
}

/** Where the CPU went during the run: this process (the app; on PGlite, the database too) and the whole machine. */
export interface CpuShare {
  /** User + system CPU seconds of this process. */
  appSeconds: number;
  /** App CPU seconds per wall second: 1.0 is one core busy all the time. */
  appCores: number;
  /** Share of all the machine's cores that were busy (any process), 0..1. */
  machineBusy: number;
}

/**
 * Requests a run for every active client of the tenant through the service the API and CLI use,
 * waits for the workers to finish it, and reads back what it wrote.
 */
export async function evaluateTenant(app: INestApplication, database: Database, tenantId: string, timeoutSeconds: number): Promise<RunMeasurement> {
  const caller: Caller = { ...systemOrigin('bench'), tenantId, scopes: new Set(SCOPES) };
  const memory = new MemorySampler();
  const cpuBefore = process.cpuUsage();
  const machineBefore = machineTimes();
  const started = performance.now();
  const requested = await app.get(EvaluationsService).request(caller, {}, 'cli');
  for (;;) {
    const run = await database.system.selectFrom('evaluationRuns').select(['status', 'phase']).where('id', '=', requested.id).executeTakeFirstOrThrow();
    if (run.status === 'succeeded' || run.status === 'failed') break;
    if ((performance.now() - started) / 1000 > timeoutSeconds) throw new Error(`Run ${requested.id} did not finish within ${timeoutSeconds} s (status ${run.status}, phase ${run.phase})`);
    await sleep(POLL_MS);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const peaks = memory.stop();
  const cpuUsed = process.cpuUsage(cpuBefore);
  const machineAfter = machineTimes();
  const appSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const cpu: CpuShare = {
    appSeconds: round(appSeconds, 1),
    appCores: round(appSeconds / wallSeconds, 2),
    machineBusy: round((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total), 2),
  };

  const db = database.system;
  const run = await db.selectFrom('evaluationRuns').selectAll().where('id', '=', requested.id).executeTakeFirstOrThrow();
  const span = await db
    .selectFrom('runClients')
    .select((eb) => [eb.fn.min('evaluatedAt').as('first'), eb.fn.max('evaluatedAt').as('last')])
    .where('runId', '=', run.id)
    .executeTakeFirstOrThrow();
  const byStatus = await db.selectFrom('controlResults').select((eb) => ['status', eb.fn.countAll<string>().as('count')]).where('runId', '=', run.id).groupBy('status').execute();
  const { count: frameworkScores } = await db.selectFrom('frameworkScores').select((eb) => eb.fn.countAll<string>().as('count')).where('runId', '=', run.id).executeTakeFirstOrThrow();

  const startedAt = at(run.startedAt);
  const firstClient = at(span.first);
  const lastClient = at(span.last);
  const controlResults = byStatus.reduce((sum, row) => sum + Number(row.count), 0);
  return {
    runId: run.id,
    status: run.status,
    error: run.error,
    clients: run.total,
    failedClients: run.failed,
    wallSeconds: round(wallSeconds, 2),
    clientsPerSecond: round(run.done / wallSeconds, 1),
    controlResults,
    frameworkScores: Number(frameworkScores),
    resultsByStatus: Object.fromEntries(byStatus.map((row) => [row.status, Number(row.count)])),
    portfolioScore: run.portfolioScore === null ? null : round(run.portfolioScore, 1),
    phases: {
      queuedSeconds: seconds(run.createdAt.getTime(), startedAt),
      untilFirstClientSeconds: seconds(startedAt, firstClient),
      clientsSeconds: seconds(firstClient, lastClient),
      closingSeconds: seconds(lastClient, at(run.finishedAt)),
    },
    memory: peaks,
    cpu,
  };
}

/** Milliseconds all cores spent busy and in total since boot. */
function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    busy += times.user + times.nice + times.sys + times.irq;
    total += times.user + times.nice + times.sys + times.irq + times.idle;
  }
  return { busy, total };
}

function at(value: Date | string | null | undefined): number {
  return value ? new Date(value).getTime() : Number.NaN;
}

function seconds(from: number, to: number): number {
  return round((to - from) / 1000, 2);
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
