import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { uuidParam } from '../common/validation/decorators.js';
import {
  ConnectionTestResponseDto,
  IntegrationCreateDto,
  IntegrationPageDto,
  IntegrationResponseDto,
  IntegrationUpdateDto,
  SyncRequestDto,
  SyncRunPageDto,
  SyncRunResponseDto,
} from './dto/integration.dto.js';
import { IntegrationsService } from './integrations.service.js';

@ApiTags('Integrations')
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Post()
  @Authenticated('integrations:write')
  @ApiCreatedResponse({ type: IntegrationResponseDto, description: 'Credentials are stored encrypted and never returned.' })
  @ApiConflictResponse({ type: ErrorResponseDto })
  create(@Auth() caller: Caller, @Body() dto: IntegrationCreateDto): Promise<IntegrationResponseDto> {
    return this.integrations.create(caller, dto);
  }

  @Get()
  @Authenticated('integrations:read')
  @ApiOkResponse({ type: IntegrationPageDto })
  list(@Auth() caller: Caller, @Query() query: PageQueryDto): Promise<IntegrationPageDto> {
    return this.integrations.list(caller, query);
  }

  @Get(':id')
  @Authenticated('integrations:read')
  @ApiOkResponse({ type: IntegrationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<IntegrationResponseDto> {
    return this.integrations.get(caller, id);
  }

  @Patch(':id')
  @Authenticated('integrations:write')
  @ApiOkResponse({ type: IntegrationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() dto: IntegrationUpdateDto): Promise<IntegrationResponseDto> {
    return this.integrations.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('integrations:write')
  @ApiNoContentResponse({ description: 'Imported clients stay, no longer linked to the integration.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  delete(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.integrations.delete(caller, id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @Authenticated('integrations:write')
  @ApiOkResponse({ type: ConnectionTestResponseDto, description: '`ok: false` with the vendor\'s error when the PSA refuses.' })
  test(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<ConnectionTestResponseDto> {
    return this.integrations.testConnection(caller, id);
  }

  @Post(':id/sync')
  @HttpCode(202)
  @Authenticated('integrations:write')
  @ApiAcceptedResponse({ type: SyncRunResponseDto, description: 'Queued; poll GET /integrations/:id/sync-runs/:runId.' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A sync of this integration is already queued or running.' })
  sync(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() dto: SyncRequestDto): Promise<SyncRunResponseDto> {
    return this.integrations.requestSync(caller, id, dto.mode ?? 'incremental');
  }

  @Get(':id/sync-runs')
  @Authenticated('integrations:read')
  @ApiOkResponse({ type: SyncRunPageDto, description: 'Newest first.' })
  syncRuns(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Query() query: PageQueryDto): Promise<SyncRunPageDto> {
    return this.integrations.listSyncRuns(caller, id, query);
  }

  @Get(':id/sync-runs/:runId')
  @Authenticated('integrations:read')
  @ApiOkResponse({ type: SyncRunResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  syncRun(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Param('runId', uuidParam('runId')) runId: string): Promise<SyncRunResponseDto> {
    return this.integrations.getSyncRun(caller, id, runId);
  }
}
