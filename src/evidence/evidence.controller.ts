import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { uuidParam } from '../common/validation/decorators.js';
import { AssetBatchDto, AssetBatchResultDto, AssetPageDto, FactBatchDto, FactBatchResultDto, FactPageDto } from './dto/evidence.dto.js';
import { EvidenceService } from './evidence.service.js';

@ApiTags('Evidence')
@Controller('clients/:id')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('facts')
  @HttpCode(200)
  @Authenticated('evidence:write')
  @ApiOkResponse({ type: FactBatchResultDto, description: 'Up to 1,000 facts; the newest observation of each key and source wins.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  recordFacts(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() dto: FactBatchDto): Promise<FactBatchResultDto> {
    return this.evidence.recordFacts(caller, id, dto);
  }

  @Get('facts')
  @Authenticated('clients:read')
  @ApiOkResponse({ type: FactPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  listFacts(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: PageQueryDto): Promise<FactPageDto> {
    return this.evidence.listFacts(caller, id, query);
  }

  // A literal colon in a route must be escaped for Express 5's path parser.
  @Post('assets\\:batch')
  @HttpCode(200)
  @Authenticated('evidence:write')
  @ApiOkResponse({ type: AssetBatchResultDto, description: "Up to 1,000 assets a tool owns, upserted by (source, externalId)." })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  recordAssets(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() dto: AssetBatchDto): Promise<AssetBatchResultDto> {
    return this.evidence.recordAssets(caller, id, dto);
  }

  @Get('assets')
  @Authenticated('clients:read')
  @ApiOkResponse({ type: AssetPageDto, description: 'From PSA imports and tools alike, by kind then hostname.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  listAssets(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: PageQueryDto): Promise<AssetPageDto> {
    return this.evidence.listAssets(caller, id, query);
  }
}
