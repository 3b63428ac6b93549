import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { TenantSettingsDto, TenantSettingsUpdateDto } from './dto/tenant-settings.dto.js';
import { TenantSettingsService } from './tenant-settings.service.js';

/** Settings that apply to the whole tenant. */
@ApiTags('Tenant')
@Controller('tenant/settings')
export class TenantSettingsController {
  constructor(private readonly settings: TenantSettingsService) {}

  @Get()
  @Authenticated('tenant:read')
  @ApiOkResponse({ type: TenantSettingsDto })
  get(@Auth() caller: Caller): Promise<TenantSettingsDto> {
    return this.settings.get(caller);
  }

  @Patch()
  @Authenticated('tenant:write')
  @ApiOkResponse({ type: TenantSettingsDto })
  update(@Auth() caller: Caller, @Body() dto: TenantSettingsUpdateDto): Promise<TenantSettingsDto> {
    return this.settings.update(caller, dto);
  }
}
