import { Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { type ProcessRole, RAMPART_CONFIG, type RampartConfig } from './config/config.js';
import { Database } from './database/database.js';
import { migrateToLatest } from './database/migrator.js';
import { EvaluationWorker } from './evaluations/jobs/evaluation-worker.js';
import { EvaluationScheduler } from './evaluations/schedule/evaluation-scheduler.js';
import { SyncService } from './integrations/sync/sync.service.js';
import { JobQueue } from './jobs/job-queue.js';
import { ReportWorker } from './reports/jobs/report-worker.js';
import { WebhookWorker } from './webhooks/jobs/webhook-worker.js';

/** Applies pending migrations unless the deployment runs them as a separate step. */
export async function migrateIfConfigured(app: INestApplicationContext): Promise<string[]> {
  const config = app.get<RampartConfig>(RAMPART_CONFIG);
  if (!config.migrateOnStart) return [];
  const { applied } = await migrateToLatest(app.get(Database).system);
  if (applied.length > 0) new Logger('Migrations').log(`Applied ${applied.join(', ')}`);
  return applied;
}

/**
 * Connects the job queue; for `all` and `worker`, also takes jobs and starts the scheduler. An
 * `api` process only enqueues, so API and worker processes can be scaled apart.
 */
export async function startBackgroundWork(app: INestApplicationContext, role: ProcessRole): Promise<void> {
  await app.get(JobQueue).start({ maintenance: role !== 'api' });
  if (role === 'api') return;
  await app.get(SyncService).recoverAbandonedRuns();
  await app.get(EvaluationWorker).start();
  await app.get(WebhookWorker).start();
  await app.get(ReportWorker).start();
  app.get(EvaluationScheduler).start();
}
