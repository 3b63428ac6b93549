import { BadRequestException, Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AuditRepository } from '../audit/audit.repository.js';
import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { Database } from '../database/database.js';
import { TenantSettingsDto, TenantSettingsUpdateDto } from './dto/tenant-settings.dto.js';

/** Settings that apply to the whole tenant. */
@ApiTags('Tenant')
@Controller('tenant/settings')
export class TenantSettingsController {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditRepository,
  ) {}

  @Get()
  @Authenticated('tenant:read')
  @ApiOkResponse({ type: TenantSettingsDto })
  get(@Auth() caller: Caller): Promise<TenantSettingsDto> {
    return this.database.inTenant(caller.tenantId, (scope) => scope.db.selectFrom('tenants').select(['noDataScoring']).where('id', '=', scope.tenantId).executeTakeFirstOrThrow());
  }

  @Patch()
  @Authenticated('tenant:write')
  @ApiOkResponse({ type: TenantSettingsDto })
  update(@Auth() caller: Caller, @Body() dto: TenantSettingsUpdateDto): Promise<TenantSettingsDto> {
    if (dto.noDataScoring === undefined) throw new BadRequestException('Request body changes nothing: send at least one setting');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = await scope.db.updateTable('tenants').set({ noDataScoring: dto.noDataScoring, updatedAt: new Date() }).where('id', '=', scope.tenantId).returning(['noDataScoring']).executeTakeFirstOrThrow();
      await this.audit.record(scope, caller, { action: 'tenant.settings_changed', target: { type: 'tenant', id: scope.tenantId }, details: { ...dto } });
      return row;
    });
  }
}
