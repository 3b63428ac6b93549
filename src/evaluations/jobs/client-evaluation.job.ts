import { Injectable, Logger } from '@nestjs/common';
import type { JobResult, JobWithMetadata } from 'pg-boss';

import { ClientEvaluationService } from '../../controls/engine/client-evaluation.service.js';
import { Database } from '../../database/database.js';
import { scoreFramework } from '../../scoring/scoring.js';
import { type EvaluationContext, EvaluationContextRepository } from '../evaluation-context.repository.js';
import { EvaluationResultsRepository } from '../evaluation-results.repository.js';
import { type ClientJobData, errorMessageOf } from './job-data.js';
import { RunProgressRecorder } from './run-progress.js';

/** Runs that started recently enough to keep their controls and mappings in memory. */
const CONTEXTS_KEPT = 16;

class RunAlreadyOver extends Error {}

/**
 * Evaluates one client for one run: reads its evidence in one transaction, resolves DNS and runs
 * the evaluators outside any transaction, then replaces the client's stored results and counts it
 * towards the run in a second. A retry repeats all of it and replaces the same rows.
 */
@Injectable()
export class ClientEvaluationJob {
  private readonly logger = new Logger('Evaluation');
  /** Every client of a run is evaluated against the controls as they were when this process first saw the run. */
  private readonly contexts = new Map<string, Promise<EvaluationContext>>();
  /** Clients this process evaluated and stored, for the worker's shutdown summary. */
  evaluatedClients = 0;

  constructor(
    private readonly database: Database,
    private readonly evaluation: ClientEvaluationService,
    private readonly context: EvaluationContextRepository,
    private readonly results: EvaluationResultsRepository,
    private readonly progress: RunProgressRecorder,
  ) {}

  async handle(jobs: JobWithMetadata<ClientJobData>[]): Promise<JobResult[]> {
    const outcomes: JobResult[] = [];
    for (const job of jobs) {
      try {
        await this.evaluate(job.data);
        outcomes.push({ id: job.id, status: 'completed' });
      } catch (error) {
        if (error instanceof RunAlreadyOver) {
          outcomes.push({ id: job.id, status: 'completed', output: { skipped: error.message } });
          continue;
        }
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(`Client ${job.data.clientId} of run ${job.data.runId} failed (attempt ${job.retryCount + 1}): ${message}`);
        outcomes.push({ id: job.id, status: 'failed', output: { message } });
      }
    }
    return outcomes;
  }

  /** A client whose every attempt failed: counted as failed so the run still finishes. */
  async handleDeadLetters(jobs: JobWithMetadata<ClientJobData>[]): Promise<JobResult[]> {
    for (const job of jobs) {
      const { tenantId, runId, clientId } = job.data;
      await this.database.inTenant(tenantId, (scope) => this.progress.record(scope, runId, clientId, { status: 'failed', error: errorMessageOf(job.sourceOutput), evaluatedAt: new Date() }));
    }
    return jobs.map((job) => ({ id: job.id, status: 'completed' }));
  }

  private async evaluate({ tenantId, runId, clientId }: ClientJobData): Promise<void> {
    const context = await this.contextFor(tenantId, runId);
    const gathered = await this.database.inTenant(tenantId, (scope) => this.evaluation.gather(scope, clientId, context.controls));
    const now = new Date();
    if (!gathered) {
      await this.database.inTenant(tenantId, (scope) => this.progress.record(scope, runId, clientId, { status: 'failed', error: 'The client was deleted during the run', evaluatedAt: now }));
      return;
    }
    const evaluation = await this.evaluation.complete(gathered, now);
    const frameworks = context.frameworks.map(({ frameworkId, requirements }) => ({ frameworkId, score: scoreFramework(evaluation.results, requirements, evaluation.policy) }));
    await this.database.inTenant(tenantId, async (scope) => {
      await this.results.replace(scope, runId, clientId, evaluation.results, evaluation.score.controls, frameworks);
      const { score } = evaluation;
      const counted = await this.progress.record(scope, runId, clientId, {
        status: 'succeeded',
        score: score.score,
        grade: score.grade,
        earnedPoints: score.earnedPoints,
        possiblePoints: score.possiblePoints,
        counts: score.counts,
        evaluatedAt: now,
      });
      if (!counted) throw new RunAlreadyOver(`Run ${runId} is already over; its results stay as they were`);
    });
    this.evaluatedClients += 1;
  }

  private contextFor(tenantId: string, runId: string): Promise<EvaluationContext> {
    let context = this.contexts.get(runId);
    if (!context) {
      context = this.database.inTenant(tenantId, (scope) => this.context.load(scope));
      context.catch(() => this.contexts.delete(runId));
      this.contexts.set(runId, context);
      if (this.contexts.size > CONTEXTS_KEPT) this.contexts.delete(this.contexts.keys().next().value!);
    }
    return context;
  }
}
