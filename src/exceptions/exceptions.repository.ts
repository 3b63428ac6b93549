import { Injectable } from '@nestjs/common';

import type { Position } from '../common/pagination/page.js';
import type { TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { ControlExceptionRow } from '../database/schema.js';
import type { AcceptedRisk } from '../controls/engine/exceptions.js';

export type ExceptionWithControl = ControlExceptionRow & { controlKey: string; controlName: string };

export interface ExceptionFilter {
  clientId?: string;
  controlId?: string;
  /** true: in force at `now`; false: expired at `now`. */
  active?: boolean;
  now: Date;
}

export type NewException = Pick<ControlExceptionRow, 'controlId' | 'clientId' | 'baselineId' | 'owner' | 'reason' | 'compensatingControl' | 'createdBy'> & { expiresAt: Date };

@Injectable()
export class ExceptionsRepository {
  /** Newest first. */
  list(scope: TenantScope, filter: ExceptionFilter, options: { limit: number; after?: Position }): Promise<(ExceptionWithControl & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('controlExceptions as e')
      .innerJoin('controls as c', 'c.id', 'e.controlId')
      .selectAll('e')
      .select(['c.key as controlKey', 'c.name as controlName', sortKeyOf('e', 'createdAt').as('sortKey')]);
    if (filter.clientId) query = query.where('e.clientId', '=', filter.clientId);
    if (filter.controlId) query = query.where('e.controlId', '=', filter.controlId);
    if (filter.active !== undefined) query = query.where('e.expiresAt', filter.active ? '>' : '<=', filter.now);
    if (options.after) query = query.where(afterPosition('e', 'createdAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('e.createdAt', 'desc').orderBy('e.id', 'desc').limit(options.limit + 1).execute();
  }

  find(scope: TenantScope, id: string): Promise<ExceptionWithControl | undefined> {
    return scope.db
      .selectFrom('controlExceptions as e')
      .innerJoin('controls as c', 'c.id', 'e.controlId')
      .selectAll('e')
      .select(['c.key as controlKey', 'c.name as controlName'])
      .where('e.id', '=', id)
      .executeTakeFirst();
  }

  async create(scope: TenantScope, exception: NewException): Promise<string> {
    const { id } = await scope.db.insertInto('controlExceptions').values({ ...exception, tenantId: scope.tenantId }).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const result = await scope.db.deleteFrom('controlExceptions').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Every exception, in force or expired, that can touch each client: its own and its baseline's, from one query. */
  async forClients(scope: TenantScope, clients: readonly { id: string; baseline: string | null }[]): Promise<Map<string, AcceptedRisk[]>> {
    const baselines = [...new Set(clients.flatMap((client) => (client.baseline ? [client.baseline] : [])))];
    const rows = await scope.db
      .selectFrom('controlExceptions as e')
      .leftJoin('baselines as b', 'b.id', 'e.baselineId')
      .select(['e.id', 'e.controlId', 'e.clientId', 'b.name as baselineName', 'e.owner', 'e.reason', 'e.compensatingControl', 'e.expiresAt'])
      .where((eb) => eb.or([eb('e.clientId', 'in', clients.map((client) => client.id)), ...(baselines.length > 0 ? [eb('b.name', 'in', baselines)] : [])]))
      .execute();
    const risks = rows.map((row) => ({ ...row, expiresAt: new Date(row.expiresAt) }));
    return new Map(clients.map((client) => [client.id, risks.filter((risk) => risk.clientId === client.id || (client.baseline !== null && risk.baselineName === client.baseline))]));
  }
}
