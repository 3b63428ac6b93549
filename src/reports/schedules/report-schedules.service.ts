import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';

import { AuditRepository } from '../../audit/audit.repository.js';
import type { Caller } from '../../auth/caller.js';
import { unprocessable } from '../../common/errors/unprocessable.js';
import { Database, type TenantScope } from '../../database/database.js';
import type { ReportScheduleRow } from '../../database/schema.js';
import type { ScheduleDto, ScheduleListDto, ScheduleRequestDto, ScheduleUpdateDto } from '../dto/report.dto.js';
import { ReportGenerator } from '../report-generator.js';
import { nextMonthlyRun } from './monthly-slot.js';
import { ReportSchedulesRepository } from './report-schedules.repository.js';

const DEFAULT_HOUR = 6;
/** A few per baseline and template is plenty; the bound keeps a runaway script from filling the table. */
export const MAX_SCHEDULES = 50;

/** Monthly report batches per baseline, at a day and hour of the tenant's time zone. */
@Injectable()
export class ReportSchedulesService {
  constructor(
    private readonly database: Database,
    private readonly schedules: ReportSchedulesRepository,
    private readonly generator: ReportGenerator,
    private readonly audit: AuditRepository,
  ) {}

  list(caller: Caller): Promise<ScheduleListDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const timezone = await timezoneOf(scope);
      return { data: (await this.schedules.list(scope)).map((row) => toDto(row, timezone)) };
    });
  }

  create(caller: Caller, request: ScheduleRequestDto, now = new Date()): Promise<ScheduleDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const baseline = await scope.db.selectFrom('baselines').select('id').where('id', '=', request.baselineId).executeTakeFirst();
      if (!baseline) throw unprocessable('baselineId', `Baseline ${request.baselineId} not found`);
      const { template, frameworkId } = await this.generator.prepare(scope, { template: request.template, frameworkId: request.frameworkId ?? undefined });
      if ((await this.schedules.list(scope)).length >= MAX_SCHEDULES) throw unprocessable('baselineId', `A tenant may keep at most ${MAX_SCHEDULES} report schedules`);
      const timezone = await timezoneOf(scope);
      const slot = { dayOfMonth: request.dayOfMonth, hour: request.hour ?? DEFAULT_HOUR };
      const row = await this.schedules.create(scope, {
        id: randomUUID(),
        baselineId: request.baselineId,
        templateKey: template.key,
        frameworkId,
        ...slot,
        enabled: request.enabled ?? true,
        nextRunAt: nextMonthlyRun(slot, timezone, now),
        createdBy: caller.actor.label,
      });
      await this.audit.record(scope, caller, { action: 'report_schedule.created', target: { type: 'report_schedule', id: row.id }, details: { baselineId: row.baselineId, template: row.templateKey, dayOfMonth: row.dayOfMonth, hour: row.hour } });
      return toDto(row, timezone);
    });
  }

  update(caller: Caller, id: string, request: ScheduleUpdateDto, now = new Date()): Promise<ScheduleDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const current = await this.scheduleOrThrow(scope, id);
      const templateKey = request.template ?? current.templateKey;
      const { frameworkId } = await this.generator.prepare(scope, { template: templateKey, frameworkId: (request.frameworkId === undefined ? current.frameworkId : request.frameworkId) ?? undefined });
      const timezone = await timezoneOf(scope);
      const slot = { dayOfMonth: request.dayOfMonth ?? current.dayOfMonth, hour: request.hour ?? current.hour };
      const row = (await this.schedules.update(scope, id, { templateKey, frameworkId, ...slot, enabled: request.enabled ?? current.enabled, nextRunAt: nextMonthlyRun(slot, timezone, now) }))!;
      await this.audit.record(scope, caller, { action: 'report_schedule.updated', target: { type: 'report_schedule', id }, details: { fields: Object.keys(request) } });
      return toDto(row, timezone);
    });
  }

  delete(caller: Caller, id: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      if (!(await this.schedules.delete(scope, id))) throw new NotFoundException(`Report schedule ${id} not found`);
      await this.audit.record(scope, caller, { action: 'report_schedule.deleted', target: { type: 'report_schedule', id }, details: {} });
    });
  }

  private async scheduleOrThrow(scope: TenantScope, id: string): Promise<ReportScheduleRow> {
    const row = await this.schedules.find(scope, id);
    if (!row) throw new NotFoundException(`Report schedule ${id} not found`);
    return row;
  }
}

async function timezoneOf(scope: TenantScope): Promise<string> {
  const tenant = await scope.db.selectFrom('tenants').select('timezone').where('id', '=', scope.tenantId).executeTakeFirstOrThrow();
  return tenant.timezone;
}

function toDto(row: ReportScheduleRow, timezone: string): ScheduleDto {
  return {
    id: row.id,
    baselineId: row.baselineId,
    template: row.templateKey,
    frameworkId: row.frameworkId,
    dayOfMonth: row.dayOfMonth,
    hour: row.hour,
    timezone,
    enabled: row.enabled,
    nextRunAt: row.nextRunAt.toISOString(),
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    lastBatchId: row.lastBatchId,
    lastError: row.lastError,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
