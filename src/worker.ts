import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { BackgroundModule } from './app.module.js';
import { migrateIfConfigured, startBackgroundWork } from './bootstrap.js';
import { describeFatalError } from './common/errors/fatal-error.js';
import { RAMPART_CONFIG, type RampartConfig } from './config/config.js';

/** `npm run worker`: takes evaluation jobs and runs the scheduler, with no HTTP server. Scale it out freely. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(BackgroundModule, { abortOnError: false });
  app.enableShutdownHooks();
  const config = app.get<RampartConfig>(RAMPART_CONFIG);
  await migrateIfConfigured(app);
  await startBackgroundWork(app, 'worker');
  process.stdout.write(`Rampart worker ${process.pid} is taking jobs (${config.jobs.concurrency} at a time) from ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}\n`);
}

main().catch((error: unknown) => {
  console.error(describeFatalError(error));
  process.exit(1);
});
