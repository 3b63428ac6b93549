import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobResult, JobWithMetadata } from 'pg-boss';

import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import { Database } from '../../database/database.js';
import type { WebhookAttempt, WebhookDeliveryRow } from '../../database/schema.js';
import { errorMessageOf } from '../../evaluations/jobs/job-data.js';
import type { DeliveryJobData } from '../webhook-outbox.js';
import { WebhookDeliveriesRepository } from '../webhook-deliveries.repository.js';
import { SIGNATURE_HEADER, sign } from '../webhook-signature.js';
import { WebhookSecretVault } from '../webhook-secrets.js';
import { sendWebhook, type SendOutcome, USER_AGENT } from '../webhook-sender.js';
import { type WebhookForDelivery, WebhooksRepository } from '../webhooks.repository.js';

/** What one attempt needs, read in one short transaction before the request. */
interface Prepared {
  delivery: WebhookDeliveryRow;
  webhook: WebhookForDelivery;
  secrets: string[];
}

type Outcome = { status: 'completed'; note?: string } | { status: 'failed'; message: string };

/**
 * Sends deliveries. Each attempt reads the delivery and its webhook, POSTs outside any transaction,
 * then records the attempt. 2xx settles it; 410 Gone disables the webhook; anything else fails
 * the job so pg-boss retries it with backoff, and the dead-letter handler marks it failed.
 */
@Injectable()
export class WebhookDeliveryJob {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly database: Database,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly vault: WebhookSecretVault,
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
  ) {}

  /** A batch is sent concurrently; each job settles on its own. */
  handle(jobs: JobWithMetadata<DeliveryJobData>[]): Promise<JobResult[]> {
    return Promise.all(
      jobs.map(async (job): Promise<JobResult> => {
        try {
          const outcome = await this.attempt(job.data, job.retryCount + 1);
          return outcome.status === 'completed' ? { id: job.id, status: 'completed', ...(outcome.note ? { output: { note: outcome.note } } : {}) } : { id: job.id, status: 'failed', output: { message: outcome.message } };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.logger.warn(`Delivery ${job.data.deliveryId} could not be attempted: ${message}`);
          return { id: job.id, status: 'failed', output: { message } };
        }
      }),
    );
  }

  /** Deliveries whose every attempt failed. */
  async handleDeadLetters(jobs: JobWithMetadata<DeliveryJobData>[]): Promise<JobResult[]> {
    for (const job of jobs) {
      const { tenantId, deliveryId } = job.data;
      await this.database.inTenant(tenantId, async (scope) => {
        const delivery = await this.deliveries.findForSending(scope, deliveryId);
        if (!delivery) return;
        await this.deliveries.fail(scope, deliveryId, `Gave up after ${delivery.attemptCount} attempt(s): ${errorMessageOf(job.sourceOutput)}`);
      });
    }
    return jobs.map((job) => ({ id: job.id, status: 'completed' }));
  }

  private async attempt(data: DeliveryJobData, attemptNumber: number): Promise<Outcome> {
    const prepared = await this.prepare(data);
    if ('skip' in prepared) return { status: 'completed', note: prepared.skip };
    const { delivery, webhook, secrets } = prepared;
    const timestamp = Math.floor(Date.now() / 1000);
    const at = new Date();
    const sent = await sendWebhook(
      {
        url: webhook.url,
        body: delivery.payload,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': USER_AGENT,
          'Rampart-Event': delivery.eventType,
          'Rampart-Delivery': delivery.id,
          [SIGNATURE_HEADER]: sign(secrets, delivery.payload, timestamp),
        },
      },
      this.config.webhooks,
    );
    return this.record(data, delivery, webhook, { at: at.toISOString(), ...sent }, attemptNumber);
  }

  /** Reads what to send; a delivery already settled, deleted with its webhook, or for a disabled webhook is not sent. */
  private prepare({ tenantId, deliveryId }: DeliveryJobData): Promise<Prepared | { skip: string }> {
    return this.database.inTenant(tenantId, async (scope) => {
      const delivery = await this.deliveries.findForSending(scope, deliveryId);
      if (!delivery) return { skip: 'The delivery no longer exists (its webhook was deleted)' };
      if (delivery.status !== 'pending') return { skip: `The delivery already ${delivery.status}` };
      const webhook = await this.webhooks.findForDelivery(scope, delivery.webhookId, new Date());
      if (!webhook) return { skip: 'The webhook was deleted' };
      if (!webhook.enabled) {
        await this.deliveries.fail(scope, deliveryId, 'Not sent: the webhook is disabled');
        return { skip: 'The webhook is disabled' };
      }
      const secrets = [this.vault.open(tenantId, webhook.id, webhook.secret), ...(webhook.previousSecret ? [this.vault.open(tenantId, webhook.id, webhook.previousSecret)] : [])];
      return { delivery, webhook, secrets };
    });
  }

  private async record(data: DeliveryJobData, delivery: WebhookDeliveryRow, webhook: WebhookForDelivery, attempt: WebhookAttempt & SendOutcome, attemptNumber: number): Promise<Outcome> {
    const { tenantId, deliveryId } = data;
    const entry: WebhookAttempt = { at: attempt.at, statusCode: attempt.statusCode, error: attempt.error, durationMs: attempt.durationMs };
    const succeeded = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
    const gone = attempt.statusCode === 410;
    await this.database.inTenant(tenantId, async (scope) => {
      if (succeeded) {
        await this.deliveries.recordAttempt(scope, deliveryId, entry, { status: 'succeeded' });
      } else if (gone) {
        const reason = `The endpoint answered 410 Gone at ${attempt.at}; Rampart disabled the webhook. Enable it again with PATCH once the URL is valid.`;
        await this.deliveries.recordAttempt(scope, deliveryId, entry, { status: 'failed', error: 'The endpoint answered 410 Gone: the webhook was disabled' });
        await this.webhooks.disable(scope, webhook.id, reason, new Date(attempt.at));
      } else {
        await this.deliveries.recordAttempt(scope, deliveryId, entry);
      }
    });
    if (succeeded) return { status: 'completed' };
    if (gone) {
      this.logger.warn(`Webhook ${webhook.id} of tenant ${tenantId} answered 410 Gone; disabled`);
      return { status: 'completed', note: 'The endpoint answered 410 Gone; the webhook was disabled' };
    }
    this.logger.debug(`Delivery ${delivery.id} (${delivery.eventType}) attempt ${attemptNumber} failed: ${attempt.error}`);
    return { status: 'failed', message: attempt.error ?? `HTTP ${attempt.statusCode}` };
  }
}
