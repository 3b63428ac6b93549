import { BaselineAssigner } from '../../src/baselines/baseline-assigner.js';
import { BaselinesRepository } from '../../src/baselines/baselines.repository.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/database/database.js';
import type { ConnectorRegistry } from '../../src/integrations/connector-registry.js';
import { PsaUnavailableError } from '../../src/integrations/errors.js';
import { IntegrationsRepository } from '../../src/integrations/integrations.repository.js';
import type { NormalizedAsset, NormalizedCompany, NormalizedContact, PsaConnector, SyncWindow } from '../../src/integrations/psa-connector.js';
import { InventoryRepository } from '../../src/integrations/sync/inventory.repository.js';
import { SyncRunsRepository } from '../../src/integrations/sync/sync-runs.repository.js';
import { INCREMENTAL_OVERLAP_MS, SyncService } from '../../src/integrations/sync/sync.service.js';
import { insertTenant } from '../factories/tenants.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A PSA in memory: the sync engine's rules, tested apart from any vendor's wire format. */
class MemoryPsa implements PsaConnector {
  readonly kind = 'connectwise' as const;
  companies$: NormalizedCompany[] = [];
  contacts$: NormalizedContact[] = [];
  assets$: NormalizedAsset[] = [];
  windows: SyncWindow[] = [];
  /** Throw on this page number of the assets listing (1-based), once. */
  failAssetsAtPage: number | undefined;
  pageSize = 2;

  async testConnection() {
    return { detail: 'memory' };
  }
  companies(window: SyncWindow) {
    this.windows.push(window);
    return this.paged(this.companies$, window);
  }
  contacts(window: SyncWindow) {
    return this.paged(this.contacts$, window);
  }
  async *assets(window: SyncWindow): AsyncIterable<NormalizedAsset[]> {
    let page = 0;
    for await (const records of this.paged(this.assets$, window)) {
      page += 1;
      if (page === this.failAssetsAtPage) {
        this.failAssetsAtPage = undefined;
        throw new PsaUnavailableError('MemoryPSA server error (503): maintenance');
      }
      yield records;
    }
  }
  private async *paged<T extends { updatedAt: Date | null }>(records: T[], window: SyncWindow): AsyncIterable<T[]> {
    const changed = records.filter((record) => !window.changedSince || (record.updatedAt && record.updatedAt >= window.changedSince));
    for (let index = 0; index < changed.length; index += this.pageSize) yield changed.slice(index, index + this.pageSize);
  }
}

const company = (id: string, overrides: Partial<NormalizedCompany> = {}): NormalizedCompany => ({
  externalId: id, name: `Company ${id}`, types: ['Client'], customFields: {}, status: 'Active', active: true, domains: [`c${id}.example`], updatedAt: new Date('2026-01-01'), raw: { id }, ...overrides,
});
const contact = (id: string, companyId: string): NormalizedContact => ({
  externalId: id, companyExternalId: companyId, firstName: 'Ana', lastName: `L${id}`, email: `${id}@x.example`, phone: null, title: null, active: true, updatedAt: new Date('2026-01-01'), raw: {},
});
const asset = (id: string, companyId: string, overrides: Partial<NormalizedAsset> = {}): NormalizedAsset => ({
  externalId: id, companyExternalId: companyId, kind: 'workstation', name: `WS-${id}`, hostname: `WS-${id}`, serialNumber: null, osName: 'Windows 11', osVersion: '23H2',
  lastSeenAt: null, antivirusProduct: null, antivirusStatus: null, patchStatus: null, missingPatches: null, diskEncrypted: true, warrantyEndsAt: null, lastBackupAt: null,
  active: true, updatedAt: new Date('2026-01-01'), raw: {}, ...overrides,
});

let testDb: TestDatabase;
let database: Database;
let psa: MemoryPsa;
let sync: SyncService;
let runs: SyncRunsRepository;
let tenant: string;
let otherTenant: string;
let integrationId: string;

async function createIntegration(tenantId: string): Promise<string> {
  const id = randomUUID();
  await database.inTenant(tenantId, (scope) =>
    new IntegrationsRepository(database).create(scope, id, {
      kind: 'connectwise', name: `PSA ${id.slice(0, 6)}`, config: { baseUrl: 'http://127.0.0.1:1' }, clientTypes: null, clientStatuses: null, includeInactive: false, fieldMapping: {},
      credentialsCiphertext: Buffer.alloc(20), credentialsNonce: Buffer.alloc(12), credentialsKeyId: 'test',
    }),
  );
  return id;
}

async function runSync(mode: 'incremental' | 'full', tenantId = tenant, integration = integrationId) {
  const run = await database.inTenant(tenantId, (scope) => runs.create(scope, { integrationId: integration, mode, requestedBy: 'test' }));
  return sync.execute(tenantId, run.id);
}

const inventory = (tenantId = tenant) =>
  database.inTenant(tenantId, async (scope) => ({
    clients: await scope.db.selectFrom('clients').select(['externalId', 'status', 'name']).where('integrationId', 'is not', null).orderBy('externalId').execute(),
    contacts: await scope.db.selectFrom('contacts').select(['externalId', 'active']).orderBy('externalId').execute(),
    assets: await scope.db.selectFrom('assets').select(['externalId', 'active', 'diskEncrypted']).orderBy('externalId').execute(),
  }));

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  runs = new SyncRunsRepository(database);
});
afterAll(() => testDb.drop());

