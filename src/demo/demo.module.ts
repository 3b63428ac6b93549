import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { BaselinesModule } from '../baselines/baselines.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { FactsRepository } from '../evidence/facts.repository.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { DemoPsaServer } from './demo-psa.server.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [TenancyModule, ApiKeysModule, IntegrationsModule, ClientsModule, BaselinesModule],
  providers: [DemoPsaServer, DemoService, FactsRepository],
  exports: [DemoService],
})
export class DemoModule {}
