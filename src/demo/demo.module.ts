import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [TenancyModule, ApiKeysModule, ClientsModule, AuditModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
