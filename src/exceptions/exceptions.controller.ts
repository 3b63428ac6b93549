import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { uuidParam } from '../common/validation/decorators.js';
import { ExceptionCreateDto, ExceptionListQueryDto, ExceptionPageDto, ExceptionResponseDto } from './dto/exception.dto.js';
import { ExceptionsService } from './exceptions.service.js';

/** Accepted risks: a control that fails for a client on purpose, with an owner and an end date. */
@ApiTags('Exceptions')
@Controller('exceptions')
export class ExceptionsController {
  constructor(private readonly exceptions: ExceptionsService) {}

  @Get()
  @Authenticated('controls:read')
  @ApiOkResponse({ type: ExceptionPageDto })
  list(@Auth() caller: Caller, @Query() query: ExceptionListQueryDto): Promise<ExceptionPageDto> {
    return this.exceptions.list(caller, query);
  }

  @Post()
  @Authenticated('exceptions:write')
  @ApiCreatedResponse({ type: ExceptionResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  create(@Auth() caller: Caller, @Body() dto: ExceptionCreateDto): Promise<ExceptionResponseDto> {
    return this.exceptions.create(caller, dto);
  }

  @Get(':id')
  @Authenticated('controls:read')
  @ApiOkResponse({ type: ExceptionResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<ExceptionResponseDto> {
    return this.exceptions.get(caller, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('exceptions:write')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  delete(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.exceptions.delete(caller, id);
  }
}
