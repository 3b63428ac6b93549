import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Auth, Authenticated } from '../../auth/auth.decorators.js';
import type { Caller } from '../../auth/caller.js';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { PageQueryDto } from '../../common/pagination/page.js';
import { uuidParam } from '../../common/validation/decorators.js';
import { ReportBatchDto, ReportBatchPageDto } from '../dto/report.dto.js';
import { ReportsService } from '../reports.service.js';

@ApiTags('Reports')
@Controller('report-batches')
export class ReportBatchesController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Authenticated('reports:read')
  @ApiOkResponse({ type: ReportBatchPageDto, description: 'Newest first.' })
  list(@Auth() caller: Caller, @Query() query: PageQueryDto): Promise<ReportBatchPageDto> {
    return this.reports.batchPage(caller, query);
  }

  @Get(':id')
  @Authenticated('reports:read')
  @ApiOkResponse({ type: ReportBatchDto, description: '`status` and `progress {done, failed, total}`; the reports made are at `reportsUrl`.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<ReportBatchDto> {
    return this.reports.batch(caller, id);
  }
}
