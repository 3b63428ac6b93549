import { Injectable } from '@nestjs/common';

import type { TenantScope } from '../../database/database.js';
import type { ReportScheduleRow } from '../../database/schema.js';

const COLUMNS = [
  'id', 'tenantId', 'baselineId', 'templateKey', 'frameworkId', 'dayOfMonth', 'hour', 'enabled', 'nextRunAt', 'lastRunAt', 'lastBatchId', 'lastError', 'createdBy', 'createdAt', 'updatedAt',
] as const;

export type ScheduleFields = Pick<ReportScheduleRow, 'templateKey' | 'frameworkId' | 'dayOfMonth' | 'hour' | 'enabled' | 'nextRunAt'>;

@Injectable()
export class ReportSchedulesRepository {
  create(scope: TenantScope, schedule: ScheduleFields & { id: string; baselineId: string; createdBy: string }): Promise<ReportScheduleRow> {
    return scope.db.insertInto('reportSchedules').values({ ...schedule, tenantId: scope.tenantId }).returning(COLUMNS).executeTakeFirstOrThrow();
  }

  list(scope: TenantScope): Promise<ReportScheduleRow[]> {
    return scope.db.selectFrom('reportSchedules').select(COLUMNS).orderBy('createdAt').orderBy('id').execute();
  }

  find(scope: TenantScope, id: string): Promise<ReportScheduleRow | undefined> {
    return scope.db.selectFrom('reportSchedules').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  update(scope: TenantScope, id: string, fields: Partial<ScheduleFields>): Promise<ReportScheduleRow | undefined> {
    return scope.db.updateTable('reportSchedules').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).returning(COLUMNS).executeTakeFirst();
  }

  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const deleted = await scope.db.deleteFrom('reportSchedules').where('id', '=', id).executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  }

  /** The schedule if it is still due, locked so that of several processes ticking at once only one starts it. */
  claimDue(scope: TenantScope, id: string, now: Date): Promise<ReportScheduleRow | undefined> {
    return scope.db
      .selectFrom('reportSchedules')
      .select(COLUMNS)
      .where('id', '=', id)
      .where('enabled', '=', true)
      .where('nextRunAt', '<=', now)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
  }

  async started(scope: TenantScope, id: string, run: { at: Date; batchId: string; nextRunAt: Date }): Promise<void> {
    await scope.db.updateTable('reportSchedules').set({ lastRunAt: run.at, lastBatchId: run.batchId, lastError: null, nextRunAt: run.nextRunAt }).where('id', '=', id).execute();
  }

  /** A slot that could not make a batch is skipped with the reason, rather than retried every tick. */
  async skipped(scope: TenantScope, id: string, run: { at: Date; error: string; nextRunAt: Date }): Promise<void> {
    await scope.db.updateTable('reportSchedules').set({ lastRunAt: run.at, lastError: run.error.slice(0, 500), nextRunAt: run.nextRunAt }).where('id', '=', id).execute();
  }
}
