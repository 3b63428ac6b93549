import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceService } from './evidence.service.js';
import { FactsRepository } from './facts.repository.js';

@Module({
  imports: [AuditModule, ClientsModule, IntegrationsModule],
  controllers: [EvidenceController],
  providers: [FactsRepository, EvidenceService],
  exports: [EvidenceService],
})
export class EvidenceModule {}
