import { BaselineAssigner } from '../src/baselines/baseline-assigner.js';
import { BaselinesRepository } from '../src/baselines/baselines.repository.js';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ConnectorRegistry } from '../src/integrations/connector-registry.js';
import { connectwiseDefinition } from '../src/integrations/connectwise/index.js';
import { IntegrationsRepository } from '../src/integrations/integrations.repository.js';
import { InventoryRepository } from '../src/integrations/sync/inventory.repository.js';
import { SyncRunsRepository } from '../src/integrations/sync/sync-runs.repository.js';
import { SyncService } from '../src/integrations/sync/sync.service.js';
import { CONNECTWISE_API_PATH, FAKE_CONNECTWISE_ACCOUNT } from '../src/demo/psa/fake-connectwise.js';
import { insertTenant } from '../test/factories/tenants.js';
import { createTestDatabase } from '../test/support/test-database.js';

/**
 * Full import of a large ConnectWise portfolio (default 5,000 companies, 10,000 contacts,
 * 100,000 configurations) through the real connector, sync engine and database (PGlite, or the
 * PostgreSQL that DATABASE_URL names). Reports wall time, peak memory of this process, and requests
 * made against the fewest pages that could carry the data.
 */
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 5000);
const CONTACTS_PER_COMPANY = 2;
const ASSETS_PER_COMPANY = Number(process.env.BENCH_ASSETS_PER_COMPANY ?? 20);
const PAGE_SIZE = 1000;

const here = path.dirname(fileURLToPath(import.meta.url));
const fake = spawn(process.execPath, [path.join(here, 'fake-connectwise.server.js'), String(COMPANIES), String(CONTACTS_PER_COMPANY), String(ASSETS_PER_COMPANY)], { stdio: ['ignore', 'pipe', 'inherit'] });
const announced = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: fake.stdout! }).once('line', resolve))) as { url: string; companies: number; contacts: number; assets: number };

const testDb = await createTestDatabase();
const { database } = testDb;
try {
  const tenantId = await insertTenant(database, 'Bench MSP');
  const integrationId = randomUUID();
  await database.inTenant(tenantId, (scope) =>
    new IntegrationsRepository(database).create(scope, integrationId, {
      kind: 'connectwise', name: 'bench', config: {}, clientTypes: [], clientStatuses: null, includeInactive: true, fieldMapping: {},
      credentialsCiphertext: Buffer.alloc(20), credentialsNonce: Buffer.alloc(12), credentialsKeyId: 'bench',
    }),
  );
  const connector = connectwiseDefinition.create(
    { baseUrl: `${announced.url}${CONNECTWISE_API_PATH}`, companyId: FAKE_CONNECTWISE_ACCOUNT.companyId, clientId: FAKE_CONNECTWISE_ACCOUNT.clientId },
    { publicKey: FAKE_CONNECTWISE_ACCOUNT.publicKey, privateKey: FAKE_CONNECTWISE_ACCOUNT.privateKey },
  );
  const registry = { connectorFor: () => connector, definition: () => connectwiseDefinition } as unknown as ConnectorRegistry;
  const runs = new SyncRunsRepository(database);
  const sync = new SyncService(database, new IntegrationsRepository(database), runs, new InventoryRepository(), registry, new BaselineAssigner(new BaselinesRepository()));

  const run = await database.inTenant(tenantId, (scope) => runs.create(scope, { integrationId, mode: 'full', requestedBy: 'bench' }));
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const finished = await sync.execute(tenantId, run.id);
  const seconds = (performance.now() - started) / 1000;
  const { requests } = (await (await fetch(`${announced.url}/__bench/requests`)).json()) as { requests: number };
  const stored = await database.inTenant(tenantId, async (scope) => ({
    clients: Number((await scope.db.selectFrom('clients').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    contacts: Number((await scope.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    assets: Number((await scope.db.selectFrom('assets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  }));
  const minimumPages = [announced.companies, announced.contacts, announced.assets].reduce((sum, count) => sum + Math.ceil(count / PAGE_SIZE), 0);
  const records = announced.companies + announced.contacts + announced.assets;

  const report = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    database: testDb.url ? 'PostgreSQL' : 'PGlite (in memory)',
    portfolio: { companies: announced.companies, contacts: announced.contacts, configurations: announced.assets },
    run: { status: finished.status, error: finished.error, created: finished.created, pages: finished.pages },
    stored,
    wallSeconds: Number(seconds.toFixed(1)),
    recordsPerSecond: Math.round(records / seconds),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeSyncMiB: Math.round(rssBefore / 2 ** 20),
    requests,
    minimumPages,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (finished.status !== 'succeeded' || stored.assets !== announced.assets) process.exitCode = 1;
} finally {
  fake.kill('SIGTERM');
  await testDb.drop();
}
