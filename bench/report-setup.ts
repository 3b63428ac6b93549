import type { INestApplication } from '@nestjs/common';

import { type Caller, systemOrigin } from '../src/auth/caller.js';
import { SCOPES } from '../src/auth/scopes.js';
import { Database } from '../src/database/database.js';
import { BrandingService } from '../src/reports/branding/branding.service.js';
import { ClientScorecardService } from '../src/scorecards/client/client-scorecard.service.js';
import { pngImage } from '../test/support/images.js';
import type { BenchDatabase } from './evaluation-database.js';
import { insertPortfolio } from './evaluation-portfolio.js';
import { evaluateTenant, round, startApp } from './evaluation-run.js';
import { backdateRun, buildDataset, changeEvidence, qbrReviewedAt, type RunSummary } from './scorecard-setup.js';

/**
 * The report benchmark's data and application. On PostgreSQL the scorecard benchmark's
 * `buildDataset` writes the tenant, its portfolio and its evaluation history (closing its own app);
 * the report app then opens a pool of its own on the same scratch database. `buildDataset` needs a
 * server (it vacuums over a connection string and its app closes the database), so on PGlite the
 * same steps run here, in the one app that stays up for the measurements: generate the portfolio,
 * evaluate, change evidence, evaluate again, move the earlier runs back in time.
 *
 * Then, through the product's services as the API would call them: the tenant's branding (name,
 * colours, footer) with a PNG logo, and QBR marks for every second client, placed between the first
 * run and the next, so half the reports have a "since the last review" comparison and half do not.
 */
export interface ReportSetupOptions {
  clients: number;
  assetsPerClient: number;
  runs: number;
  firstRunDaysAgo: number;
  /** Evaluation workers while building the history. */
  evaluationConcurrency: number;
  poolSize: number;
  logLevel: string;
  reportsDirectory: string;
  log: (line: string) => void;
}

export interface ReportSetup {
  app: INestApplication;
  caller: Caller;
  tenantId: string;
  clientIds: string[];
  runs: RunSummary[];
  qbrMarks: number;
  logo: { width: number; height: number; bytes: number };
  seconds: { history: number; branding: number; total: number };
}

/** QBR marks for every n-th client. */
const QBR_EVERY = 2;
const LOGO = { width: 600, height: 200 };

export async function setUpReports(bench: BenchDatabase, options: ReportSetupOptions): Promise<ReportSetup> {
  const started = performance.now();
  let app: INestApplication;
  let tenantId: string;
  let runs: RunSummary[];
  if (bench.kind === 'postgres') {
    const dataset = await buildDataset(bench, {
      clients: options.clients,
      assetsPerClient: options.assetsPerClient,
      runs: options.runs,
      firstRunDaysAgo: options.firstRunDaysAgo,
      concurrency: options.evaluationConcurrency,
      logLevel: 'silent',
      log: options.log,
    });
    tenantId = dataset.tenantId;
    runs = dataset.runs;
    // buildDataset's app closed the benchmark's pool with itself; this app gets one of its own.
    const database = await Database.open({ url: bench.url!, poolSize: options.poolSize });
    app = await startApp({ database, databaseUrl: bench.url, concurrency: options.evaluationConcurrency, logLevel: options.logLevel, env: { RAMPART_REPORTS_DIR: options.reportsDirectory } });
  } else {
    app = await startApp({ database: bench.database, databaseUrl: undefined, concurrency: options.evaluationConcurrency, logLevel: options.logLevel, env: { RAMPART_REPORTS_DIR: options.reportsDirectory } });
    try {
      ({ tenantId, runs } = await pgliteHistory(app, bench.database, options));
    } catch (error) {
      await app.close();
      throw error;
    }
  }
  const history = (performance.now() - started) / 1000;

  try {
    const brandingStarted = performance.now();
    const caller: Caller = { ...systemOrigin('report bench'), tenantId, scopes: new Set(SCOPES) };
    const database = app.get(Database);
    const clientIds = (await database.system.selectFrom('clients').select('id').where('tenantId', '=', tenantId).orderBy('id').execute()).map((row) => row.id);
    const branding = app.get(BrandingService);
    await branding.update(caller, { name: 'Northwind Managed IT', primaryColor: '#1f4e79', accentColor: '#b35c00', footerText: 'Northwind Managed IT · +44 20 7946 0000 · vcio@northwind-it.example' });
    const logo = pngImage(LOGO.width, LOGO.height);
    await branding.uploadLogo(caller, logo, 'image/png');

    const scorecards = app.get(ClientScorecardService);
    const reviewedAt = qbrReviewedAt(options.firstRunDaysAgo).toISOString();
    let qbrMarks = 0;
    for (const [index, clientId] of clientIds.entries()) {
      if (index % QBR_EVERY !== 0) continue;
      await scorecards.markQbr(caller, clientId, { reviewedAt, note: 'Quarterly business review (benchmark)' });
      qbrMarks += 1;
    }
    options.log(`branding with a ${LOGO.width}×${LOGO.height} PNG logo (${logo.length} bytes); QBR marks for ${qbrMarks} of ${clientIds.length} clients, reviewed ${reviewedAt.slice(0, 10)}`);
    const brandingSeconds = (performance.now() - brandingStarted) / 1000;
    return {
      app,
      caller,
      tenantId,
      clientIds,
      runs,
      qbrMarks,
      logo: { ...LOGO, bytes: logo.length },
      seconds: { history: round(history, 1), branding: round(brandingSeconds, 1), total: round((performance.now() - started) / 1000, 1) },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}


/** buildDataset's steps on PGlite, in the running app: portfolio, runs with evidence changed between them, earlier runs moved back. */
async function pgliteHistory(app: INestApplication, database: Database, options: ReportSetupOptions): Promise<{ tenantId: string; runs: RunSummary[] }> {
  const tenant = await database.system.insertInto('tenants').values({ name: `Report bench MSP (${options.clients} clients)`, evaluationSchedule: null }).returning('id').executeTakeFirstOrThrow();
  options.log(`generating ${options.clients} clients × ${options.assetsPerClient} assets...`);
  await insertPortfolio(database, { tenantId: tenant.id, label: 'rp', clients: options.clients, assetsPerClient: options.assetsPerClient, seed: 4242, now: new Date() });
  const runs: RunSummary[] = [];
  for (let index = 0; index < options.runs; index++) {
    if (index > 0) await changeEvidence(database, tenant.id, index);
    options.log(`evaluation run ${index + 1} of ${options.runs}: ${options.clients} clients, ${options.evaluationConcurrency} workers...`);
    const started = performance.now();
    const run = await evaluateTenant(app, database, tenant.id, Math.max(600, options.clients));
    if (run.status !== 'succeeded' || run.failedClients > 0) throw new Error(`Evaluation run ${run.runId} ${run.status} with ${run.failedClients} failed clients${run.error ? `: ${run.error}` : ''}`);
    const backdatedDays = index === 0 ? options.firstRunDaysAgo : options.runs - 1 - index;
    if (backdatedDays > 0) await backdateRun(database, run.runId, backdatedDays);
    runs.push({ runId: run.runId, status: run.status, clients: run.clients, failedClients: run.failedClients, portfolioScore: run.portfolioScore, evaluatedSeconds: round((performance.now() - started) / 1000, 1), backdatedDays });
  }
  return { tenantId: tenant.id, runs };
}

