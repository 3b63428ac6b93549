import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

import type { TenantScope } from '../database/database.js';
import type { WebhookDeliveryRow } from '../database/schema.js';
import { JobQueue } from '../jobs/job-queue.js';
import { QUEUES } from '../jobs/queues.js';
import { type NewDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';

/** Payload of a `webhook.delivery` job: the delivery row holds everything else. */
export interface DeliveryJobData {
  tenantId: string;
  deliveryId: string;
}

/** How long after an event's transaction the local workers are nudged (the commit is not observable from here). */
const WAKE_DELAY_MS = 100;

/**
 * The transactional outbox: delivery rows and their jobs are written in the caller's tenant
 * transaction, so an event is delivered exactly when the change that caused it commits.
 */
@Injectable()
export class WebhookOutbox implements OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private wakeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: JobQueue,
  ) {}

  async add(scope: TenantScope, deliveries: readonly NewDelivery[]): Promise<WebhookDeliveryRow[]> {
    const rows = await this.deliveries.insert(scope, deliveries);
    await this.jobs.enqueue<DeliveryJobData>(scope, QUEUES.webhookDelivery, rows.map((row) => ({ data: { tenantId: scope.tenantId, deliveryId: row.id } })));
    return rows;
  }

  /** Asks this process's delivery workers to fetch now; call after the transaction that added deliveries committed. */
  wake(): void {
    try {
      this.jobs.wake(QUEUES.webhookDelivery);
    } catch (error) {
      // The queue stopped (shutdown): the jobs wait in the database for the next worker.
      this.logger.debug(`Not waking the delivery workers: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * For callers inside someone else's transaction: wake the workers shortly after, by when it has
   * usually committed. If not, the workers' next poll finds the jobs.
   */
  wakeSoon(): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wake();
    }, WAKE_DELAY_MS);
    this.wakeTimer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.wakeTimer);
  }
}
