import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { AttestationsService } from './attestations.service.js';
import { AttestationCreateDto, AttestationListQueryDto, AttestationPageDto, AttestationResponseDto } from './dto/attestation.dto.js';

@ApiTags('Attestations')
@Controller('attestations')
export class AttestationsController {
  constructor(private readonly attestations: AttestationsService) {}

  @Get()
  @Authenticated('controls:read')
  @ApiOkResponse({ type: AttestationPageDto })
  list(@Auth() caller: Caller, @Query() query: AttestationListQueryDto): Promise<AttestationPageDto> {
    return this.attestations.list(caller, query);
  }

  @Post()
  @Authenticated('attestations:write')
  @ApiCreatedResponse({ type: AttestationResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  create(@Auth() caller: Caller, @Body() dto: AttestationCreateDto): Promise<AttestationResponseDto> {
    return this.attestations.create(caller, dto);
  }
}
