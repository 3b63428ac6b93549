import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module.js';
import { ControlCatalogModule } from '../controls/control-catalog.module.js';
import { ExceptionsController } from './exceptions.controller.js';
import { ExceptionsRepository } from './exceptions.repository.js';
import { ExceptionsService } from './exceptions.service.js';

@Module({
  imports: [AuditModule, ControlCatalogModule],
  controllers: [ExceptionsController],
  providers: [ExceptionsRepository, ExceptionsService],
  exports: [ExceptionsRepository],
})
export class ExceptionsModule {}
