import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module.js';
import { ControlCatalogModule } from '../controls/control-catalog.module.js';
import { FrameworksController } from './frameworks.controller.js';
import { FrameworksRepository } from './frameworks.repository.js';
import { FrameworksService } from './frameworks.service.js';

@Module({
  imports: [AuditModule, ControlCatalogModule],
  controllers: [FrameworksController],
  providers: [FrameworksRepository, FrameworksService],
})
export class FrameworksModule {}
