import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Auth, Authenticated } from '../../auth/auth.decorators.js';
import type { Caller } from '../../auth/caller.js';
import { attachmentName, negotiateExportFormat } from '../../common/export/export-format.js';
import { streamExport } from '../../common/export/stream-export.js';
import { PageQueryDto } from '../../common/pagination/page.js';
import { uuidParam } from '../../common/validation/decorators.js';
import {
  ChangesDto,
  ChangesQueryDto,
  ClientScorecardDto,
  QbrMarkDto,
  QbrMarkPageDto,
  QbrMarkRequestDto,
  RunExportQueryDto,
  RunQueryDto,
  StatementOfApplicabilityDto,
  TrendDto,
  TrendQueryDto,
} from '../dto/client-scorecard.dto.js';
import { CONTROL_RESULT_COLUMNS } from '../export-columns.js';
import { ClientScorecardService } from './client-scorecard.service.js';

@ApiTags('Scorecards')
@Controller('clients/:id')
export class ClientScorecardController {
  constructor(private readonly scorecards: ClientScorecardService) {}

  @Get('scorecard')
  @Authenticated('scorecards:read')
  @ApiOkResponse({ type: ClientScorecardDto, description: 'The client\'s latest evaluation, or the one of `runId`. 404 when the client has not been evaluated (in that run).' })
  scorecard(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: RunQueryDto): Promise<ClientScorecardDto> {
    return this.scorecards.scorecard(caller, id, query.runId);
  }

  @Get('scorecard/export')
  @Authenticated('scorecards:read')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'Every control result of the evaluation: CSV (a row per control) or JSON (`{client, run, score, grade, data}`); `?format=` or the Accept header decides.' })
  async exportScorecard(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: RunExportQueryDto, @Headers('accept') accept: string | undefined, @Res() response: Response): Promise<void> {
    const format = negotiateExportFormat(query.format, accept);
    const { evaluation, controls } = await this.scorecards.results(caller, id, query.runId);
    await streamExport(response, {
      format,
      filename: attachmentName(`client-results-${evaluation.clientName}`, format, evaluation.evaluatedAt),
      columns: CONTROL_RESULT_COLUMNS,
      pages: (async function* () {
        yield controls;
      })(),
      jsonRow: (row) => row,
      jsonPreamble: {
        client: { id, name: evaluation.clientName, baseline: evaluation.baseline },
        run: { id: evaluation.runId, evaluatedAt: evaluation.evaluatedAt.toISOString() },
        score: evaluation.score,
        grade: evaluation.grade,
      },
    });
  }

  @Get('trend')
  @Authenticated('scorecards:read')
  @ApiOkResponse({ type: TrendDto })
  trend(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: TrendQueryDto): Promise<TrendDto> {
    return this.scorecards.trend(caller, id, query);
  }

  @Get('changes')
  @Authenticated('scorecards:read')
  @ApiOkResponse({ type: ChangesDto, description: 'Controls whose result differs between two evaluations of the client.' })
  changes(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: ChangesQueryDto): Promise<ChangesDto> {
    return this.scorecards.changes(caller, id, query);
  }

  @Post('qbr-marks')
  @Authenticated('scorecards:write')
  @ApiCreatedResponse({ type: QbrMarkDto, description: 'Marks a quarterly business review; "since last QBR" compares with the score it looked at.' })
  markQbr(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() body: QbrMarkRequestDto): Promise<QbrMarkDto> {
    return this.scorecards.markQbr(caller, id, body);
  }

  @Get('qbr-marks')
  @Authenticated('scorecards:read')
  @ApiOkResponse({ type: QbrMarkPageDto, description: 'Newest review first.' })
  qbrMarks(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: PageQueryDto): Promise<QbrMarkPageDto> {
    return this.scorecards.qbrMarkPage(caller, id, query);
  }

  @Delete('qbr-marks/:markId')
  @HttpCode(204)
  @Authenticated('scorecards:write')
  @ApiNoContentResponse()
  deleteQbrMark(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Param('markId', uuidParam('markId')) markId: string): Promise<void> {
    return this.scorecards.deleteQbrMark(caller, id, markId);
  }

  @Get('frameworks/:frameworkId')
  @Authenticated('scorecards:read')
  @ApiOkResponse({ type: StatementOfApplicabilityDto, description: 'Statement of applicability: requirement by requirement, the controls that support it and their results.' })
  framework(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Param('frameworkId', uuidParam('frameworkId')) frameworkId: string, @Query() query: RunQueryDto): Promise<StatementOfApplicabilityDto> {
    return this.scorecards.framework(caller, id, frameworkId, query.runId);
  }
}
