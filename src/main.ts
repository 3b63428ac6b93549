import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { migrateIfConfigured, startBackgroundWork } from './bootstrap.js';
import { describeFatalError, ExpectedError } from './common/errors/fatal-error.js';
import { configureApp } from './common/http/configure-app.js';
import { RAMPART_CONFIG, type RampartConfig } from './config/config.js';
import { DemoService } from './demo/demo.service.js';
import { EvaluationsService } from './evaluations/evaluations.service.js';
import { systemOrigin } from './auth/caller.js';
import { SCOPES } from './auth/scopes.js';

const QUICK_START_KEY = 'quick start (npm start)';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true, abortOnError: false });
  const config = app.get<RampartConfig>(RAMPART_CONFIG);
  if (config.role === 'worker') throw new ExpectedError('RAMPART_ROLE=worker runs no API: start a worker with `npm run worker`, or set RAMPART_ROLE to all or api');
  configureApp(app, config);
  await migrateIfConfigured(app);
  await startBackgroundWork(app, config.role);
  const demo = config.demo ? await app.get(DemoService).access(QUICK_START_KEY) : undefined;
  // Each start re-syncs the demo PSA, so each start also evaluates the portfolio afresh.
  const demoRun = demo ? await app.get(EvaluationsService).request({ ...systemOrigin(QUICK_START_KEY), tenantId: demo.tenant.id, scopes: new Set(SCOPES) }, {}, 'api') : undefined;
  await app.listen(config.port, config.host);

  const url = config.publicUrl;
  const lines = [
    '',
    `Rampart is running at ${url} (${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}; ${config.role === 'all' ? `API, scheduler and ${config.jobs.concurrency} evaluation workers` : 'API only'}), ready in ${Math.round(performance.now() - startedAt)} ms`,
    `  Dashboard: ${url}/${demo ? ' (choose “Explore the demo portfolio”)' : ''}`,
    `  API docs:  ${url}/api/docs`,
    `  Health:    ${url}/api/v1/health`,
  ];
  if (demo) {
    lines.push(
      `  Demo tenant: ${demo.tenant.name} (${demo.tenant.id})${demo.created ? ', created now' : ''}`,
      `  Demo PSA:    ConnectWise simulator at ${demo.psaUrl}; sync ${demo.sync.status}: ${demo.sync.created} created, ${demo.sync.updated} updated, ${demo.sync.skipped} skipped (prospects and a departed client)`,
      `  Evaluation: run ${demoRun!.id} ${config.role === 'all' ? 'is evaluating every demo client now' : 'is queued for a worker'}; follow it at ${url}/api/v1/evaluations/${demoRun!.id}`,
      `  API key (shown once, replaces the previous quick-start key):`,
      `    ${demo.apiKey}`,
      `  Try: curl -H "Authorization: Bearer ${demo.apiKey}" ${url}/api/v1/portfolio/scorecard`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  console.error(describeFatalError(error));
  process.exit(1);
});
