import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { TenantSettingsController } from './tenant-settings.controller.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';

@Module({
  imports: [AuditModule],
  controllers: [TenantSettingsController],
  providers: [TenantsRepository, TenantsService],
  exports: [TenantsRepository, TenantsService],
})
export class TenancyModule {}
