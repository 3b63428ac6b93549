import { Injectable, Logger } from '@nestjs/common';
import type { JobResult, JobWithMetadata } from 'pg-boss';

import { groupBy } from '../../common/collections/group-by.js';
import { ClientEvaluationService } from '../../controls/engine/client-evaluation.service.js';
import { Database } from '../../database/database.js';
import { scoreFramework } from '../../scoring/scoring.js';
import { WebhookEvents } from '../../webhooks/webhook-events.js';
import { type EvaluationContext, EvaluationContextRepository } from '../evaluation-context.repository.js';
import { failingCriticalControls } from '../../controls/engine/failing-critical.js';
import { ClientScorecardsRepository } from '../client-scorecards.repository.js';
import { type ClientResults, EvaluationResultsRepository } from '../evaluation-results.repository.js';
import type { ClientOutcome } from '../evaluation-runs.repository.js';
import { type ClientJobData, errorMessageOf } from './job-data.js';
import { RunProgressRecorder } from './run-progress.js';

/** Runs that started recently enough to keep their controls and mappings in memory. */
const CONTEXTS_KEPT = 16;

class RunAlreadyOver extends Error {}

/** A batch may hold jobs of several runs (and tenants); each run's jobs are handled together. */
function byRun(jobs: JobWithMetadata<ClientJobData>[]): JobWithMetadata<ClientJobData>[][] {
  return [...groupBy(jobs, (job) => [job.data.runId, job]).values()];
}

/**
 * Evaluates clients for a run: reads their evidence in one transaction, resolves DNS and runs the
 * evaluators outside any transaction, then replaces the clients' stored results and counts them
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
    private readonly scorecards: ClientScorecardsRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * A fetched batch is evaluated together (one read transaction, one write transaction per run);
   * if that fails, each of its clients is tried alone, so one bad client fails only its own job.
   */
  async handle(jobs: JobWithMetadata<ClientJobData>[]): Promise<JobResult[]> {
    const outcomes: JobResult[] = [];
    for (const group of byRun(jobs)) {
      try {
        outcomes.push(...(await this.evaluate(group)));
      } catch {
        for (const job of group) {
          try {
            outcomes.push(...(await this.evaluate([job])));
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.logger.warn(`Client ${job.data.clientId} of run ${job.data.runId} failed (attempt ${job.retryCount + 1}): ${message}`);
            outcomes.push({ id: job.id, status: 'failed', output: { message } });
          }
        }
      }
    }
    return outcomes;
  }

  /** Clients whose every attempt failed: counted as failed so the run still finishes. */
  async handleDeadLetters(jobs: JobWithMetadata<ClientJobData>[]): Promise<JobResult[]> {
    for (const group of byRun(jobs)) {
      const { tenantId, runId } = group[0]!.data;
      const failures = group.map((job) => ({ clientId: job.data.clientId, status: 'failed' as const, error: errorMessageOf(job.sourceOutput), evaluatedAt: new Date() }));
      await this.database.inTenant(tenantId, (scope) => this.progress.record(scope, runId, failures));
    }
    return jobs.map((job) => ({ id: job.id, status: 'completed' }));
  }

  /** Jobs of one run: gathered in one transaction, evaluated outside any, stored and counted in a second. */
  private async evaluate(jobs: JobWithMetadata<ClientJobData>[]): Promise<JobResult[]> {
    const { tenantId, runId } = jobs[0]!.data;
    const clientIds = jobs.map((job) => job.data.clientId);
    const context = await this.contextFor(tenantId, runId);
    const gathered = await this.database.inTenant(tenantId, (scope) => this.evaluation.gatherMany(scope, clientIds, context.controls));
    const now = new Date();
    const evaluations = await Promise.all([...gathered.values()].map((client) => this.evaluation.complete(client, now)));
    const stored: ClientResults[] = evaluations.map((evaluation) => ({
      clientId: evaluation.client.id,
      results: evaluation.results,
      controlScores: evaluation.score.controls,
      frameworks: context.frameworks.map(({ frameworkId, requirements }) => ({ frameworkId, score: scoreFramework(evaluation.results, requirements, evaluation.policy) })),
    }));
    const outcomes: (ClientOutcome & { clientId: string })[] = [
      ...evaluations.map(({ client, score, policy, evidenceAt }) => ({
        clientId: client.id,
        status: 'succeeded' as const,
        score: score.score,
        grade: score.grade,
        earnedPoints: score.earnedPoints,
        possiblePoints: score.possiblePoints,
        counts: score.counts,
        evaluatedAt: now,
        noDataScoring: policy.noData,
        evidenceAt,
      })),
      ...clientIds.filter((id) => !gathered.has(id)).map((clientId) => ({ clientId, status: 'failed' as const, error: 'The client was deleted during the run', evaluatedAt: now })),
    ];
    const counted = await this.database.inTenant(tenantId, async (scope) => {
      await this.results.replace(scope, runId, stored);
      const advanced = await this.scorecards.advance(
        scope,
        runId,
        evaluations.map(({ client, score, results, evidenceAt }) => ({ clientId: client.id, evaluatedAt: now, score: score.score, grade: score.grade, failingCritical: failingCriticalControls(results, score.controls), evidenceAt })),
      );
      const names = new Map(evaluations.map(({ client }) => [client.id, client.name]));
      await this.webhooks.clientScoresChanged(scope, advanced.map((change) => ({ ...change, runId, clientName: names.get(change.clientId)!, evaluatedAt: now })));
      const open = await this.progress.record(scope, runId, outcomes);
      // A run that is already over keeps its results as they were: undo what this batch wrote.
      if (!open) throw new RunAlreadyOver();
      return open;
    }).catch((error: unknown) => {
      if (error instanceof RunAlreadyOver) return false;
      throw error;
    });
    if (counted) this.evaluatedClients += evaluations.length;
    return jobs.map((job) => ({ id: job.id, status: 'completed', ...(counted ? {} : { output: { skipped: `Run ${runId} is already over` } }) }));
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
