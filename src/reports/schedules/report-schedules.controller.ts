import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

import { Auth, Authenticated } from '../../auth/auth.decorators.js';
import type { Caller } from '../../auth/caller.js';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { uuidParam } from '../../common/validation/decorators.js';
import { ScheduleDto, ScheduleListDto, ScheduleRequestDto, ScheduleUpdateDto } from '../dto/report.dto.js';
import { ReportSchedulesService } from './report-schedules.service.js';

@ApiTags('Reports')
@Controller('report-schedules')
export class ReportSchedulesController {
  constructor(private readonly schedules: ReportSchedulesService) {}

  @Get()
  @Authenticated('reports:read')
  @ApiOkResponse({ type: ScheduleListDto })
  list(@Auth() caller: Caller): Promise<ScheduleListDto> {
    return this.schedules.list(caller);
  }

  @Post()
  @Authenticated('reports:write')
  @ApiCreatedResponse({ type: ScheduleDto, description: 'Each month, a batch of reports for every active client on the baseline; `report.batch_completed` webhooks deliver the links.' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Unknown baseline, template or framework.' })
  create(@Auth() caller: Caller, @Body() request: ScheduleRequestDto): Promise<ScheduleDto> {
    return this.schedules.create(caller, request);
  }

  @Patch(':id')
  @Authenticated('reports:write')
  @ApiOkResponse({ type: ScheduleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() request: ScheduleUpdateDto): Promise<ScheduleDto> {
    return this.schedules.update(caller, id, request);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('reports:write')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  delete(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.schedules.delete(caller, id);
  }
}
