import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { issueApiKey } from '../auth/api-key.secret.js';
import type { Caller } from '../auth/caller.js';
import type { Scope } from '../auth/scopes.js';
import { decodeCursor, type Page, PageQueryDto, toPage } from '../common/pagination/page.js';
import { Database } from '../database/database.js';
import { type ApiKeySummary, ApiKeysRepository } from './api-keys.repository.js';
import type { ApiKeyCreatedDto, ApiKeyResponseDto, ApiKeyStatus } from './dto/api-key.dto.js';

export interface ApiKeyRequest {
  name: string;
  scopes: Scope[];
  expiresAt?: Date;
}

const LIST_ORDER = '-createdAt';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly database: Database,
    private readonly apiKeys: ApiKeysRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Issues a key; the response is the only place the whole key ever appears. */
  create(caller: Caller, request: ApiKeyRequest): Promise<ApiKeyCreatedDto> {
    const beyondCaller = request.scopes.filter((scope) => !caller.scopes.has(scope));
    if (beyondCaller.length > 0) {
      throw new ForbiddenException(`A key cannot have scopes its creator lacks: ${beyondCaller.join(', ')}`);
    }
    if (request.expiresAt && request.expiresAt.getTime() <= Date.now()) {
      throw new BadRequestException({ message: 'expiresAt must be in the future', details: [{ field: 'expiresAt', message: 'expiresAt must be in the future' }] });
    }
    const issued = issueApiKey();
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = await this.apiKeys.create(scope, {
        name: request.name,
        prefix: issued.prefix,
        keyHash: issued.hash,
        scopes: request.scopes,
        expiresAt: request.expiresAt ?? null,
        createdBy: caller.actor.label,
      });
      await this.audit.record(scope, caller, {
        action: 'api_key.created',
        target: { type: 'api_key', id: row.id },
        details: { prefix: row.prefix, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
      });
      return { ...toApiKeyResponse(row), key: issued.key };
    });
  }

  list(caller: Caller, query: PageQueryDto): Promise<Page<ApiKeyResponseDto>> {
    const after = decodeCursor(query.cursor, LIST_ORDER);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const rows = await this.apiKeys.list(scope, { limit: query.limit, after });
      return toPage(rows, query.limit, LIST_ORDER, toApiKeyResponse);
    });
  }

  get(caller: Caller, id: string): Promise<ApiKeyResponseDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toApiKeyResponse(orNotFound(await this.apiKeys.findById(scope, id), id)));
  }

  /** Revoking is immediate and idempotent: a key already revoked stays revoked. */
  revoke(caller: Caller, id: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const revoked = await this.apiKeys.revoke(scope, id, new Date());
      if (!revoked) {
        orNotFound(await this.apiKeys.findById(scope, id), id);
        return;
      }
      await this.audit.record(scope, caller, { action: 'api_key.revoked', target: { type: 'api_key', id }, details: { prefix: revoked.prefix } });
    });
  }
}

function orNotFound(row: ApiKeySummary | undefined, id: string): ApiKeySummary {
  if (!row) throw new NotFoundException(`API key ${id} not found`);
  return row;
}

function statusOf(row: ApiKeySummary, now: Date): ApiKeyStatus {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return 'active';
}

export function toApiKeyResponse(row: ApiKeySummary): ApiKeyResponseDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    status: statusOf(row, new Date()),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
