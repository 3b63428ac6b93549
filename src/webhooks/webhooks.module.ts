import { Global, Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module.js';
import { WebhookDeliveryJob } from './jobs/webhook-delivery.job.js';
import { WebhookWorker } from './jobs/webhook-worker.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookEvents } from './webhook-events.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhookSecretVault } from './webhook-secrets.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Global so the modules whose changes raise events (evaluations) can inject `WebhookEvents`
 * without importing this module, which would tie their import graphs together.
 */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhookDeliveriesRepository, WebhookSecretVault, WebhookOutbox, WebhookEvents, WebhooksService, WebhookDeliveryJob, WebhookWorker],
  exports: [WebhookEvents, WebhookWorker],
})
export class WebhooksModule {}
