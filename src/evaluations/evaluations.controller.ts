import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { uuidParam } from '../common/validation/decorators.js';
import { EvaluationRequestDto, EvaluationRunDto, EvaluationRunPageDto, RunClientPageDto, RunClientQueryDto } from './dto/evaluation.dto.js';
import { EvaluationsService } from './evaluations.service.js';

@ApiTags('Evaluations')
@Controller('evaluations')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Post()
  @HttpCode(202)
  @Authenticated('evaluations:write')
  @ApiAcceptedResponse({ type: EvaluationRunDto, description: 'Queued; follow it with GET /evaluations/{id}.' })
  request(@Auth() caller: Caller, @Body() body: EvaluationRequestDto): Promise<EvaluationRunDto> {
    return this.evaluations.request(caller, body, 'api');
  }

  @Get()
  @Authenticated('evaluations:read')
  @ApiOkResponse({ type: EvaluationRunPageDto, description: 'Newest first.' })
  list(@Auth() caller: Caller, @Query() query: PageQueryDto): Promise<EvaluationRunPageDto> {
    return this.evaluations.list(caller, query);
  }

  @Get(':id')
  @Authenticated('evaluations:read')
  @ApiOkResponse({ type: EvaluationRunDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<EvaluationRunDto> {
    return this.evaluations.get(caller, id);
  }

  @Get(':id/clients')
  @Authenticated('evaluations:read')
  @ApiOkResponse({ type: RunClientPageDto, description: 'Each client of the run with its outcome and score, by name.' })
  clients(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: RunClientQueryDto): Promise<RunClientPageDto> {
    return this.evaluations.clients(caller, id, query);
  }
}
