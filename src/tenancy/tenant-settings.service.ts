import { BadRequestException, Injectable } from '@nestjs/common';

import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { Database } from '../database/database.js';
import { DEFAULT_SCHEDULE, nextSlot, scheduleProblems } from '../evaluations/schedule/tenant-schedule.js';
import type { TenantSettingsDto, TenantSettingsUpdateDto } from './dto/tenant-settings.dto.js';
import { type TenantSettings, TenantsRepository } from './tenants.repository.js';

@Injectable()
export class TenantSettingsService {
  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsRepository,
    private readonly audit: AuditRepository,
  ) {}

  get(caller: Caller): Promise<TenantSettingsDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toResponse(await this.tenants.settings(scope), new Date()));
  }

  /** A schedule or timezone change applies from now on: a slot already past today does not fire late. */
  update(caller: Caller, changes: TenantSettingsUpdateDto): Promise<TenantSettingsDto> {
    if (Object.values(changes).every((value) => value === undefined)) throw new BadRequestException('Request body changes nothing: send at least one setting');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const current = await this.tenants.settings(scope);
      const now = new Date();
      const schedule = changes.evaluationSchedule === undefined ? current.evaluationSchedule : changes.evaluationSchedule;
      const timezone = changes.timezone ?? current.timezone;
      const scheduleChanged = schedule !== current.evaluationSchedule || timezone !== current.timezone;
      if (scheduleChanged) {
        // A paused schedule has no expression to check, only its time zone.
        const problems = scheduleProblems(schedule ?? DEFAULT_SCHEDULE, timezone).filter((problem) => schedule !== null || problem.field === 'timezone');
        if (problems.length > 0) throw new BadRequestException({ message: `Invalid schedule: ${problems.map((problem) => problem.message).join(' ')}`, details: problems });
      }
      const updated = await this.tenants.updateSettings(scope, { ...changes, ...(scheduleChanged ? { scheduleUpdatedAt: now } : {}) }, now);
      await this.audit.record(scope, caller, { action: 'tenant.settings_changed', target: { type: 'tenant', id: scope.tenantId }, details: { ...changes } });
      return toResponse(updated, now);
    });
  }
}

function toResponse(settings: TenantSettings, now: Date): TenantSettingsDto {
  return {
    noDataScoring: settings.noDataScoring,
    evaluationSchedule: settings.evaluationSchedule,
    timezone: settings.timezone,
    nextScheduledRunAt: settings.evaluationSchedule ? nextSlot(settings.evaluationSchedule, settings.timezone, now).toISOString() : null,
    evidenceRetentionDays: settings.evidenceRetentionDays,
  };
}
