import { Injectable } from '@nestjs/common';
import { ApiKeysRepository } from '../api-keys/api-keys.repository.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { type Origin, systemOrigin } from '../auth/caller.js';
import { SCOPES } from '../auth/scopes.js';
import { ClientsRepository } from '../clients/clients.repository.js';
import { Database } from '../database/database.js';
import type { Tenant } from '../database/schema.js';
import { TenantsRepository } from '../tenancy/tenants.repository.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { DEMO_TENANT_NAME, demoClients } from './demo-portfolio.js';

export interface DemoAccess {
  tenant: Tenant;
  created: boolean;
  apiKey: string;
}

const DEMO_KEY_DAYS = 30;

@Injectable()
export class DemoService {
  constructor(
    private readonly database: Database,
    private readonly tenantsRepository: TenantsRepository,
    private readonly tenants: TenantsService,
    private readonly clients: ClientsRepository,
    private readonly apiKeys: ApiKeysService,
    private readonly apiKeysRepository: ApiKeysRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * The demo tenant with its portfolio (created on first call) and a fresh admin key named
   * `keyName`. Keys are stored hashed and cannot be shown again, so each call issues a new one and
   * revokes the previous key of the same name.
   */
  async access(keyName: string, origin: Origin = systemOrigin('demo')): Promise<DemoAccess> {
    let tenant = await this.tenantsRepository.findDemo();
    const created = !tenant;
    if (!tenant) {
      tenant = await this.tenants.create(origin, { name: DEMO_TENANT_NAME, isDemo: true });
      await this.seedPortfolio(tenant.id, origin);
    }
    await this.database.inTenant(tenant.id, (scope) => this.apiKeysRepository.revokeByName(scope, keyName, new Date()));
    const key = await this.apiKeys.create(
      { ...origin, tenantId: tenant.id, scopes: new Set(SCOPES) },
      { name: keyName, scopes: [...SCOPES], expiresAt: new Date(Date.now() + DEMO_KEY_DAYS * 86_400_000) },
    );
    return { tenant, created, apiKey: key.key };
  }

  private seedPortfolio(tenantId: string, origin: Origin): Promise<void> {
    return this.database.inTenant(tenantId, async (scope) => {
      for (const client of demoClients()) {
        await this.clients.create(scope, client);
      }
      await this.audit.record(scope, origin, { action: 'demo.seeded', details: { clients: demoClients().length } });
    });
  }
}
