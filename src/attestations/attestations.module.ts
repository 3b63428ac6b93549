import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module.js';
import { ControlCatalogModule } from '../controls/control-catalog.module.js';
import { AttestationsController } from './attestations.controller.js';
import { AttestationsRepository } from './attestations.repository.js';
import { AttestationsService } from './attestations.service.js';

@Module({
  imports: [AuditModule, ControlCatalogModule],
  controllers: [AttestationsController],
  providers: [AttestationsRepository, AttestationsService],
})
export class AttestationsModule {}
