import { Injectable } from '@nestjs/common';
import { Database, type TenantScope } from '../../database/database.js';
import { afterPosition, sortKeyOf } from '../../database/keyset.js';
import type { SyncMode, SyncPhase, SyncRunRow } from '../../database/schema.js';
import type { Position } from '../../common/pagination/page.js';
import { isUniqueViolation } from '../../database/errors.js';

const SYNC_RUN_COLUMNS = [
  'id', 'tenantId', 'integrationId', 'mode', 'status', 'phase', 'changedSince', 'created', 'updated', 'deactivated', 'skipped', 'failed', 'pages',
  'error', 'requestedBy', 'heartbeatAt', 'startedAt', 'finishedAt', 'createdAt',
] as const;

export interface SyncCounts {
  created: number;
  updated: number;
  deactivated: number;
  skipped: number;
  failed: number;
}

export class SyncAlreadyRunningError extends Error {}

@Injectable()
export class SyncRunsRepository {
  constructor(private readonly database: Database) {}

  /** Queues a run; the partial unique index refuses a second active run for one integration. */
  async create(scope: TenantScope, values: { integrationId: string; mode: SyncMode; requestedBy: string }): Promise<SyncRunRow> {
    try {
      return await scope.db
        .insertInto('syncRuns')
        .values({ ...values, tenantId: scope.tenantId })
        .returning(SYNC_RUN_COLUMNS)
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error)) throw new SyncAlreadyRunningError('A sync of this integration is already queued or running');
      throw error;
    }
  }

  findById(scope: TenantScope, id: string): Promise<SyncRunRow | undefined> {
    return scope.db.selectFrom('syncRuns').select(SYNC_RUN_COLUMNS).where('tenantId', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  async list(scope: TenantScope, integrationId: string, options: { limit: number; after?: Position }): Promise<(SyncRunRow & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('syncRuns')
      .select([...SYNC_RUN_COLUMNS, sortKeyOf('sync_runs', 'createdAt').as('sortKey')])
      .where('tenantId', '=', scope.tenantId)
      .where('integrationId', '=', integrationId);
    if (options.after) query = query.where(afterPosition('sync_runs', 'createdAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }

  async start(scope: TenantScope, id: string, changedSince: Date | null, at: Date): Promise<void> {
    await scope.db.updateTable('syncRuns').set({ status: 'running', startedAt: at, heartbeatAt: at, changedSince }).where('tenantId', '=', scope.tenantId).where('id', '=', id).execute();
  }

  /** Adds a page's counts and proves the run is alive. */
  async recordPage(scope: TenantScope, id: string, phase: SyncPhase, counts: SyncCounts, at: Date): Promise<void> {
    await scope.db
      .updateTable('syncRuns')
      .set((eb) => ({
        phase,
        pages: eb('pages', '+', 1),
        created: eb('created', '+', counts.created),
        updated: eb('updated', '+', counts.updated),
        deactivated: eb('deactivated', '+', counts.deactivated),
        skipped: eb('skipped', '+', counts.skipped),
        failed: eb('failed', '+', counts.failed),
        heartbeatAt: at,
      }))
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .execute();
  }

  async finish(scope: TenantScope, id: string, outcome: { status: 'succeeded' } | { status: 'failed'; error: string }, at: Date): Promise<SyncRunRow> {
    return scope.db
      .updateTable('syncRuns')
      .set({ status: outcome.status, error: outcome.status === 'failed' ? outcome.error : null, finishedAt: at, heartbeatAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .returning(SYNC_RUN_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  /**
   * Operator path at start-up: runs whose process died (no heartbeat for `staleAfterMs`) are marked
   * failed in every tenant, so the integration can sync again.
   */
  async failAbandoned(staleAfterMs: number, at: Date): Promise<number> {
    const result = await this.database.system
      .updateTable('syncRuns')
      .set({ status: 'failed', error: 'Interrupted: the process running this sync stopped; the next sync resumes from the last completed one', finishedAt: at })
      .where('status', 'in', ['queued', 'running'])
      .where((eb) => eb(eb.fn.coalesce('heartbeatAt', 'createdAt'), '<', new Date(at.getTime() - staleAfterMs)))
      .returning('id')
      .execute();
    return result.length;
  }
}
