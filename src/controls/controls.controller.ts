import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { ControlsService } from './controls.service.js';
import {
  ControlListDto,
  ControlListQueryDto,
  ControlResponseDto,
  ControlSettingDto,
  ControlSettingsDto,
  ControlSettingsPutDto,
  CustomControlCreateDto,
  CustomControlUpdateDto,
  PreviewBodyDto,
  PreviewQueryDto,
  PreviewResponseDto,
  SettingTargetQueryDto,
} from './dto/control.dto.js';

/** `:id` is a control's UUID or its key (`identity.mfa_all_users`). */
@ApiTags('Controls')
@Controller('controls')
export class ControlsController {
  constructor(private readonly controls: ControlsService) {}

  @Get()
  @Authenticated('controls:read')
  @ApiOperation({ summary: 'The catalog (built-in and custom) with effective settings for the tenant, a baseline or a client' })
  @ApiOkResponse({ type: ControlListDto })
  list(@Auth() caller: Caller, @Query() query: ControlListQueryDto): Promise<ControlListDto> {
    return this.controls.list(caller, query);
  }

  @Post()
  @Authenticated('controls:write')
  @ApiOperation({ summary: 'Create a custom control' })
  @ApiCreatedResponse({ type: ControlResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid evaluator; an expression error names its line and column.' })
  @ApiConflictResponse({ type: ErrorResponseDto })
  create(@Auth() caller: Caller, @Body() dto: CustomControlCreateDto): Promise<ControlResponseDto> {
    return this.controls.create(caller, dto);
  }

  @Get(':id')
  @Authenticated('controls:read')
  @ApiOkResponse({ type: ControlResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id') id: string, @Query() query: ControlListQueryDto): Promise<ControlResponseDto> {
    return this.controls.get(caller, id, query);
  }

  @Patch(':id')
  @Authenticated('controls:write')
  @ApiOperation({ summary: 'Change a custom control (built-in controls change through their settings)' })
  @ApiOkResponse({ type: ControlResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  update(@Auth() caller: Caller, @Param('id') id: string, @Body() dto: CustomControlUpdateDto): Promise<ControlResponseDto> {
    return this.controls.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('controls:write')
  @ApiNoContentResponse()
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  delete(@Auth() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.controls.delete(caller, id);
  }

  @Get(':id/settings')
  @Authenticated('controls:read')
  @ApiOkResponse({ type: ControlSettingsDto })
  getSettings(@Auth() caller: Caller, @Param('id') id: string): Promise<ControlSettingsDto> {
    return this.controls.getSettings(caller, id);
  }

  @Put(':id/settings')
  @Authenticated('controls:write')
  @ApiOperation({ summary: 'Set the override at one level (tenant, baseline or client): enabled, weight, parameters, N/A with reason' })
  @ApiOkResponse({ type: ControlSettingDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  putSettings(@Auth() caller: Caller, @Param('id') id: string, @Body() dto: ControlSettingsPutDto): Promise<ControlSettingDto> {
    return this.controls.putSettings(caller, id, dto);
  }

  @Delete(':id/settings')
  @HttpCode(204)
  @Authenticated('controls:write')
  @ApiOperation({ summary: 'Remove the override at one level, so it inherits again' })
  @ApiNoContentResponse()
  deleteSettings(@Auth() caller: Caller, @Param('id') id: string, @Query() query: SettingTargetQueryDto): Promise<void> {
    return this.controls.deleteSettings(caller, id, query);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @Authenticated('controls:read')
  @ApiOperation({ summary: 'Evaluate one control (or an unsaved evaluator) for one client now, without saving anything' })
  @ApiOkResponse({ type: PreviewResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  preview(@Auth() caller: Caller, @Param('id') id: string, @Query() query: PreviewQueryDto, @Body() body: PreviewBodyDto): Promise<PreviewResponseDto> {
    return this.controls.preview(caller, id, query.clientId, body);
  }
}
