import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Auth, Authenticated } from '../../auth/auth.decorators.js';
import type { Caller } from '../../auth/caller.js';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { CreateReportTemplateDto, ReportTemplateDto, ReportTemplateListDto, TemplateFieldsDto } from './dto/report-template.dto.js';
import { ReportTemplatesService } from './report-templates.service.js';

@ApiTags('Reports')
@Controller('report-templates')
export class ReportTemplatesController {
  constructor(private readonly templates: ReportTemplatesService) {}

  @Get()
  @Authenticated('reports:read')
  @ApiOkResponse({ type: ReportTemplateListDto })
  list(@Auth() caller: Caller): Promise<ReportTemplateListDto> {
    return this.templates.list(caller);
  }

  @Get(':key')
  @Authenticated('reports:read')
  @ApiOkResponse({ type: ReportTemplateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('key') key: string): Promise<ReportTemplateDto> {
    return this.templates.get(caller, key);
  }

  @Post()
  @Authenticated('reports:write')
  @ApiCreatedResponse({ type: ReportTemplateDto, description: 'A copy of `basedOn` with the fields given laid over it.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'An unknown section, property or placeholder, each named by its path in `details`.' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The key is built in or already used.' })
  create(@Auth() caller: Caller, @Body() request: CreateReportTemplateDto): Promise<ReportTemplateDto> {
    return this.templates.create(caller, request);
  }

  @Patch(':key')
  @Authenticated('reports:write')
  @ApiOkResponse({ type: ReportTemplateDto, description: 'The fields given replace the template\'s; `sections` replaces the whole list.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Built-in templates are read-only.' })
  update(@Auth() caller: Caller, @Param('key') key: string, @Body() fields: TemplateFieldsDto): Promise<ReportTemplateDto> {
    return this.templates.update(caller, key, fields);
  }

  @Delete(':key')
  @HttpCode(204)
  @Authenticated('reports:write')
  @ApiNoContentResponse({ description: 'Reports made from it keep their record.' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Built-in templates are read-only.' })
  delete(@Auth() caller: Caller, @Param('key') key: string): Promise<void> {
    return this.templates.delete(caller, key);
  }
}
