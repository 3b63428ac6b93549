import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import type { Position } from '../common/pagination/page.js';
import type { TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { WebhookEvent, WebhookRow } from '../database/schema.js';
import type { StoredSecret } from './webhook-secrets.js';

/** Everything but the sealed secrets, which only the delivery reads. */
const WEBHOOK_COLUMNS = [
  'id', 'tenantId', 'url', 'description', 'events', 'scoreChangeThreshold', 'enabled', 'disabledReason', 'secretRotatedAt', 'previousSecretExpiresAt',
  'createdBy', 'createdAt', 'updatedAt',
] as const;
const SECRET_COLUMNS = ['secretCiphertext', 'secretNonce', 'secretKeyId', 'previousSecretCiphertext', 'previousSecretNonce', 'previousSecretKeyId'] as const;

export type WebhookSummary = Pick<WebhookRow, (typeof WEBHOOK_COLUMNS)[number]>;

/** A webhook with its sealed secrets: the current one, and the previous one while it still signs. */
export type WebhookForDelivery = WebhookSummary & { secret: StoredSecret; previousSecret: StoredSecret | null };

export interface WebhookFields {
  url: string;
  description: string | null;
  events: WebhookEvent[];
  scoreChangeThreshold: number;
  enabled: boolean;
}

/** An enabled webhook that subscribes to an event, with what decides which changes it gets. */
export interface Subscriber {
  id: string;
  scoreChangeThreshold: number;
}

@Injectable()
export class WebhooksRepository {
  async create(scope: TenantScope, id: string, fields: WebhookFields & { secret: StoredSecret; createdBy: string }): Promise<WebhookSummary> {
    const { secret, ...rest } = fields;
    return scope.db
      .insertInto('webhooks')
      .values({ ...rest, id, tenantId: scope.tenantId, secretCiphertext: Buffer.from(secret.ciphertext), secretNonce: Buffer.from(secret.nonce), secretKeyId: secret.keyId })
      .returning(WEBHOOK_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  /**
   * How many webhooks the tenant has, counted under a transaction-scoped lock so two concurrent
   * creations cannot both pass the limit.
   */
  async countForCreate(scope: TenantScope): Promise<number> {
    await sql`select pg_advisory_xact_lock(hashtext(${`rampart:webhooks:${scope.tenantId}`}))`.execute(scope.db);
    const { count } = await scope.db.selectFrom('webhooks').select((eb) => eb.fn.countAll<string>().as('count')).where('tenantId', '=', scope.tenantId).executeTakeFirstOrThrow();
    return Number(count);
  }

  findById(scope: TenantScope, id: string): Promise<WebhookSummary | undefined> {
    return scope.db.selectFrom('webhooks').select(WEBHOOK_COLUMNS).where('tenantId', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  list(scope: TenantScope, options: { limit: number; after?: Position }): Promise<(WebhookSummary & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('webhooks')
      .select([...WEBHOOK_COLUMNS, sortKeyOf('webhooks', 'createdAt').as('sortKey')])
      .where('tenantId', '=', scope.tenantId);
    if (options.after) query = query.where(afterPosition('webhooks', 'createdAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }

  update(scope: TenantScope, id: string, changes: Partial<WebhookFields> & { disabledReason?: string | null }, at: Date): Promise<WebhookSummary | undefined> {
    return scope.db
      .updateTable('webhooks')
      .set({ ...changes, updatedAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .returning(WEBHOOK_COLUMNS)
      .executeTakeFirst();
  }

  /** Replaces the secret; the old one keeps signing until `previousExpiresAt` (none when null). */
  rotateSecret(scope: TenantScope, id: string, secret: StoredSecret, previousExpiresAt: Date | null, at: Date): Promise<WebhookSummary | undefined> {
    return scope.db
      .updateTable('webhooks')
      .set((eb) => ({
        previousSecretCiphertext: previousExpiresAt ? eb.ref('secretCiphertext') : null,
        previousSecretNonce: previousExpiresAt ? eb.ref('secretNonce') : null,
        previousSecretKeyId: previousExpiresAt ? eb.ref('secretKeyId') : null,
        previousSecretExpiresAt: previousExpiresAt,
        secretCiphertext: Buffer.from(secret.ciphertext),
        secretNonce: Buffer.from(secret.nonce),
        secretKeyId: secret.keyId,
        secretRotatedAt: at,
        updatedAt: at,
      }))
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .returning(WEBHOOK_COLUMNS)
      .executeTakeFirst();
  }

  /** Rampart's own decision (the endpoint said 410 Gone): off, with the reason. */
  async disable(scope: TenantScope, id: string, reason: string, at: Date): Promise<void> {
    await scope.db.updateTable('webhooks').set({ enabled: false, disabledReason: reason, updatedAt: at }).where('tenantId', '=', scope.tenantId).where('id', '=', id).where('enabled', '=', true).execute();
  }

  delete(scope: TenantScope, id: string): Promise<{ id: string; url: string } | undefined> {
    return scope.db.deleteFrom('webhooks').where('tenantId', '=', scope.tenantId).where('id', '=', id).returning(['id', 'url']).executeTakeFirst();
  }

  /** The enabled webhooks subscribed to `event`. */
  subscribers(scope: TenantScope, event: WebhookEvent): Promise<Subscriber[]> {
    return scope.db
      .selectFrom('webhooks')
      .select(['id', 'scoreChangeThreshold'])
      .where('tenantId', '=', scope.tenantId)
      .where('enabled', '=', true)
      .where(sql<boolean>`${event} = any(events)`)
      .orderBy('createdAt')
      .execute();
  }

  /** With the sealed secrets; the previous one only while it has not expired at `now`. */
  async findForDelivery(scope: TenantScope, id: string, now: Date): Promise<WebhookForDelivery | undefined> {
    const row = await scope.db.selectFrom('webhooks').select([...WEBHOOK_COLUMNS, ...SECRET_COLUMNS]).where('tenantId', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const { secretCiphertext, secretNonce, secretKeyId, previousSecretCiphertext, previousSecretNonce, previousSecretKeyId, ...summary } = row;
    const previousValid = previousSecretCiphertext && previousSecretNonce && previousSecretKeyId && summary.previousSecretExpiresAt && summary.previousSecretExpiresAt > now;
    return {
      ...summary,
      secret: { ciphertext: secretCiphertext, nonce: secretNonce, keyId: secretKeyId },
      previousSecret: previousValid ? { ciphertext: previousSecretCiphertext, nonce: previousSecretNonce, keyId: previousSecretKeyId } : null,
    };
  }
}
