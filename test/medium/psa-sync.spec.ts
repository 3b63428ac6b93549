import { BaselineAssigner } from '../../src/baselines/baseline-assigner.js';
import { BaselinesRepository } from '../../src/baselines/baselines.repository.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/database/database.js';
import { autotaskDefinition } from '../../src/integrations/autotask/index.js';
import type { ConnectorOptions } from '../../src/integrations/connector-definition.js';
import type { ConnectorRegistry } from '../../src/integrations/connector-registry.js';
import { connectwiseDefinition } from '../../src/integrations/connectwise/index.js';
import { halopsaDefinition } from '../../src/integrations/halopsa/index.js';
import { IntegrationsRepository } from '../../src/integrations/integrations.repository.js';
import type { PsaConnector, PsaKind } from '../../src/integrations/psa-connector.js';
import { InventoryRepository } from '../../src/integrations/sync/inventory.repository.js';
import { SyncRunsRepository } from '../../src/integrations/sync/sync-runs.repository.js';
import { SyncService } from '../../src/integrations/sync/sync.service.js';
import { syncroDefinition } from '../../src/integrations/syncro/index.js';
import { FakeAutotask, FAKE_AUTOTASK_USER } from '../fakes/autotask/fake-autotask.js';
import { CONNECTWISE_API_PATH, FAKE_CONNECTWISE_ACCOUNT, FakeConnectwise } from '../../src/demo/psa/fake-connectwise.js';
import { type FakeVendor, FakePsaServer } from '../../src/demo/psa/fake-psa-server.js';
import { FakeHalopsa } from '../fakes/halopsa/fake-halopsa.js';
import { generatePortfolio, type Portfolio } from '../../src/demo/psa/portfolio.js';
import { FakeSyncro, SYNCRO_API_PATH } from '../fakes/syncro/fake-syncro.js';
import { insertTenant } from '../factories/tenants.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Each real connector against its strict fake, through the real sync engine and database: the
 * issue's bar for "done" per vendor.
 */
interface Vendor {
  kind: PsaKind;
  /** Companies enough that the assets listing spans at least three pages at the vendor's page size. */
  companies: number;
  assetsPath: RegExp;
  fake(portfolio: Portfolio): FakeVendor;
  connect(url: string, options: ConnectorOptions): PsaConnector;
  defaultClientTypes: string[];
}

const HALO = { clientId: 'rampart-halo-client', clientSecret: 'halo-secret-value', tenant: 'harbormsp' };
const SYNCRO_KEY = 'T0k3n-syncro-api-key';

const VENDORS: Vendor[] = [
  {
    kind: 'connectwise',
    companies: 700,
    assetsPath: /\/company\/configurations$/,
    fake: (portfolio) => new FakeConnectwise({ portfolio }),
    connect: (url, options) =>
      connectwiseDefinition.create(
        { baseUrl: `${url}${CONNECTWISE_API_PATH}`, companyId: FAKE_CONNECTWISE_ACCOUNT.companyId, clientId: FAKE_CONNECTWISE_ACCOUNT.clientId },
        { publicKey: FAKE_CONNECTWISE_ACCOUNT.publicKey, privateKey: FAKE_CONNECTWISE_ACCOUNT.privateKey },
        options,
      ),
    defaultClientTypes: connectwiseDefinition.defaultClientTypes,
  },
  {
    kind: 'autotask',
    companies: 400,
    assetsPath: /ConfigurationItems\/query/,
    fake: (portfolio) => new FakeAutotask(portfolio),
    connect: (url, options) =>
      autotaskDefinition.create({ baseUrl: url, username: FAKE_AUTOTASK_USER.username, integrationCode: FAKE_AUTOTASK_USER.integrationCode }, { secret: FAKE_AUTOTASK_USER.secret }, options),
    defaultClientTypes: autotaskDefinition.defaultClientTypes,
  },
  {
    kind: 'halopsa',
    companies: 700,
    assetsPath: /\/api\/Asset$/,
    fake: (portfolio) => new FakeHalopsa({ portfolio, ...HALO }),
    connect: (url, options) => halopsaDefinition.create({ baseUrl: url, tenant: HALO.tenant }, { clientId: HALO.clientId, clientSecret: HALO.clientSecret }, options),
    defaultClientTypes: halopsaDefinition.defaultClientTypes,
  },
  {
    kind: 'syncro',
    companies: 30,
    assetsPath: /\/customer_assets$/,
    fake: (portfolio) => new FakeSyncro({ portfolio, apiKey: SYNCRO_KEY }),
    connect: (url, options) => syncroDefinition.create({ baseUrl: `${url}${SYNCRO_API_PATH}` }, { apiKey: SYNCRO_KEY }, options),
    defaultClientTypes: syncroDefinition.defaultClientTypes,
  },
];

