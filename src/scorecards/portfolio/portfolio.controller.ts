import { BadRequestException, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Auth, Authenticated } from '../../auth/auth.decorators.js';
import type { Caller } from '../../auth/caller.js';
import { attachmentName, negotiateExportFormat } from '../../common/export/export-format.js';
import { streamExport } from '../../common/export/stream-export.js';
import { HeatmapDto, HeatmapExportQueryDto, HeatmapQueryDto, PortfolioExportQueryDto, PortfolioFilterDto, PortfolioScorecardDto } from '../dto/portfolio.dto.js';
import { heatmapColumns, PORTFOLIO_COLUMNS } from '../export-columns.js';
import { PortfolioService } from './portfolio.service.js';

@ApiTags('Scorecards')
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('scorecard')
  @Authenticated('scorecards:read')
  @ApiOkResponse({ type: PortfolioScorecardDto, description: 'Every active client with its current standing; the portfolio figures and top fixes over all clients matching the filters.' })
  scorecard(@Auth() caller: Caller, @Query() query: PortfolioFilterDto): Promise<PortfolioScorecardDto> {
    assertScoreRange(query);
    return this.portfolio.scorecard(caller, query);
  }

  @Get('heatmap')
  @Authenticated('scorecards:read')
  @ApiOkResponse({ type: HeatmapDto, description: 'Control × client statuses, paged and filtered by clients like the scorecard.' })
  heatmap(@Auth() caller: Caller, @Query() query: HeatmapQueryDto): Promise<HeatmapDto> {
    assertScoreRange(query);
    return this.portfolio.heatmap(caller, query);
  }

  @Get('scorecard/export')
  @Authenticated('scorecards:read')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'Every matching client, streamed as CSV (a row per client) or JSON (`{generatedAt, portfolio, data}`); `?format=` or the Accept header decides.' })
  async exportScorecard(@Auth() caller: Caller, @Query() query: PortfolioExportQueryDto, @Headers('accept') accept: string | undefined, @Res() response: Response): Promise<void> {
    assertScoreRange(query);
    const format = negotiateExportFormat(query.format, accept);
    const now = new Date();
    const portfolio = format === 'json' ? await this.portfolio.totalsFor(caller, query) : undefined;
    await streamExport(response, {
      format,
      filename: attachmentName('portfolio-scorecard', format, now),
      columns: PORTFOLIO_COLUMNS,
      pages: this.portfolio.clientPages(caller, query, now),
      jsonRow: (row) => row,
      jsonPreamble: { generatedAt: now.toISOString(), portfolio },
    });
  }

  @Get('heatmap/export')
  @Authenticated('scorecards:read')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The heat map of every matching client: CSV with a column per control key, or JSON (`{generatedAt, controls, data}`).' })
  async exportHeatmap(@Auth() caller: Caller, @Query() query: HeatmapExportQueryDto, @Headers('accept') accept: string | undefined, @Res() response: Response): Promise<void> {
    assertScoreRange(query);
    const format = negotiateExportFormat(query.format, accept);
    const now = new Date();
    const controls = await this.portfolio.catalog(caller, query.category);
    await streamExport(response, {
      format,
      filename: attachmentName('portfolio-heatmap', format, now),
      columns: heatmapColumns(controls),
      pages: this.portfolio.heatmapPages(caller, query, controls, now),
      jsonRow: (row) => row,
      jsonPreamble: { generatedAt: now.toISOString(), controls },
    });
  }
}

function assertScoreRange(query: Pick<PortfolioFilterDto, 'minScore' | 'maxScore'>): void {
  if (query.minScore !== undefined && query.maxScore !== undefined && query.minScore > query.maxScore) {
    throw new BadRequestException({ message: 'minScore must not be greater than maxScore', details: [{ field: 'minScore', message: 'must not be greater than maxScore' }] });
  }
}
