import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller.js';
import { decodeCursor, type Page, toPage } from '../common/pagination/page.js';
import { Database } from '../database/database.js';
import { type AuditEntry, AuditRepository } from './audit.repository.js';
import type { AuditEntryResponseDto, AuditListQueryDto } from './dto/audit.dto.js';

const LIST_ORDER = '-occurredAt';

@Injectable()
export class AuditService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditRepository,
  ) {}

  list(caller: Caller, query: AuditListQueryDto): Promise<Page<AuditEntryResponseDto>> {
    const after = decodeCursor(query.cursor, LIST_ORDER);
    const filter = {
      action: query.action,
      actorId: query.actorId,
      targetId: query.targetId,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
    };
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const rows = await this.audit.list(scope, filter, { limit: query.limit, after });
      return toPage(rows, query.limit, LIST_ORDER, toAuditEntryResponse);
    });
  }
}

function toAuditEntryResponse(row: AuditEntry): AuditEntryResponseDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    action: row.action,
    actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
    target: row.targetType ? { type: row.targetType, id: row.targetId } : null,
    details: row.details,
    ip: row.ip,
    requestId: row.requestId,
  };
}
