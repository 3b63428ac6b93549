import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { sql } from 'kysely';

import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import { Database } from '../../database/database.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { QUEUES } from '../../jobs/queues.js';
import { SerialTicker } from '../../jobs/serial-ticker.js';
import type { RunJobData } from '../jobs/job-data.js';
import { dueSlot, MISSED_RUN_GRACE_MS } from './tenant-schedule.js';

/** Source of the current time, so tests can put the scheduler on a chosen date. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

export interface ScheduledRun {
  tenantId: string;
  runId: string;
  scheduledFor: Date;
}

/**
 * Starts each tenant's scheduled run once. Every process with workers ticks; a run is a row keyed
 * by (tenant, slot), so when several processes see the same slot due, one insert wins and the
 * others insert nothing. A slot missed while no process was up is started late, within a grace period.
 */
@Injectable()
export class EvaluationScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly ticker = new SerialTicker('evaluation-scheduler', this.logger);

  constructor(
    private readonly database: Database,
    private readonly jobs: JobQueue,
    private readonly registry: SchedulerRegistry,
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  start(): void {
    this.ticker.start(this.registry, this.config.jobs.schedulerTickSeconds, () => this.tick(this.clock()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.ticker.settled();
  }

  /** Starts the runs due at `now` that no process has started yet. */
  async tick(now: Date): Promise<ScheduledRun[]> {
    const tenants = await this.database.system
      .selectFrom('tenants')
      .select(['id', 'evaluationSchedule', 'timezone', 'scheduleUpdatedAt'])
      .where('evaluationSchedule', 'is not', null)
      .execute();
    const due = tenants.flatMap((tenant) => {
      try {
        const slot = dueSlot({ cron: tenant.evaluationSchedule!, timezone: tenant.timezone, since: tenant.scheduleUpdatedAt }, now);
        return slot ? [{ tenantId: tenant.id, scheduledFor: slot }] : [];
      } catch (error) {
        // The API validates schedules; a row edited by hand must not stop every other tenant's run.
        this.logger.error(`Tenant ${tenant.id} has an unusable schedule "${tenant.evaluationSchedule}" in ${tenant.timezone}: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    });
    if (due.length === 0) return [];
    const started = await this.database.system.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('evaluationRuns')
        .select(['tenantId', 'scheduledFor'])
        .where('scheduledFor', '>=', new Date(now.getTime() - MISSED_RUN_GRACE_MS))
        .execute();
      const seen = new Set(existing.map((run) => `${run.tenantId}/${run.scheduledFor!.getTime()}`));
      const fresh = due.filter((run) => !seen.has(`${run.tenantId}/${run.scheduledFor.getTime()}`));
      if (fresh.length === 0) return [];
      // A process that raced this one past the check above loses here, silently.
      const inserted = await trx
        .insertInto('evaluationRuns')
        .values(fresh.map((run) => ({ tenantId: run.tenantId, scheduledFor: run.scheduledFor, trigger: 'schedule' as const, requestedBy: 'schedule', clientIds: null, sync: true })))
        .onConflict((conflict) => conflict.columns(['tenantId', 'scheduledFor']).where(sql.ref('scheduled_for'), 'is not', null).doNothing())
        .returning(['id', 'tenantId', 'scheduledFor'])
        .execute();
      await this.jobs.enqueue<RunJobData>(trx, QUEUES.evaluationRun, inserted.map((run) => ({ data: { tenantId: run.tenantId, runId: run.id } })));
      return inserted.map((run) => ({ tenantId: run.tenantId, runId: run.id, scheduledFor: run.scheduledFor! }));
    });
    for (const run of started) this.logger.log(`Started the scheduled evaluation of tenant ${run.tenantId} for ${run.scheduledFor.toISOString()} (run ${run.runId})`);
    if (started.length > 0) this.jobs.wake(QUEUES.evaluationRun);
    return started;
  }
}
