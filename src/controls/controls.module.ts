import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module.js';
import { ExceptionsModule } from '../exceptions/exceptions.module.js';
import { ControlCatalogModule } from './control-catalog.module.js';
import { ControlsController } from './controls.controller.js';
import { ControlsService } from './controls.service.js';
import { ClientEvaluationService } from './engine/client-evaluation.service.js';
import { ClientEvidenceRepository } from './engine/client-evidence.repository.js';

@Module({
  imports: [AuditModule, ControlCatalogModule, ExceptionsModule],
  controllers: [ControlsController],
  providers: [ClientEvidenceRepository, ClientEvaluationService, ControlsService],
  exports: [ClientEvaluationService],
})
export class ControlsModule {}
