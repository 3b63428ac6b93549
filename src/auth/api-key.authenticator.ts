import { Injectable } from '@nestjs/common';
import { ApiKeysRepository } from '../api-keys/api-keys.repository.js';
import { Database } from '../database/database.js';
import { hashApiKey } from './api-key.secret.js';
import type { Caller } from './caller.js';
import { isScope } from './scopes.js';

const LAST_USED_GRANULARITY_MS = 60_000;

@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    private readonly database: Database,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  /** The caller the key stands for, or undefined when it is unknown, revoked or expired. */
  async authenticate(key: string, request: { ip: string | null; requestId: string }): Promise<Caller | undefined> {
    const row = await this.apiKeys.findByHash(hashApiKey(key));
    const now = new Date();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
      await this.database.inTenant(row.tenantId, (scope) => this.apiKeys.touch(scope, row.id, now, LAST_USED_GRANULARITY_MS));
    }
    return {
      tenantId: row.tenantId,
      actor: { type: 'api_key', id: row.id, label: `${row.name} (${row.prefix})` },
      scopes: new Set(row.scopes.filter(isScope)),
      ip: request.ip,
      requestId: request.requestId,
    };
  }
}
