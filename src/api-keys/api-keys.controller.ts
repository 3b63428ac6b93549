import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { uuidParam } from '../common/validation/decorators.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyCreateDto, ApiKeyCreatedDto, ApiKeyPageDto, ApiKeyResponseDto } from './dto/api-key.dto.js';

@ApiTags('API keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Authenticated('api_keys:write')
  @ApiCreatedResponse({ type: ApiKeyCreatedDto, description: 'The key, shown this once.' })
  create(@Auth() caller: Caller, @Body() dto: ApiKeyCreateDto): Promise<ApiKeyCreatedDto> {
    return this.apiKeys.create(caller, { name: dto.name, scopes: dto.scopes, expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : undefined });
  }

  @Get()
  @Authenticated('api_keys:read')
  @ApiOkResponse({ type: ApiKeyPageDto })
  list(@Auth() caller: Caller, @Query() query: PageQueryDto): Promise<ApiKeyPageDto> {
    return this.apiKeys.list(caller, query);
  }

  @Get(':id')
  @Authenticated('api_keys:read')
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<ApiKeyResponseDto> {
    return this.apiKeys.get(caller, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('api_keys:write')
  @ApiNoContentResponse({ description: 'Revoked; requests with the key fail from now on.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  revoke(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.apiKeys.revoke(caller, id);
  }
}
