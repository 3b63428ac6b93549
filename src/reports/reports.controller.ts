import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { uuidParam } from '../common/validation/decorators.js';
import { ReportBatchDto, ReportDto, ReportListQueryDto, ReportPageDto, ReportRequestDto } from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('Reports')
@ApiExtraModels(ReportBatchDto)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @Authenticated('reports:write')
  @ApiCreatedResponse({ type: ReportDto, description: '`clientId`: the report, made now.' })
  @ApiAcceptedResponse({ type: ReportBatchDto, description: '`clientIds` or `allClients`: a job; follow it at GET /report-batches/:id.' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Unknown template or framework, or clients that are not active.' })
  async create(@Auth() caller: Caller, @Body() request: ReportRequestDto, @Res({ passthrough: true }) response: Response): Promise<ReportDto | ReportBatchDto> {
    const outcome = await this.reports.request(caller, request);
    if (outcome.kind === 'report') return outcome.report;
    response.status(202).setHeader('Location', `/api/v1/report-batches/${outcome.batch.id}`);
    return outcome.batch;
  }

  @Get()
  @Authenticated('reports:read')
  @ApiOkResponse({ type: ReportPageDto })
  list(@Auth() caller: Caller, @Query() query: ReportListQueryDto): Promise<ReportPageDto> {
    return this.reports.list(caller, query);
  }

  @Get(':id')
  @Authenticated('reports:read')
  @ApiOkResponse({ type: ReportDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<ReportDto> {
    return this.reports.get(caller, id);
  }

  @Get(':id/download')
  @Authenticated('reports:read')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, byte for byte as made (its SHA-256 is checked before sending).' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async download(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Res() response: Response): Promise<void> {
    const { report, pdf } = await this.reports.download(caller, id);
    response
      .status(200)
      .setHeader('Content-Type', 'application/pdf')
      .setHeader('Content-Length', String(pdf.length))
      .setHeader('Content-Disposition', contentDisposition(fileNameOf(report)))
      .setHeader('ETag', `"${report.sha256}"`)
      .setHeader('Cache-Control', 'private, max-age=0, must-revalidate')
      .end(pdf);
  }
}

/** `qbr-muller-gmbh-2026-11-23.pdf`: the template, the client and the day, readable in a downloads folder. */
export function fileNameOf(report: Pick<ReportDto, 'template' | 'clientName' | 'createdAt'>): string {
  const client = report.clientName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'client';
  return `${report.template}-${client}-${report.createdAt.slice(0, 10)}.pdf`;
}

/** RFC 6266: an ASCII fallback for old clients, and the UTF-8 name (CJK client names) for the rest. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
