import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module.js';
import { BaselineAssigner } from './baseline-assigner.js';
import { BaselinesController } from './baselines.controller.js';
import { BaselinesRepository } from './baselines.repository.js';
import { BaselinesService } from './baselines.service.js';

@Module({
  imports: [AuditModule],
  controllers: [BaselinesController],
  providers: [BaselinesRepository, BaselineAssigner, BaselinesService],
  exports: [BaselinesRepository, BaselineAssigner],
})
export class BaselinesModule {}
