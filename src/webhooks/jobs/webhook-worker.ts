import { Injectable, Logger } from '@nestjs/common';

import { JobQueue } from '../../jobs/job-queue.js';
import { QUEUES } from '../../jobs/queues.js';
import type { DeliveryJobData } from '../webhook-outbox.js';
import { WebhookDeliveriesRepository } from '../webhook-deliveries.repository.js';
import { WebhookDeliveryJob } from './webhook-delivery.job.js';

/** Deliveries fetched per round trip; they are sent concurrently. */
const DELIVERY_BATCH = 10;
/** Batches one process works at a time. */
const DELIVERY_CONCURRENCY = 2;
/** How long the delivery log keeps a delivery. */
export const DELIVERY_RETENTION_DAYS = 30;
/** Minute past each hour at which old deliveries are removed (UTC). */
const PRUNE_CRON = '23 * * * *';

/** Subscribes this process to the webhook queues. */
@Injectable()
export class WebhookWorker {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly jobs: JobQueue,
    private readonly delivery: WebhookDeliveryJob,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  async start(): Promise<void> {
    await this.jobs.work<DeliveryJobData>(QUEUES.webhookDelivery, { batchSize: DELIVERY_BATCH, localConcurrency: DELIVERY_CONCURRENCY }, (jobs) => this.delivery.handle(jobs));
    await this.jobs.work<DeliveryJobData>(QUEUES.webhookDeliveryFailed, { batchSize: DELIVERY_BATCH }, (jobs) => this.delivery.handleDeadLetters(jobs));
    await this.jobs.work<object>(QUEUES.webhookPrune, { batchSize: 1 }, async (jobs) => {
      const before = new Date(Date.now() - DELIVERY_RETENTION_DAYS * 86_400_000);
      let pruned = 0;
      for (let batch = await this.deliveries.prune(before); batch > 0; batch = await this.deliveries.prune(before)) pruned += batch;
      if (pruned > 0) this.logger.log(`Webhook retention: removed ${pruned} delivery(ies) older than ${DELIVERY_RETENTION_DAYS} days`);
      return jobs.map((job) => ({ id: job.id, status: 'completed' as const }));
    });
    await this.jobs.schedule(QUEUES.webhookPrune, PRUNE_CRON);
  }
}
