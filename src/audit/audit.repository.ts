import { Injectable } from '@nestjs/common';
import type { TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { AuditLogRow } from '../database/schema.js';
import type { Position } from '../common/pagination/page.js';
import type { Origin } from '../auth/caller.js';

const AUDIT_COLUMNS = ['id', 'occurredAt', 'actorType', 'actorId', 'actorLabel', 'action', 'targetType', 'targetId', 'details', 'ip', 'requestId'] as const;
export type AuditEntry = Omit<AuditLogRow, 'tenantId'>;

export interface AuditEvent {
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetId?: string;
  since?: Date;
  until?: Date;
}

/** Append-only: the application role has no update or delete grant on audit_log. */
@Injectable()
export class AuditRepository {
  async record(scope: TenantScope, origin: Origin, event: AuditEvent): Promise<void> {
    await scope.db
      .insertInto('auditLog')
      .values({
        tenantId: scope.tenantId,
        actorType: origin.actor.type,
        actorId: origin.actor.id,
        actorLabel: origin.actor.label,
        action: event.action,
        targetType: event.target?.type ?? null,
        targetId: event.target?.id ?? null,
        details: JSON.stringify(event.details ?? {}),
        ip: origin.ip,
        requestId: origin.requestId,
      })
      .execute();
  }

  /** Newest first. */
  async list(scope: TenantScope, filter: AuditFilter, options: { limit: number; after?: Position }): Promise<(AuditEntry & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('auditLog')
      .select([...AUDIT_COLUMNS, sortKeyOf('audit_log', 'occurredAt').as('sortKey')])
      .where('tenantId', '=', scope.tenantId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
    if (filter.targetId) query = query.where('targetId', '=', filter.targetId);
    if (filter.since) query = query.where('occurredAt', '>=', filter.since);
    if (filter.until) query = query.where('occurredAt', '<', filter.until);
    if (options.after) query = query.where(afterPosition('audit_log', 'occurredAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('occurredAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }
}
