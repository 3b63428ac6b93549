import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import type { Position } from '../common/pagination/page.js';
import { Database, type TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { WebhookAttempt, WebhookDeliveryRow, WebhookDeliveryStatus, WebhookEventType } from '../database/schema.js';

const DELIVERY_COLUMNS = [
  'id', 'tenantId', 'webhookId', 'eventId', 'eventType', 'payload', 'status', 'attempts', 'attemptCount', 'error', 'redeliveryOf', 'createdAt', 'lastAttemptAt', 'deliveredAt',
] as const;

/** Attempts kept on a delivery (the newest); `attemptCount` counts every one. */
export const ATTEMPTS_KEPT = 25;

export interface NewDelivery {
  webhookId: string;
  eventId: string;
  eventType: WebhookEventType;
  payload: string;
  redeliveryOf?: string;
}

/** The delivery log: one row per event per webhook, the outbox the delivery jobs work from. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly database: Database) {}

  /**
   * Adds deliveries and returns the ones added: an event a webhook already has (same event id, not
   * a redelivery) is skipped, so a retried job that raises its event again queues nothing more.
   */
  async insert(scope: TenantScope, deliveries: readonly NewDelivery[]): Promise<WebhookDeliveryRow[]> {
    if (deliveries.length === 0) return [];
    return scope.db
      .insertInto('webhookDeliveries')
      .values(deliveries.map((delivery) => ({ ...delivery, redeliveryOf: delivery.redeliveryOf ?? null, tenantId: scope.tenantId })))
      .onConflict((conflict) => conflict.columns(['webhookId', 'eventId']).where('redeliveryOf', 'is', null).doNothing())
      .returning(DELIVERY_COLUMNS)
      .execute();
  }

  findById(scope: TenantScope, webhookId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
    return scope.db
      .selectFrom('webhookDeliveries')
      .select(DELIVERY_COLUMNS)
      .where('tenantId', '=', scope.tenantId)
      .where('webhookId', '=', webhookId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** For the delivery jobs, which know only the delivery's id; locked for the rest of the caller's transaction. */
  findForSending(scope: TenantScope, id: string): Promise<WebhookDeliveryRow | undefined> {
    return scope.db.selectFrom('webhookDeliveries').select(DELIVERY_COLUMNS).where('tenantId', '=', scope.tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** A webhook's deliveries, newest first. */
  list(scope: TenantScope, webhookId: string, options: { limit: number; after?: Position; status?: WebhookDeliveryStatus }): Promise<(WebhookDeliveryRow & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('webhookDeliveries')
      .select([...DELIVERY_COLUMNS, sortKeyOf('webhook_deliveries', 'createdAt').as('sortKey')])
      .where('tenantId', '=', scope.tenantId)
      .where('webhookId', '=', webhookId);
    if (options.status) query = query.where('status', '=', options.status);
    if (options.after) query = query.where(afterPosition('webhook_deliveries', 'createdAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }

  /**
   * Appends an attempt (dropping the oldest beyond ATTEMPTS_KEPT) and, when it settles the delivery,
   * its final status. Only a pending delivery changes; returns whether this one did.
   */
  async recordAttempt(scope: TenantScope, id: string, attempt: WebhookAttempt, settle?: { status: 'succeeded' | 'failed'; error?: string }): Promise<boolean> {
    const entry = JSON.stringify([attempt]);
    const updated = await scope.db
      .updateTable('webhookDeliveries')
      .set((eb) => ({
        attempts: sql<string>`case when jsonb_array_length(attempts) >= ${ATTEMPTS_KEPT} then (attempts - 0) || ${entry}::jsonb else attempts || ${entry}::jsonb end`,
        attemptCount: eb('attemptCount', '+', 1),
        lastAttemptAt: attempt.at,
        ...(settle ? { status: settle.status, error: settle.error ?? null, deliveredAt: settle.status === 'succeeded' ? attempt.at : null } : {}),
      }))
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    return updated !== undefined;
  }

  /** Gives a pending delivery up without another attempt. */
  async fail(scope: TenantScope, id: string, error: string): Promise<boolean> {
    const updated = await scope.db
      .updateTable('webhookDeliveries')
      .set({ status: 'failed', error })
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    return updated !== undefined;
  }

  /** Retention, across tenants: deletes up to `limit` deliveries created before `before`; returns how many. */
  async prune(before: Date, limit = 1000): Promise<number> {
    const result = await this.database.system
      .deleteFrom('webhookDeliveries')
      .where('id', 'in', (eb) => eb.selectFrom('webhookDeliveries').select('id').where('createdAt', '<', before).orderBy('createdAt').limit(limit))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
