import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { uuidParam } from '../common/validation/decorators.js';
import { BaselinesService } from './baselines.service.js';
import { BaselineCreateDto, BaselineListDto, BaselineResponseDto, BaselineUpdateDto } from './dto/baseline.dto.js';

@ApiTags('Baselines')
@Controller('baselines')
export class BaselinesController {
  constructor(private readonly baselines: BaselinesService) {}

  @Get()
  @Authenticated('controls:read')
  @ApiOkResponse({ type: BaselineListDto })
  list(@Auth() caller: Caller): Promise<BaselineListDto> {
    return this.baselines.list(caller);
  }

  @Post()
  @Authenticated('controls:write')
  @ApiCreatedResponse({ type: BaselineResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  create(@Auth() caller: Caller, @Body() dto: BaselineCreateDto): Promise<BaselineResponseDto> {
    return this.baselines.create(caller, dto);
  }

  @Get(':id')
  @Authenticated('controls:read')
  @ApiOkResponse({ type: BaselineResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<BaselineResponseDto> {
    return this.baselines.get(caller, id);
  }

  @Patch(':id')
  @Authenticated('controls:write')
  @ApiOkResponse({ type: BaselineResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() dto: BaselineUpdateDto): Promise<BaselineResponseDto> {
    return this.baselines.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('controls:write')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  delete(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.baselines.delete(caller, id);
  }
}
