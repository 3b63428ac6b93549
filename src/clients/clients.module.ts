import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { BaselinesModule } from '../baselines/baselines.module.js';
import { ClientsController } from './clients.controller.js';
import { ClientsRepository } from './clients.repository.js';
import { ClientsService } from './clients.service.js';

@Module({
  imports: [AuditModule, BaselinesModule],
  controllers: [ClientsController],
  providers: [ClientsRepository, ClientsService],
  exports: [ClientsRepository],
})
export class ClientsModule {}
