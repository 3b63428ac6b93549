import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { DemoPsaServer } from './demo-psa.server.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [TenancyModule, ApiKeysModule, IntegrationsModule, ClientsModule],
  providers: [DemoPsaServer, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
