import { Inject, Injectable } from '@nestjs/common';

import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { QUEUES } from '../../jobs/queues.js';
import { ReportScheduler } from '../schedules/report-scheduler.js';
import type { ReportJobData } from './report-job-data.js';
import { ReportRenderJob } from './report-render.job.js';

/** Subscribes this process to the report queues and starts the monthly schedules. */
@Injectable()
export class ReportWorker {
  constructor(
    private readonly jobs: JobQueue,
    private readonly render: ReportRenderJob,
    private readonly scheduler: ReportScheduler,
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
  ) {}

  async start(): Promise<void> {
    // One report per fetch: rendering is CPU-bound, so concurrency, not batching, spreads the load.
    await this.jobs.work<ReportJobData>(QUEUES.reportRender, { batchSize: 1, localConcurrency: this.config.reports.concurrency }, (jobs) => this.render.handle(jobs));
    await this.jobs.work<ReportJobData>(QUEUES.reportRenderFailed, { batchSize: 10 }, (jobs) => this.render.handleDeadLetters(jobs));
    this.scheduler.start();
  }
}
