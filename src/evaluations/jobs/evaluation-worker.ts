import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { QUEUES } from '../../jobs/queues.js';
import { EvaluationResultsRepository } from '../evaluation-results.repository.js';
import { ClientEvaluationJob } from './client-evaluation.job.js';
import type { ClientJobData, RunJobData } from './job-data.js';
import { RunPlannerJob } from './run-planner.job.js';

/** Client jobs fetched per round trip: fewer polls, and each still settles on its own. */
const CLIENT_BATCH = 10;
/** Minute past each hour at which evidence retention runs (UTC). */
const PRUNE_CRON = '17 * * * *';

/** Subscribes this process to the evaluation queues. */
@Injectable()
export class EvaluationWorker implements OnApplicationShutdown {
  private started = false;
  private readonly logger = new Logger('Evaluation');

  constructor(
    private readonly jobs: JobQueue,
    private readonly planner: RunPlannerJob,
    private readonly clients: ClientEvaluationJob,
    private readonly results: EvaluationResultsRepository,
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
  ) {}

  async start(): Promise<void> {
    this.started = true;
    await this.jobs.work<RunJobData>(QUEUES.evaluationRun, { batchSize: 1 }, (jobs) => this.planner.handle(jobs));
    await this.jobs.work<RunJobData>(QUEUES.evaluationRunFailed, { batchSize: 1 }, (jobs) => this.planner.handleDeadLetters(jobs));
    await this.jobs.work<ClientJobData>(QUEUES.evaluationClient, { batchSize: CLIENT_BATCH, localConcurrency: this.config.jobs.concurrency }, (jobs) => this.clients.handle(jobs));
    await this.jobs.work<ClientJobData>(QUEUES.evaluationClientFailed, { batchSize: CLIENT_BATCH }, (jobs) => this.clients.handleDeadLetters(jobs));
    await this.jobs.work<object>(QUEUES.evidencePrune, { batchSize: 1 }, async (jobs) => {
      let pruned = 0;
      for (let batch = await this.results.pruneEvidence(new Date()); batch > 0; batch = await this.results.pruneEvidence(new Date())) pruned += batch;
      if (pruned > 0) this.logger.log(`Evidence retention: pruned the detailed evidence of ${pruned} run(s)`);
      return jobs.map((job) => ({ id: job.id, status: 'completed' as const }));
    });
    await this.jobs.schedule(QUEUES.evidencePrune, PRUNE_CRON);
  }

  onApplicationShutdown(): void {
    if (this.started) this.logger.log(`Worker ${process.pid} stopped after evaluating ${this.clients.evaluatedClients} client(s)`);
  }
}
