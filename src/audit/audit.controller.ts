import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { AuditService } from './audit.service.js';
import { AuditListQueryDto, AuditPageDto } from './dto/audit.dto.js';

@ApiTags('Audit log')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated('audit:read')
  @ApiOkResponse({ type: AuditPageDto, description: 'Newest first.' })
  list(@Auth() caller: Caller, @Query() query: AuditListQueryDto): Promise<AuditPageDto> {
    return this.audit.list(caller, query);
  }
}