let testDb: TestDatabase;
let database: Database;
let server: FakePsaServer | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
});
afterAll(() => testDb.drop());
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe.each(VENDORS)('$kind through the sync engine', (vendor) => {
  it('imports a multi-page portfolio, re-runs without duplicates, picks up a change, and survives a 429 storm and a failure mid-sync', async () => {
    const tenantId = await insertTenant(database);
    const integrationId = randomUUID();
    await database.inTenant(tenantId, (scope) =>
      new IntegrationsRepository(database).create(scope, integrationId, {
        kind: vendor.kind, name: vendor.kind, config: {}, clientTypes: null, clientStatuses: null, includeInactive: false, fieldMapping: {},
        credentialsCiphertext: Buffer.alloc(20), credentialsNonce: Buffer.alloc(12), credentialsKeyId: 'test',
      }),
    );
    let connector: PsaConnector;
    const connectTo = async (portfolio: Portfolio) => {
      await server?.stop();
      server = await FakePsaServer.start(vendor.fake(portfolio));
      connector = vendor.connect(server.url, { sleep: async () => {}, retry: { maxAttempts: 4 } });
    };
    const registry = { connectorFor: () => connector, definition: () => ({ defaultClientTypes: vendor.defaultClientTypes }) } as unknown as ConnectorRegistry;
    const runs = new SyncRunsRepository(database);
    const sync = new SyncService(database, new IntegrationsRepository(database), runs, new InventoryRepository(), registry, new BaselineAssigner(new BaselinesRepository()));
    const runSync = async (mode: 'full' | 'incremental') => {
      const run = await database.inTenant(tenantId, (scope) => runs.create(scope, { integrationId, mode, requestedBy: 'test' }));
      return sync.execute(tenantId, run.id);
    };
    const stored = () =>
      database.inTenant(tenantId, async (scope) => ({
        clients: (await scope.db.selectFrom('clients').select('externalId').execute()).map((row) => row.externalId!),
        assets: await scope.db.selectFrom('assets').select(['externalId', 'raw', 'clientId']).execute(),
      }));

    const portfolio = generatePortfolio({ companies: vendor.companies, contactsPerCompany: 1, assetsPerCompany: 3, seed: 7 });
    await connectTo(portfolio);

    const first = await runSync('full');
    expect(first).toMatchObject({ status: 'succeeded', error: null });
    const afterFirst = await stored();
    expect(afterFirst.clients.length).toBeGreaterThan(0);
    const imported = new Set(afterFirst.clients);
    const expectedAssets = portfolio.assets.filter((asset) => imported.has(String(asset.companyId)));
    expect(afterFirst.assets).toHaveLength(expectedAssets.length);
    expect(server!.requestsTo(vendor.assetsPath).length).toBeGreaterThanOrEqual(3);

    const second = await runSync('full');
    expect(second).toMatchObject({ status: 'succeeded', created: 0, deactivated: 0 });
    const afterSecond = await stored();
    expect(afterSecond.clients.toSorted()).toEqual(afterFirst.clients.toSorted());
    expect(afterSecond.assets).toHaveLength(expectedAssets.length);

    const changed = expectedAssets[0]!;
    const renamed = `RENAMED-${vendor.kind}-HOST`;
    const updatedPortfolio: Portfolio = {
      ...portfolio,
      assets: portfolio.assets.map((asset) => (asset.id === changed.id ? { ...asset, hostname: renamed, updatedAt: new Date(Date.now() + 60_000) } : asset)),
    };
    await connectTo(updatedPortfolio);
    server!.inject({ kind: 'status', status: 429, retryAfterSeconds: 1 }, { times: 3 });
    const incremental = await runSync('incremental');
    expect(incremental).toMatchObject({ status: 'succeeded', created: 0 });
    expect(incremental.changedSince).not.toBeNull();
    const afterIncremental = await stored();
    expect(JSON.stringify(afterIncremental.assets.find((asset) => asset.externalId === String(changed.id))!.raw)).toContain(renamed);
    expect(afterIncremental.assets).toHaveLength(expectedAssets.length);

    let assetPages = 0;
    server!.inject({ kind: 'status', status: 503 }, { times: 100, matches: (request) => vendor.assetsPath.test(request.path) && ++assetPages >= 2 });
    const failed = await runSync('full');
    expect(failed).toMatchObject({ status: 'failed', phase: 'assets', error: expect.stringMatching(/503/) });
    const afterFailure = await stored();
    expect(afterFailure.clients.toSorted()).toEqual(afterFirst.clients.toSorted());
    expect(afterFailure.assets).toHaveLength(expectedAssets.length);

    server!.clearFaults();
    const resumed = await runSync('full');
    expect(resumed).toMatchObject({ status: 'succeeded', created: 0, deactivated: 0 });
    expect((await stored()).assets).toHaveLength(expectedAssets.length);
  }, 60_000);
});
