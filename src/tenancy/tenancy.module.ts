import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { TenantSettingsController } from './tenant-settings.controller.js';
import { TenantSettingsService } from './tenant-settings.service.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';

@Module({
  imports: [AuditModule],
  controllers: [TenantSettingsController],
  providers: [TenantsRepository, TenantsService, TenantSettingsService],
  exports: [TenantsRepository, TenantsService],
})
export class TenancyModule {}
