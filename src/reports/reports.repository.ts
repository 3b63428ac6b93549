import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import type { Position } from '../common/pagination/page.js';
import type { TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { NoDataScoring, ReportRow } from '../database/schema.js';

const COLUMNS = [
  'id', 'tenantId', 'clientId', 'runId', 'clientName', 'templateKey', 'templateName', 'frameworkId', 'title', 'batchId', 'storageKey', 'sha256', 'sizeBytes',
  'pageCount', 'createdBy', 'createdAt',
] as const;

export type NewReport = Omit<ReportRow, 'tenantId' | 'createdAt'>;

/** The record of each generated PDF; the bytes are in report storage under `storageKey`. */
@Injectable()
export class ReportsRepository {
  create(scope: TenantScope, report: NewReport): Promise<ReportRow> {
    return scope.db
      .insertInto('reports')
      .values({ ...report, tenantId: scope.tenantId })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  }

  find(scope: TenantScope, id: string): Promise<ReportRow | undefined> {
    return scope.db.selectFrom('reports').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** The report a bulk request already made for a client, so a retried job does not make a second. */
  findInBatch(scope: TenantScope, batchId: string, clientId: string): Promise<ReportRow | undefined> {
    return scope.db.selectFrom('reports').select(COLUMNS).where('batchId', '=', batchId).where('clientId', '=', clientId).executeTakeFirst();
  }

  list(scope: TenantScope, options: { limit: number; after?: Position; clientId?: string; batchId?: string }): Promise<(ReportRow & { sortKey: string })[]> {
    let query = scope.db.selectFrom('reports').select([...COLUMNS, sortKeyOf('reports', 'createdAt').as('sortKey')]);
    if (options.clientId) query = query.where('clientId', '=', options.clientId);
    if (options.batchId) query = query.where('batchId', '=', options.batchId);
    if (options.after) query = query.where(afterPosition('reports', 'createdAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }

  /** Every report of a batch, for the completion event. */
  inBatch(scope: TenantScope, batchId: string): Promise<Pick<ReportRow, 'id' | 'clientId' | 'clientName' | 'sha256'>[]> {
    return scope.db.selectFrom('reports').select(['id', 'clientId', 'clientName', 'sha256']).where('batchId', '=', batchId).orderBy('clientName').execute();
  }

  /** How the evaluation treated missing evidence, for the methodology the report prints. */
  async noDataScoring(scope: TenantScope, runId: string, clientId: string): Promise<NoDataScoring> {
    const row = await scope.db.selectFrom('runClients').select('noDataScoring').where('runId', '=', runId).where('clientId', '=', clientId).executeTakeFirst();
    return row?.noDataScoring ?? 'fail';
  }

  /** A framework by key: the tenant's own before the built-in one of the same key. */
  async frameworkIdByKey(scope: TenantScope, key: string): Promise<string | undefined> {
    const row = await scope.db
      .selectFrom('frameworks')
      .select('id')
      .where('key', '=', key)
      .orderBy(sql`tenant_id is null`)
      .executeTakeFirst();
    return row?.id;
  }

  async frameworkExists(scope: TenantScope, id: string): Promise<boolean> {
    return (await scope.db.selectFrom('frameworks').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }
}
