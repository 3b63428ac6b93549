import { type BeforeApplicationShutdown, HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import { Database } from '../../database/database.js';
import { CLOCK, type Clock } from '../../evaluations/schedule/evaluation-scheduler.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { QUEUES } from '../../jobs/queues.js';
import { SerialTicker } from '../../jobs/serial-ticker.js';
import { ReportsService } from '../reports.service.js';
import { nextMonthlyRun } from './monthly-slot.js';
import { ReportSchedulesRepository } from './report-schedules.repository.js';

/**
 * Starts the monthly report batches that are due. Every worker process ticks; a due schedule is
 * claimed with SKIP LOCKED and moved to its next slot in the transaction that creates its batch,
 * so each slot makes one batch however many processes run. A slot missed while nothing ran is
 * made once, late, and the schedule moves on.
 */
@Injectable()
export class ReportScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Reports');
  private readonly ticker = new SerialTicker('report-scheduler', this.logger);

  constructor(
    private readonly database: Database,
    private readonly schedules: ReportSchedulesRepository,
    private readonly reports: ReportsService,
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

  /** Starts every schedule due at `now`; returns the batches made. */
  async tick(now: Date): Promise<{ scheduleId: string; batchId: string }[]> {
    const due = await this.database.system
      .selectFrom('reportSchedules')
      .innerJoin('tenants', 'tenants.id', 'reportSchedules.tenantId')
      .select(['reportSchedules.id', 'reportSchedules.tenantId', 'reportSchedules.dayOfMonth', 'reportSchedules.hour', 'tenants.timezone'])
      .where('reportSchedules.enabled', '=', true)
      .where('reportSchedules.nextRunAt', '<=', now)
      .execute();
    const started: { scheduleId: string; batchId: string }[] = [];
    for (const { id, tenantId, timezone, dayOfMonth, hour } of due) {
      try {
        const batchId = await this.database.inTenant(tenantId, async (scope) => {
          const schedule = await this.schedules.claimDue(scope, id, now);
          if (!schedule) return undefined;
          const baseline = await scope.db.selectFrom('baselines').select('name').where('id', '=', schedule.baselineId).executeTakeFirstOrThrow();
          const batch = await this.reports.createBatch(scope, { type: 'system', id: null, label: `report schedule ${schedule.id}` }, {
            baseline: baseline.name,
            template: schedule.templateKey,
            frameworkId: schedule.frameworkId ?? undefined,
            scheduleId: schedule.id,
          });
          await this.schedules.started(scope, schedule.id, { at: now, batchId: batch.id, nextRunAt: nextMonthlyRun(schedule, timezone, now) });
          return batch.id;
        });
        if (batchId) started.push({ scheduleId: id, batchId });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // One tenant's broken schedule must not stop the others. A request that can never succeed
        // (its template deleted, say) skips the slot with the reason; anything else is tried next tick.
        this.logger.error(`Report schedule ${id} of tenant ${tenantId} could not start: ${message}`);
        if (error instanceof HttpException && error.getStatus() < 500) {
          await this.database.inTenant(tenantId, (scope) => this.schedules.skipped(scope, id, { at: now, error: message, nextRunAt: nextMonthlyRun({ dayOfMonth, hour }, timezone, now) }));
        }
      }
    }
    if (started.length > 0) this.jobs.wake(QUEUES.reportRender);
    return started;
  }
}