beforeEach(async () => {
  tenant = await insertTenant(database);
  otherTenant = await insertTenant(database);
  integrationId = await createIntegration(tenant);
  psa = new MemoryPsa();
  psa.companies$ = [company('1'), company('2'), company('3'), company('4', { types: ['Vendor'] }), company('5', { active: false })];
  psa.contacts$ = [contact('c1', '1'), contact('c2', '2'), contact('c4', '4')];
  psa.assets$ = [asset('a1', '1'), asset('a2', '1'), asset('a3', '2'), asset('a4', '3'), asset('a5', '4')];
  const registry = { connectorFor: () => psa, definition: () => ({ defaultClientTypes: ['Client'] }) } as unknown as ConnectorRegistry;
  sync = new SyncService(database, new IntegrationsRepository(database), runs, new InventoryRepository(), registry, new BaselineAssigner(new BaselinesRepository()));
});

describe('PSA sync engine', () => {
  it('imports active client-type companies with their contacts and assets, page by page', async () => {
    const run = await runSync('full');
    expect(run).toMatchObject({ status: 'succeeded', created: 3 + 2 + 4, updated: 0, skipped: 2 + 1 + 1, error: null });
    expect(run.pages).toBe(3 + 2 + 3 + 1);
    const stored = await inventory();
    expect(stored.clients.map((client) => client.externalId)).toEqual(['1', '2', '3']);
    expect(stored.contacts.map((row) => row.externalId)).toEqual(['c1', 'c2']);
    expect(stored.assets.map((row) => row.externalId)).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('re-running changes nothing and duplicates nothing', async () => {
    await runSync('full');
    const again = await runSync('full');
    expect(again).toMatchObject({ status: 'succeeded', created: 0, updated: 9, deactivated: 0 });
    const stored = await inventory();
    expect(stored.clients).toHaveLength(3);
    expect(stored.assets).toHaveLength(4);
  });

  it('incremental asks only for changes since the last successful sync, less the overlap', async () => {
    const first = await runSync('full');
    psa.assets$[0] = asset('a1', '1', { diskEncrypted: false, updatedAt: new Date(Date.now() + 1000) });
    const second = await runSync('incremental');
    expect(psa.windows[1]!.changedSince!.getTime()).toBe(first.startedAt!.getTime() - INCREMENTAL_OVERLAP_MS);
    expect(second).toMatchObject({ status: 'succeeded', created: 0, updated: 1 });
    expect((await inventory()).assets.find((row) => row.externalId === 'a1')!.diskEncrypted).toBe(false);
  });

  it('a full sync marks what vanished from the PSA inactive, never deleting it', async () => {
    await runSync('full');
    psa.companies$ = psa.companies$.filter((row) => row.externalId !== '3');
    psa.assets$ = psa.assets$.filter((row) => row.externalId !== 'a2' && row.externalId !== 'a4');
    const run = await runSync('full');
    expect(run.deactivated).toBe(1 + 2);
    const stored = await inventory();
    expect(stored.clients.find((client) => client.externalId === '3')!.status).toBe('inactive');
    expect(stored.assets.filter((row) => !row.active).map((row) => row.externalId)).toEqual(['a2', 'a4']);
  });

  it('a company that stops being a client is deactivated even by an incremental sync', async () => {
    await runSync('full');
    psa.companies$[1] = company('2', { types: ['Prospect'], updatedAt: new Date(Date.now() + 1000) });
    const run = await runSync('incremental');
    expect(run.deactivated).toBe(1);
    expect((await inventory()).clients.find((client) => client.externalId === '2')!.status).toBe('inactive');
  });

  it('a sync that fails part way keeps what it stored, records the vendor error, and the next run resumes', async () => {
    psa.failAssetsAtPage = 2;
    const failed = await runSync('full');
    expect(failed).toMatchObject({ status: 'failed', error: 'MemoryPSA server error (503): maintenance', phase: 'assets' });
    const partial = await inventory();
    expect(partial.clients).toHaveLength(3);
    expect(partial.assets.map((row) => row.externalId)).toEqual(['a1', 'a2']);
    const integration = await database.inTenant(tenant, (scope) => new IntegrationsRepository(database).findById(scope, integrationId));
    expect(integration!.syncedThrough).toBeNull();

    const resumed = await runSync('incremental');
    expect(resumed.status).toBe('succeeded');
    expect(psa.windows.at(-1)).toEqual({});
    expect((await inventory()).assets).toHaveLength(4);
  });

  it('allows one active run per integration', async () => {
    await database.inTenant(tenant, (scope) => runs.create(scope, { integrationId, mode: 'full', requestedBy: 'test' }));
    await expect(database.inTenant(tenant, (scope) => runs.create(scope, { integrationId, mode: 'full', requestedBy: 'test' }))).rejects.toThrow(/already queued or running/);
  });

  it('never touches another tenant\'s rows', async () => {
    const otherIntegration = await createIntegration(otherTenant);
    await runSync('full', otherTenant, otherIntegration);
    await runSync('full');
    psa.companies$ = [];
    psa.assets$ = [];
    psa.contacts$ = [];
    await runSync('full');
    const other = await inventory(otherTenant);
    expect(other.clients.every((client) => client.status === 'active')).toBe(true);
    expect(other.assets.every((row) => row.active)).toBe(true);
    expect((await inventory()).clients.every((client) => client.status === 'inactive')).toBe(true);
  });

  it('marks runs whose process died as failed, so the integration can sync again', async () => {
    const stale = await database.inTenant(tenant, (scope) => runs.create(scope, { integrationId, mode: 'full', requestedBy: 'test' }));
    expect(await runs.failAbandoned(10 * 60_000, new Date(Date.now() + 11 * 60_000))).toBeGreaterThanOrEqual(1);
    const row = await database.inTenant(tenant, (scope) => runs.findById(scope, stale.id));
    expect(row).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted/) });
  });
});
