import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { BaselinesModule } from '../baselines/baselines.module.js';
import { CONNECTOR_OPTIONS, ConnectorRegistry } from './connector-registry.js';
import { CredentialsVault } from './credentials/credentials.vault.js';
import { IntegrationsController } from './integrations.controller.js';
import { IntegrationsRepository } from './integrations.repository.js';
import { IntegrationsService } from './integrations.service.js';
import { InventoryRepository } from './sync/inventory.repository.js';
import { SyncRunsRepository } from './sync/sync-runs.repository.js';
import { SyncService } from './sync/sync.service.js';

@Module({
  imports: [AuditModule, BaselinesModule],
  controllers: [IntegrationsController],
  providers: [
    IntegrationsRepository,
    SyncRunsRepository,
    InventoryRepository,
    CredentialsVault,
    ConnectorRegistry,
    { provide: CONNECTOR_OPTIONS, useValue: {} },
    SyncService,
    IntegrationsService,
  ],
  exports: [IntegrationsService, IntegrationsRepository, SyncService, SyncRunsRepository, InventoryRepository],
})
export class IntegrationsModule {}
