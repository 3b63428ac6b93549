import { HttpException, Injectable, Logger } from '@nestjs/common';
import type { JobResult, JobWithMetadata } from 'pg-boss';

import type { Caller } from '../../auth/caller.js';
import { SCOPES } from '../../auth/scopes.js';
import { Database } from '../../database/database.js';
import { errorMessageOf } from '../../evaluations/jobs/job-data.js';
import { ReportBatchCompletion } from '../batches/report-batch-completion.js';
import { ReportBatchesRepository } from '../batches/report-batches.repository.js';
import { ReportGenerator } from '../report-generator.js';
import { ReportsRepository } from '../reports.repository.js';
import type { ReportJobData } from './report-job-data.js';

/**
 * Makes one client's report of a bulk request. The report row and the batch's progress are written
 * in one transaction, so a job retried after a crash finds its report and counts nothing twice. A
 * problem that retrying cannot fix (the client has no evaluation, the template was deleted) fails
 * the client at once; anything else is retried, then counted as failed by the dead-letter handler.
 */
@Injectable()
export class ReportRenderJob {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly database: Database,
    private readonly generator: ReportGenerator,
    private readonly reports: ReportsRepository,
    private readonly batches: ReportBatchesRepository,
    private readonly completion: ReportBatchCompletion,
  ) {}

  async handle(jobs: JobWithMetadata<ReportJobData>[]): Promise<JobResult[]> {
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        await this.render(job.data);
        results.push({ id: job.id, status: 'completed' });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof HttpException && error.getStatus() < 500) {
          await this.settleFailure(job.data, message);
          results.push({ id: job.id, status: 'completed', output: { message } });
        } else {
          this.logger.warn(`Report for client ${job.data.clientId} of batch ${job.data.batchId} failed (attempt ${job.retryCount + 1}): ${message}`);
          results.push({ id: job.id, status: 'failed', output: { message } });
        }
      }
    }
    return results;
  }

  async handleDeadLetters(jobs: JobWithMetadata<ReportJobData>[]): Promise<JobResult[]> {
    for (const job of jobs) await this.settleFailure(job.data, `Gave up after retries: ${errorMessageOf(job.sourceOutput)}`);
    return jobs.map((job) => ({ id: job.id, status: 'completed' }));
  }

  private async render(data: ReportJobData): Promise<void> {
    const done = await this.database.inTenant(data.tenantId, (scope) => this.reports.findInBatch(scope, data.batchId, data.clientId));
    if (done) return;
    const caller: Caller = { tenantId: data.tenantId, actor: data.requestedBy, ip: null, requestId: null, scopes: new Set(SCOPES) };
    await this.generator.generate(caller, { clientId: data.clientId, template: data.template, runId: data.runId ?? undefined, frameworkId: data.frameworkId ?? undefined, batchId: data.batchId }, {
      onSaved: async (scope) => {
        const { finished } = await this.batches.settle(scope, data.batchId, { clientId: data.clientId });
        if (finished) await this.completion.announce(scope, finished);
      },
    });
  }

  private async settleFailure(data: ReportJobData, error: string): Promise<void> {
    await this.database.inTenant(data.tenantId, async (scope) => {
      const { finished } = await this.batches.settle(scope, data.batchId, { clientId: data.clientId, error });
      if (finished) await this.completion.announce(scope, finished);
    });
  }
}
