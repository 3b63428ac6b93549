import { BadRequestException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { decodeCursor, type Page, type PageQueryDto, toPage } from '../common/pagination/page.js';
import { unprocessable } from '../common/errors/unprocessable.js';
import { RAMPART_CONFIG, type RampartConfig } from '../config/config.js';
import { Database, type TenantScope } from '../database/database.js';
import type { WebhookDeliveryRow } from '../database/schema.js';
import {
  DEFAULT_SCORE_CHANGE_THRESHOLD,
  type DeliveryQueryDto,
  type RotateSecretDto,
  type WebhookCreateDto,
  type WebhookDeliveryDto,
  type WebhookResponseDto,
  type WebhookUpdateDto,
  type WebhookWithSecretDto,
} from './dto/webhook.dto.js';
import { envelope } from './webhook-events.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhookSecretVault } from './webhook-secrets.js';
import { generateSecret } from './webhook-signature.js';
import { webhookUrlProblem } from './webhook-url.js';
import { type WebhookFields, type WebhookSummary, WebhooksRepository } from './webhooks.repository.js';

/** Webhooks one tenant may register. */
export const MAX_WEBHOOKS_PER_TENANT = 20;
const LIST_ORDER = '-createdAt';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly database: Database,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly outbox: WebhookOutbox,
    private readonly vault: WebhookSecretVault,
    private readonly audit: AuditRepository,
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
  ) {}

  /** Registers a webhook with a new secret; the response is the only place that secret appears. */
  create(caller: Caller, dto: WebhookCreateDto): Promise<WebhookWithSecretDto> {
    this.assertUrl(dto.url);
    const id = randomUUID();
    const secret = generateSecret();
    const sealed = this.vault.seal(caller.tenantId, id, secret);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      if ((await this.webhooks.countForCreate(scope)) >= MAX_WEBHOOKS_PER_TENANT) {
        throw new UnprocessableEntityException(`A tenant can have at most ${MAX_WEBHOOKS_PER_TENANT} webhooks; delete one first`);
      }
      const fields: WebhookFields = {
        url: dto.url,
        description: dto.description ?? null,
        events: dto.events,
        scoreChangeThreshold: dto.scoreChangeThreshold ?? DEFAULT_SCORE_CHANGE_THRESHOLD,
        enabled: dto.enabled ?? true,
      };
      const row = await this.webhooks.create(scope, id, { ...fields, secret: sealed, createdBy: caller.actor.label });
      await this.audit.record(scope, caller, {
        action: 'webhook.created',
        target: { type: 'webhook', id },
        details: { host: hostOf(row.url), events: row.events, scoreChangeThreshold: row.scoreChangeThreshold, enabled: row.enabled },
      });
      return { ...toWebhookResponse(row), secret };
    });
  }

  list(caller: Caller, query: PageQueryDto): Promise<Page<WebhookResponseDto>> {
    const after = decodeCursor(query.cursor, LIST_ORDER);
    return this.database.inTenant(caller.tenantId, async (scope) => toPage(await this.webhooks.list(scope, { limit: query.limit, after }), query.limit, LIST_ORDER, toWebhookResponse));
  }

  get(caller: Caller, id: string): Promise<WebhookResponseDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toWebhookResponse(await this.webhookOrThrow(scope, id)));
  }

  update(caller: Caller, id: string, dto: WebhookUpdateDto): Promise<WebhookResponseDto> {
    const fields = Object.keys(dto).filter((key) => dto[key as keyof WebhookUpdateDto] !== undefined);
    if (fields.length === 0) throw new BadRequestException('Request body changes nothing: send at least one field to update');
    if (dto.url !== undefined) this.assertUrl(dto.url);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.webhookOrThrow(scope, id);
      const row = await this.webhooks.update(
        scope,
        id,
        {
          ...(dto.url !== undefined ? { url: dto.url } : {}),
          ...(dto.description !== undefined ? { description: dto.description } : {}),
          ...(dto.events !== undefined ? { events: dto.events } : {}),
          ...(dto.scoreChangeThreshold !== undefined ? { scoreChangeThreshold: dto.scoreChangeThreshold } : {}),
          // Enabling (again) clears why Rampart had disabled it; a person disabling gives no reason.
          ...(dto.enabled !== undefined ? { enabled: dto.enabled, disabledReason: null } : {}),
        },
        new Date(),
      );
      await this.audit.record(scope, caller, { action: 'webhook.updated', target: { type: 'webhook', id }, details: { fields, ...(dto.enabled !== undefined ? { enabled: dto.enabled } : {}) } });
      return toWebhookResponse(row!);
    });
  }

  /** Removes the webhook and its delivery log; deliveries still queued are dropped. */
  delete(caller: Caller, id: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const deleted = await this.webhooks.delete(scope, id);
      if (!deleted) throw notFound(id);
      await this.audit.record(scope, caller, { action: 'webhook.deleted', target: { type: 'webhook', id }, details: { host: hostOf(deleted.url) } });
    });
  }

  /** A new secret, shown once; the old one keeps signing alongside it for the hours asked (none by default). */
  rotateSecret(caller: Caller, id: string, dto: RotateSecretDto): Promise<WebhookWithSecretDto> {
    const secret = generateSecret();
    const sealed = this.vault.seal(caller.tenantId, id, secret);
    const now = new Date();
    const hours = dto.previousSecretExpiresInHours ?? 0;
    const previousExpiresAt = hours > 0 ? new Date(now.getTime() + hours * 3_600_000) : null;
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = await this.webhooks.rotateSecret(scope, id, sealed, previousExpiresAt, now);
      if (!row) throw notFound(id);
      await this.audit.record(scope, caller, { action: 'webhook.secret_rotated', target: { type: 'webhook', id }, details: { previousSecretExpiresAt: previousExpiresAt?.toISOString() ?? null } });
      return { ...toWebhookResponse(row), secret };
    });
  }

  /** Queues a `ping` to the webhook, whatever it subscribes to. */
  async test(caller: Caller, id: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.database.inTenant(caller.tenantId, async (scope) => {
      const webhook = await this.enabledWebhookOrThrow(scope, id);
      const [row] = await this.outbox.add(scope, [{ webhookId: id, ...envelope('ping', { webhook: { id: webhook.id, events: webhook.events } }) }]);
      await this.audit.record(scope, caller, { action: 'webhook.test_sent', target: { type: 'webhook', id }, details: { deliveryId: row!.id } });
      return row!;
    });
    this.outbox.wake();
    return toDeliveryResponse(delivery);
  }

  listDeliveries(caller: Caller, id: string, query: DeliveryQueryDto): Promise<Page<WebhookDeliveryDto>> {
    const order = `${LIST_ORDER}${query.status ? `:${query.status}` : ''}`;
    const after = decodeCursor(query.cursor, order);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.webhookOrThrow(scope, id);
      return toPage(await this.deliveries.list(scope, id, { limit: query.limit, after, status: query.status }), query.limit, order, toDeliveryResponse);
    });
  }

  getDelivery(caller: Caller, id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toDeliveryResponse(await this.deliveryOrThrow(scope, id, deliveryId)));
  }

  /** Sends a delivery's event again as a new delivery: the same event id and body, a new delivery id. */
  async redeliver(caller: Caller, id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.database.inTenant(caller.tenantId, async (scope) => {
      const original = await this.deliveryOrThrow(scope, id, deliveryId);
      await this.enabledWebhookOrThrow(scope, id);
      const [row] = await this.outbox.add(scope, [{ webhookId: id, eventId: original.eventId, eventType: original.eventType, payload: original.payload, redeliveryOf: original.id }]);
      await this.audit.record(scope, caller, { action: 'webhook.redelivered', target: { type: 'webhook', id }, details: { deliveryId: row!.id, redeliveryOf: original.id, eventId: original.eventId } });
      return row!;
    });
    this.outbox.wake();
    return toDeliveryResponse(delivery);
  }

  private assertUrl(url: string): void {
    const problem = webhookUrlProblem(url, this.config.webhooks);
    if (problem) throw new BadRequestException({ message: `Invalid request: ${problem}`, details: [{ field: 'url', message: problem }] });
  }

  private async webhookOrThrow(scope: TenantScope, id: string): Promise<WebhookSummary> {
    const row = await this.webhooks.findById(scope, id);
    if (!row) throw notFound(id);
    return row;
  }

  private async enabledWebhookOrThrow(scope: TenantScope, id: string): Promise<WebhookSummary> {
    const webhook = await this.webhookOrThrow(scope, id);
    if (!webhook.enabled) throw unprocessable('enabled', `Webhook ${id} is disabled; enable it (PATCH {"enabled": true}) to send events to it`);
    return webhook;
  }

  private async deliveryOrThrow(scope: TenantScope, id: string, deliveryId: string): Promise<WebhookDeliveryRow> {
    await this.webhookOrThrow(scope, id);
    const row = await this.deliveries.findById(scope, id, deliveryId);
    if (!row) throw new NotFoundException(`Delivery ${deliveryId} not found`);
    return row;
  }
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`Webhook ${id} not found`);
}

/** The audit log names where a webhook points by host only: paths and queries may carry the receiver's own tokens. */
function hostOf(url: string): string {
  return new URL(url).host;
}

export function toWebhookResponse(row: WebhookSummary): WebhookResponseDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    scoreChangeThreshold: row.scoreChangeThreshold,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDeliveryResponse(row: WebhookDeliveryRow): WebhookDeliveryDto {
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    attempts: row.attempts,
    attemptCount: row.attemptCount,
    error: row.error,
    redeliveryOf: row.redeliveryOf,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}
