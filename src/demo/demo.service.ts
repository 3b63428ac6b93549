import { Injectable } from '@nestjs/common';
import { ApiKeysRepository } from '../api-keys/api-keys.repository.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { type Caller, type Origin, systemOrigin } from '../auth/caller.js';
import { SCOPES } from '../auth/scopes.js';
import { Database } from '../database/database.js';
import type { SyncRunRow, Tenant } from '../database/schema.js';
import { IntegrationsRepository } from '../integrations/integrations.repository.js';
import { IntegrationsService } from '../integrations/integrations.service.js';
import { InventoryRepository } from '../integrations/sync/inventory.repository.js';
import { SyncService } from '../integrations/sync/sync.service.js';
import { ClientsRepository } from '../clients/clients.repository.js';
import { TenantsRepository } from '../tenancy/tenants.repository.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { BaselinesRepository } from '../baselines/baselines.repository.js';
import { BUILTIN_CONTROLS } from '../controls/catalog/builtin-controls.js';
import { FactsRepository } from '../evidence/facts.repository.js';
import { demoEvidence } from './demo-evidence.js';
import { DEMO_BASELINES, DEMO_TENANT_NAME, demoTiers } from './demo-portfolio.js';
import { DemoPsaServer } from './demo-psa.server.js';

export interface DemoAccess {
  tenant: Tenant;
  created: boolean;
  apiKey: string;
  /** The sync from the demo PSA that just ran. */
  sync: SyncRunRow;
  psaUrl: string;
}

const DEMO_KEY_DAYS = 30;
export const DEMO_INTEGRATION_NAME = 'Demo ConnectWise';

@Injectable()
export class DemoService {
  constructor(
    private readonly database: Database,
    private readonly tenantsRepository: TenantsRepository,
    private readonly tenants: TenantsService,
    private readonly apiKeys: ApiKeysService,
    private readonly apiKeysRepository: ApiKeysRepository,
    private readonly integrationsRepository: IntegrationsRepository,
    private readonly integrations: IntegrationsService,
    private readonly sync: SyncService,
    private readonly psa: DemoPsaServer,
    private readonly inventory: InventoryRepository,
    private readonly clients: ClientsRepository,
    private readonly baselines: BaselinesRepository,
    private readonly facts: FactsRepository,
  ) {}

  /**
   * The demo tenant (created on first call), its portfolio freshly synced from the demo PSA, and
   * a new admin key named `keyName`. Keys are stored hashed and cannot be shown again, so each
   * call issues a new one and revokes the previous key of the same name.
   */
  async access(keyName: string, origin: Origin = systemOrigin('demo')): Promise<DemoAccess> {
    let tenant = await this.tenantsRepository.findDemo();
    const created = !tenant;
    tenant ??= await this.tenants.create(origin, { name: DEMO_TENANT_NAME, isDemo: true });
    const caller: Caller = { ...origin, tenantId: tenant.id, scopes: new Set(SCOPES) };

    const { run, psaUrl, integrationId } = await this.syncFromDemoPsa(caller);
    if (created) {
      await this.assignTiers(tenant.id, integrationId);
      await this.seedEvidence(tenant.id, integrationId);
    }
    await this.database.inTenant(tenant.id, (scope) => this.apiKeysRepository.revokeByName(scope, keyName, new Date()));
    const key = await this.apiKeys.create(caller, { name: keyName, scopes: [...SCOPES], expiresAt: new Date(Date.now() + DEMO_KEY_DAYS * 86_400_000) });
    return { tenant, created, apiKey: key.key, sync: run, psaUrl };
  }

  /** Points the demo integration at this process's simulator (its port changes each start) and syncs. */
  private async syncFromDemoPsa(caller: Caller): Promise<{ run: SyncRunRow; psaUrl: string; integrationId: string }> {
    const settings = await this.psa.connectwiseSettings();
    const existing = await this.database.inTenant(caller.tenantId, (scope) => this.integrationsRepository.findByName(scope, DEMO_INTEGRATION_NAME));
    const integration = existing
      ? await this.integrations.update(caller, existing.id, { config: settings.config })
      : await this.integrations.create(caller, { kind: 'connectwise', name: DEMO_INTEGRATION_NAME, ...settings });
    const queued = await this.integrations.queueSync(caller, integration.id, 'full');
    return { run: await this.sync.execute(caller.tenantId, queued.id), psaUrl: String(settings.config.baseUrl), integrationId: integration.id };
  }

  /** Service tiers, seats and notes, as the MSP would set them in Rampart after the first import. */
  private assignTiers(tenantId: string, integrationId: string): Promise<void> {
    const tiers = demoTiers();
    return this.database.inTenant(tenantId, async (scope) => {
      for (const baseline of DEMO_BASELINES) await this.baselines.create(scope, { ...baseline, rule: null, rulePriority: 100 });
      const clientIds = await this.inventory.clientIdsByExternalId(scope, integrationId, [...tiers.keys()]);
      for (const [externalId, clientId] of clientIds) {
        const tier = tiers.get(externalId)!;
        await this.clients.update(scope, clientId, { ...tier, baselineAssignment: tier.baseline ? 'manual' : null }, new Date());
      }
    });
  }

  /** What the MSP's RMM, backup and Microsoft 365 tools would have reported, and a vCIO's attestations. */
  private seedEvidence(tenantId: string, integrationId: string): Promise<void> {
    const tiers = demoTiers();
    const now = new Date();
    return this.database.inTenant(tenantId, async (scope) => {
      const controlIds = new Map((await scope.db.selectFrom('controls').select(['id', 'key']).where('tenantId', 'is', null).execute()).map((row) => [row.key, row.id]));
      const clientIds = await this.inventory.clientIdsByExternalId(scope, integrationId, [...tiers.keys()]);
      for (const [externalId, clientId] of clientIds) {
        const evidence = demoEvidence(Number(externalId), tiers.get(externalId)!.baseline, BUILTIN_CONTROLS, now);
        await this.facts.upsert(scope, clientId, evidence.facts, now);
        const attestations = evidence.attestations.filter((attestation) => controlIds.has(attestation.controlKey));
        if (attestations.length === 0) continue;
        await scope.db
          .insertInto('attestations')
          .values(attestations.map(({ controlKey, ...attestation }) => ({ ...attestation, tenantId, clientId, controlId: controlIds.get(controlKey)!, evidenceUrl: null, createdBy: 'demo' })))
          .execute();
      }
    });
  }
}
