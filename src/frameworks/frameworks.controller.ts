import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { FrameworkCreateDto, FrameworkDetailDto, FrameworkListDto, MappingInputDto, MappingResultDto } from './dto/framework.dto.js';
import { FrameworksService } from './frameworks.service.js';

/** `:id` is a framework's UUID or its key (`cis-v8-ig1`). */
@ApiTags('Frameworks')
@Controller('frameworks')
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  @Get()
  @Authenticated('controls:read')
  @ApiOkResponse({ type: FrameworkListDto })
  list(@Auth() caller: Caller): Promise<FrameworkListDto> {
    return this.frameworks.list(caller);
  }

  @Post()
  @Authenticated('controls:write')
  @ApiCreatedResponse({ type: FrameworkDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  create(@Auth() caller: Caller, @Body() dto: FrameworkCreateDto): Promise<FrameworkDetailDto> {
    return this.frameworks.create(caller, dto);
  }

  @Get(':id')
  @Authenticated('controls:read')
  @ApiOkResponse({ type: FrameworkDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id') id: string): Promise<FrameworkDetailDto> {
    return this.frameworks.get(caller, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('controls:write')
  @ApiNoContentResponse()
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  delete(@Auth() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.frameworks.delete(caller, id);
  }

  @Post(':id/mappings')
  @HttpCode(200)
  @Authenticated('controls:write')
  @ApiOkResponse({ type: MappingResultDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  addMappings(@Auth() caller: Caller, @Param('id') id: string, @Body() dto: MappingInputDto): Promise<MappingResultDto> {
    return this.frameworks.addMappings(caller, id, dto);
  }
}
