import { Injectable, Logger } from '@nestjs/common';
import type { JobResult, JobWithMetadata } from 'pg-boss';

import { Database, type TenantScope } from '../../database/database.js';
import type { EvaluationRunRow, RunSync } from '../../database/schema.js';
import { IntegrationsRepository } from '../../integrations/integrations.repository.js';
import { SyncAlreadyRunningError, SyncRunsRepository } from '../../integrations/sync/sync-runs.repository.js';
import { SyncService } from '../../integrations/sync/sync.service.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { QUEUES } from '../../jobs/queues.js';
import { EvaluationRunsRepository } from '../evaluation-runs.repository.js';
import { type ClientJobData, errorMessageOf, type RunJobData } from './job-data.js';
import { RunProgressRecorder } from './run-progress.js';

/** Client jobs enqueued per statement while fanning out. */
const FAN_OUT_PAGE = 500;

class JobReleased extends Error {}

/**
 * A run's first job: syncs the tenant's integrations when the run asks for it, then adds the
 * run's clients and one job per client in a single transaction, so a retry after a crash either
 * finds the fan-out complete or finds none of it.
 */
@Injectable()
export class RunPlannerJob {
  private readonly logger = new Logger('Evaluation');

  constructor(
    private readonly database: Database,
    private readonly runs: EvaluationRunsRepository,
    private readonly progress: RunProgressRecorder,
    private readonly integrations: IntegrationsRepository,
    private readonly syncRuns: SyncRunsRepository,
    private readonly sync: SyncService,
    private readonly jobs: JobQueue,
  ) {}

  async handle(jobs: JobWithMetadata<RunJobData>[]): Promise<JobResult[]> {
    const outcomes: JobResult[] = [];
    for (const job of jobs) {
      try {
        await this.plan(job.data, job.signal);
        outcomes.push({ id: job.id, status: 'completed' });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!(error instanceof JobReleased)) this.logger.warn(`Run ${job.data.runId} failed to start (attempt ${job.retryCount + 1}): ${message}`);
        outcomes.push({ id: job.id, status: 'failed', output: { message } });
      }
    }
    return outcomes;
  }

  /** A run that could not even start after every retry. */
  async handleDeadLetters(jobs: JobWithMetadata<RunJobData>[]): Promise<JobResult[]> {
    for (const job of jobs) {
      const { tenantId, runId } = job.data;
      await this.database.inTenant(tenantId, (scope) => this.progress.failToStart(scope, runId, errorMessageOf(job.sourceOutput), new Date()));
    }
    return jobs.map((job) => ({ id: job.id, status: 'completed' }));
  }

  private async plan({ tenantId, runId }: RunJobData, signal: AbortSignal): Promise<void> {
    const run = await this.database.inTenant(tenantId, (scope) => this.runs.findById(scope, runId));
    if (!run || run.status === 'succeeded' || run.status === 'failed' || run.phase === 'evaluating') return;
    if (run.sync && run.phase !== 'planning') await this.syncIntegrations(run, signal);
    await this.database.inTenant(tenantId, async (scope) => {
      await this.runs.start(scope, runId, 'planning', new Date());
      const total = await this.runs.addClients(scope, run);
      await this.fanOut(scope, runId);
      await this.runs.startEvaluating(scope, runId, total);
      if (total === 0) await this.progress.close(scope, runId, 0, 0, new Date());
    });
    this.jobs.wake(QUEUES.evaluationClient);
  }

  private async fanOut(scope: TenantScope, runId: string): Promise<void> {
    let after: string | undefined;
    for (;;) {
      const clientIds = await this.runs.clientIdsAfter(scope, runId, after, FAN_OUT_PAGE);
      if (clientIds.length === 0) return;
      await this.jobs.enqueue<ClientJobData>(scope, QUEUES.evaluationClient, clientIds.map((clientId) => ({ data: { tenantId: scope.tenantId, runId, clientId } })));
      after = clientIds[clientIds.length - 1];
    }
  }

  /** Each integration in turn; a failed sync is recorded and evaluation goes on with the evidence there is. */
  private async syncIntegrations(run: EvaluationRunRow, signal: AbortSignal): Promise<void> {
    const { tenantId } = run;
    const integrations = await this.database.inTenant(tenantId, async (scope) => {
      await this.runs.start(scope, run.id, 'syncing', new Date());
      return this.integrations.names(scope);
    });
    const syncs: RunSync[] = [];
    for (const integration of integrations) {
      const queued = await this.database.inTenant(tenantId, async (scope) => {
        try {
          return await this.syncRuns.create(scope, { integrationId: integration.id, mode: 'incremental', requestedBy: `evaluation run ${run.id}` });
        } catch (error) {
          if (error instanceof SyncAlreadyRunningError) return undefined;
          throw error;
        }
      });
      if (!queued) {
        syncs.push({ integrationId: integration.id, integrationName: integration.name, syncRunId: null, status: 'skipped', error: 'Another sync of this integration was already running' });
        continue;
      }
      const finished = await this.sync.execute(tenantId, queued.id, { signal });
      if (signal.aborted) throw new JobReleased('The worker shut down during the sync; another worker takes the run over');
      syncs.push({ integrationId: integration.id, integrationName: integration.name, syncRunId: finished.id, status: finished.status === 'succeeded' ? 'succeeded' : 'failed', error: finished.error });
    }
    await this.database.inTenant(tenantId, (scope) => this.runs.recordSyncs(scope, run.id, syncs));
  }
}
