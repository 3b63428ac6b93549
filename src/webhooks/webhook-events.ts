import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';

import type { TenantScope } from '../database/database.js';
import type { EvaluationRunRow, WebhookEventType } from '../database/schema.js';
import { scoreChange } from '../scoring/scoring.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { type Subscriber, WebhooksRepository } from './webhooks.repository.js';

/** Every webhook body: the event's id (the same on a redelivery), its type, when it happened, and its data. */
export interface WebhookEnvelope<T = unknown> {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: T;
}

/** A client's score in a run next to its score in the run before. */
export interface ScoreChange {
  runId: string;
  clientId: string;
  clientName: string;
  previousRunId: string;
  previousScore: number | null;
  previousGrade: string | null;
  score: number | null;
  grade: string | null;
  evaluatedAt: Date;
}

/** What `report.batch_completed` carries. */
export interface ReportBatchCompletion {
  batch: { id: string; status: string; template: string; scheduleId: string | null; progress: { done: number; failed: number; total: number }; finishedAt: string | null };
  reports: { id: string; clientId: string; clientName: string; sha256: string; downloadUrl: string }[];
  failures: { clientId: string; error: string }[];
}

/** Namespace of Rampart's name-based (version 5) event ids. */
const EVENT_ID_NAMESPACE = Buffer.from('6f1d3c52a9e84b0d8c7e2b5a4f901e37', 'hex');

/**
 * The id of an event that can only happen once (a run finishing, a client's score in a run): a
 * version 5 UUID of its name, so raising it again (a retried job) gives the same id, which the
 * outbox refuses to queue twice for a webhook.
 */
export function eventIdFor(name: string): string {
  const hash = createHash('sha1').update(EVENT_ID_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The body's text: what is stored, signed and sent, byte for byte the same on every attempt. */
export function serializeEnvelope(event: WebhookEnvelope): string {
  return JSON.stringify(event);
}

/**
 * Whether a webhook with this threshold hears of the change: the score moved by at least the
 * threshold, or appeared or disappeared (a number on one side, none on the other).
 */
export function passesThreshold(change: Pick<ScoreChange, 'previousScore' | 'score'>, threshold: number): boolean {
  const { previousScore, score } = change;
  if (previousScore === null && score === null) return false;
  if (previousScore === null || score === null) return true;
  // Compared at the precision scores have, so 81.3 - 76.3 counts as 5 points.
  return Math.round(Math.abs(score - previousScore) * 1000) / 1000 >= threshold;
}

export function evaluationCompletedData(run: EvaluationRunRow) {
  return {
    run: {
      id: run.id,
      trigger: run.trigger,
      status: run.status,
      error: run.error,
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      progress: { done: run.done, total: run.total, failed: run.failed },
      portfolio: run.distribution ? { score: run.portfolioScore, grade: run.portfolioGrade, distribution: run.distribution } : null,
    },
  };
}

export function scoreChangedData(change: ScoreChange) {
  return {
    client: { id: change.clientId, name: change.clientName },
    runId: change.runId,
    previousRunId: change.previousRunId,
    previousScore: change.previousScore,
    previousGrade: change.previousGrade,
    score: change.score,
    grade: change.grade,
    change: scoreChange(change.score, change.previousScore),
    evaluatedAt: change.evaluatedAt.toISOString(),
  };
}

/**
 * Turns what happened into webhook deliveries, inside the transaction of the change itself (the
 * outbox): no event is sent for a change that rolled back, none is lost for one that committed.
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** A run finished (succeeded or failed): one delivery per enabled webhook subscribed to `evaluation.completed`. */
  async evaluationCompleted(scope: TenantScope, run: EvaluationRunRow): Promise<void> {
    const subscribers = await this.webhooks.subscribers(scope, 'evaluation.completed');
    if (subscribers.length === 0) return;
    const payload = envelope('evaluation.completed', evaluationCompletedData(run), { id: eventIdFor(`${scope.tenantId}:evaluation.completed:${run.id}`) });
    await this.emit(scope, subscribers.map((webhook) => ({ webhookId: webhook.id, ...payload })));
  }

  /**
   * Clients' scores of a run against their previous run: for each enabled webhook subscribed to
   * `client.score_changed`, one delivery per client whose score moved by at least its threshold.
   * A change has one event id, whichever webhooks receive it.
   */
  async clientScoresChanged(scope: TenantScope, changes: readonly ScoreChange[]): Promise<void> {
    if (changes.length === 0) return;
    const subscribers = await this.webhooks.subscribers(scope, 'client.score_changed');
    if (subscribers.length === 0) return;
    const deliveries = changes.flatMap((change) => {
      const receivers = subscribers.filter((webhook: Subscriber) => passesThreshold(change, webhook.scoreChangeThreshold));
      if (receivers.length === 0) return [];
      const payload = envelope('client.score_changed', scoreChangedData(change), { id: eventIdFor(`${scope.tenantId}:client.score_changed:${change.runId}:${change.clientId}`) });
      return receivers.map((webhook) => ({ webhookId: webhook.id, ...payload }));
    });
    await this.emit(scope, deliveries);
  }

  /** A bulk report request finished: the reports it made and the clients it could not, with download links. */
  async reportBatchCompleted(scope: TenantScope, batch: ReportBatchCompletion): Promise<void> {
    const subscribers = await this.webhooks.subscribers(scope, 'report.batch_completed');
    if (subscribers.length === 0) return;
    const payload = envelope('report.batch_completed', batch, { id: eventIdFor(`${scope.tenantId}:report.batch_completed:${batch.batch.id}`) });
    await this.emit(scope, subscribers.map((webhook) => ({ webhookId: webhook.id, ...payload })));
  }

  private async emit(scope: TenantScope, deliveries: { webhookId: string; eventId: string; eventType: WebhookEventType; payload: string }[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.outbox.add(scope, deliveries);
    this.outbox.wakeSoon();
  }
}

/** A new event's id (random unless given), type and body. */
export function envelope(type: WebhookEventType, data: unknown, options: { id?: string; at?: Date } = {}): { eventId: string; eventType: WebhookEventType; payload: string } {
  const id = options.id ?? randomUUID();
  const at = options.at ?? new Date();
  return { eventId: id, eventType: type, payload: serializeEnvelope({ id, type, createdAt: at.toISOString(), data }) };
}
