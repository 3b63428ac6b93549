import { Injectable } from '@nestjs/common';

import type { TenantScope } from '../../database/database.js';
import { scorePortfolio } from '../../scoring/scoring.js';
import { WebhookEvents } from '../../webhooks/webhook-events.js';
import { type ClientOutcome, EvaluationRunsRepository } from '../evaluation-runs.repository.js';

/**
 * Counts clients' outcomes towards their run and closes the run with the last one. Runs inside the
 * client's transaction: the run row's lock orders concurrent workers, so exactly one sees the end.
 * Returns false when the run was already over (the caller rolls back what it wrote).
 */
@Injectable()
export class RunProgressRecorder {
  constructor(
    private readonly runs: EvaluationRunsRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  async record(scope: TenantScope, runId: string, outcomes: readonly (ClientOutcome & { clientId: string })[]): Promise<boolean> {
    const progress = await this.runs.completeClients(scope, runId, outcomes);
    if (!progress) return false;
    if (progress.done >= progress.total) await this.close(scope, runId, progress.total, progress.failed, new Date());
    return true;
  }

  /** A run with every client accounted for: failed only when no client could be evaluated at all. */
  async close(scope: TenantScope, runId: string, total: number, failed: number, at: Date): Promise<void> {
    const portfolio = scorePortfolio(await this.runs.clientScores(scope, runId));
    const everyClientFailed = total > 0 && failed === total;
    const error = failed === 0 ? undefined : `${failed} of ${total} clients could not be evaluated; GET the run's clients with status=failed for each error`;
    await this.finish(scope, runId, { status: everyClientFailed ? 'failed' : 'succeeded', error, portfolio }, at);
  }

  /** A run that could not start after every retry. */
  async failToStart(scope: TenantScope, runId: string, reason: string, at: Date): Promise<void> {
    await this.finish(scope, runId, { status: 'failed', error: `The run could not start: ${reason}` }, at);
  }

  private async finish(scope: TenantScope, runId: string, outcome: Parameters<EvaluationRunsRepository['finish']>[2], at: Date): Promise<void> {
    await this.runs.finish(scope, runId, outcome, at);
    // Only the call that finished the run announces it, in the same transaction (the webhook outbox).
    const finished = await this.runs.findById(scope, runId);
    if (finished?.finishedAt?.getTime() === at.getTime()) await this.webhooks.evaluationCompleted(scope, finished);
  }
}
