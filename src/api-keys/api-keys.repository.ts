import { Injectable } from '@nestjs/common';
import { Database, type TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { ApiKeyRow, NewApiKey } from '../database/schema.js';
import type { Position } from '../common/pagination/page.js';

const API_KEY_COLUMNS = ['id', 'tenantId', 'name', 'prefix', 'scopes', 'expiresAt', 'revokedAt', 'lastUsedAt', 'createdBy', 'createdAt'] as const;
export type ApiKeySummary = Omit<ApiKeyRow, 'keyHash'>;

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly database: Database) {}

  /**
   * The one cross-tenant read: authentication must find a key's tenant from the key alone. It
   * matches on the SHA-256 of the presented key, so the secret itself never reaches a query.
   */
  findByHash(keyHash: Buffer): Promise<ApiKeySummary | undefined> {
    return this.database.system.selectFrom('apiKeys').select(API_KEY_COLUMNS).where('keyHash', '=', keyHash).executeTakeFirst();
  }

  create(scope: TenantScope, values: Omit<NewApiKey, 'tenantId'>): Promise<ApiKeySummary> {
    return scope.db
      .insertInto('apiKeys')
      .values({ ...values, tenantId: scope.tenantId })
      .returning(API_KEY_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  findById(scope: TenantScope, id: string): Promise<ApiKeySummary | undefined> {
    return scope.db.selectFrom('apiKeys').select(API_KEY_COLUMNS).where('tenantId', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  async list(scope: TenantScope, options: { limit: number; after?: Position }): Promise<(ApiKeySummary & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('apiKeys')
      .select([...API_KEY_COLUMNS, sortKeyOf('api_keys', 'createdAt').as('sortKey')])
      .where('tenantId', '=', scope.tenantId);
    if (options.after) query = query.where(afterPosition('api_keys', 'createdAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }

  revoke(scope: TenantScope, id: string, at: Date): Promise<ApiKeySummary | undefined> {
    return scope.db
      .updateTable('apiKeys')
      .set({ revokedAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .returning(API_KEY_COLUMNS)
      .executeTakeFirst();
  }

  /** Revokes every live key of that name: how a rotating key retires its predecessors. */
  async revokeByName(scope: TenantScope, name: string, at: Date): Promise<void> {
    await scope.db
      .updateTable('apiKeys')
      .set({ revokedAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('name', '=', name)
      .where('revokedAt', 'is', null)
      .execute();
  }

  /** Records use at most once per `granularityMs`, so a busy key does not write on every request. */
  async touch(scope: TenantScope, id: string, at: Date, granularityMs: number): Promise<void> {
    await scope.db
      .updateTable('apiKeys')
      .set({ lastUsedAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', new Date(at.getTime() - granularityMs))]))
      .execute();
  }
}
