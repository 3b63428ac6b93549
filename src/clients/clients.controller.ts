import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { uuidParam } from '../common/validation/decorators.js';
import { ClientsService } from './clients.service.js';
import { ClientCreateDto, ClientListQueryDto, ClientPageDto, ClientResponseDto, ClientUpdateDto } from './dto/client.dto.js';

@ApiTags('Clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Authenticated('clients:read')
  @ApiOkResponse({ type: ClientPageDto })
  list(@Auth() caller: Caller, @Query() query: ClientListQueryDto): Promise<ClientPageDto> {
    return this.clients.list(caller, query);
  }

  @Post()
  @Authenticated('clients:write')
  @ApiCreatedResponse({ type: ClientResponseDto })
  create(@Auth() caller: Caller, @Body() dto: ClientCreateDto): Promise<ClientResponseDto> {
    return this.clients.create(caller, dto);
  }

  @Get(':id')
  @Authenticated('clients:read')
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<ClientResponseDto> {
    return this.clients.get(caller, id);
  }

  @Patch(':id')
  @Authenticated('clients:write')
  @ApiOkResponse({ type: ClientResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@Auth() caller: Caller, @Param('id', uuidParam()) id: string, @Body() dto: ClientUpdateDto): Promise<ClientResponseDto> {
    return this.clients.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('clients:write')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  delete(@Auth() caller: Caller, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.clients.delete(caller, id);
  }
}
