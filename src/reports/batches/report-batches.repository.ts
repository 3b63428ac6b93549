import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import type { Position } from '../../common/pagination/page.js';
import type { TenantScope } from '../../database/database.js';
import { afterPosition, sortKeyOf } from '../../database/keyset.js';
import type { ReportBatchRow } from '../../database/schema.js';

const COLUMNS = [
  'id', 'tenantId', 'templateKey', 'frameworkId', 'scheduleId', 'status', 'total', 'done', 'failed', 'failures', 'error', 'requestedBy', 'createdAt', 'startedAt', 'finishedAt',
] as const;

/** Longest error text kept per failed client; the full error is in the worker's log. */
const MAX_ERROR = 500;

/** Bulk report requests and their progress, counted atomically as each client's job settles. */
@Injectable()
export class ReportBatchesRepository {
  create(scope: TenantScope, batch: { id: string; templateKey: string; frameworkId: string | null; scheduleId: string | null; total: number; requestedBy: string }): Promise<ReportBatchRow> {
    return scope.db
      .insertInto('reportBatches')
      .values({ ...batch, tenantId: scope.tenantId, status: batch.total === 0 ? 'succeeded' : 'queued', finishedAt: batch.total === 0 ? new Date() : null })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  }

  find(scope: TenantScope, id: string): Promise<ReportBatchRow | undefined> {
    return scope.db.selectFrom('reportBatches').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  list(scope: TenantScope, options: { limit: number; after?: Position }): Promise<(ReportBatchRow & { sortKey: string })[]> {
    let query = scope.db.selectFrom('reportBatches').select([...COLUMNS, sortKeyOf('report_batches', 'createdAt').as('sortKey')]);
    if (options.after) query = query.where(afterPosition('report_batches', 'createdAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }

  /**
   * Counts one client as done or failed and returns the batch when this was its last client (the
   * status is settled in the same statement, so exactly one job sees the batch finish).
   */
  async settle(scope: TenantScope, id: string, outcome: { clientId: string; error?: string }): Promise<{ finished: ReportBatchRow | undefined }> {
    const failure = outcome.error === undefined ? null : JSON.stringify([{ clientId: outcome.clientId, error: outcome.error.slice(0, MAX_ERROR) }]);
    const row = await scope.db
      .updateTable('reportBatches')
      .set({
        done: failure === null ? sql`done + 1` : sql`done`,
        failed: failure === null ? sql`failed` : sql`failed + 1`,
        failures: failure === null ? sql`failures` : sql`failures || ${failure}::jsonb`,
        startedAt: sql`coalesce(started_at, now())`,
        status: sql`case when done + failed + 1 >= total then (case when done + ${failure === null ? 1 : 0} = 0 then 'failed' else 'succeeded' end) else 'running' end`,
        finishedAt: sql`case when done + failed + 1 >= total then now() else null end`,
        error: sql`case when done + failed + 1 >= total and done + ${failure === null ? 1 : 0} = 0 then 'No report could be made; see failures' else null end`,
      })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      // A dead letter delivered twice must not count its client twice.
      .$if(failure !== null, (query) => query.where(sql<boolean>`not failures @> ${JSON.stringify([{ clientId: outcome.clientId }])}::jsonb`))
      .returning(COLUMNS)
      .executeTakeFirst();
    return { finished: row && row.finishedAt ? row : undefined };
  }
}
