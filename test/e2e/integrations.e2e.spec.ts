import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { Database } from '../../src/database/database.js';
import { CONNECTWISE_API_PATH, FAKE_CONNECTWISE_ACCOUNT, FakeConnectwise } from '../../src/demo/psa/fake-connectwise.js';
import { FakePsaServer } from '../../src/demo/psa/fake-psa-server.js';
import { generatePortfolio } from '../../src/demo/psa/portfolio.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let psa: FakePsaServer;
let msp: TenantWithKey;
let other: TenantWithKey;
const logLines: string[] = [];
const portfolio = generatePortfolio({ companies: 40, contactsPerCompany: 1, assetsPerCompany: 2 });
const clientCompanies = portfolio.companies.filter((company) => company.type === 'client' && company.active);

beforeAll(async () => {
  psa = await FakePsaServer.start(new FakeConnectwise({ portfolio }));
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database, logs, env: { LOG_LEVEL: 'debug', RAMPART_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` } });
  msp = await tenantWithKey(app, 'PSA MSP');
  other = await tenantWithKey(app, 'Other MSP');
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
  await psa.stop();
});

const api = () => request(app.getHttpServer());
const as = (who: TenantWithKey) => ({ Authorization: `Bearer ${who.key}` });
const connectwise = (overrides: Record<string, unknown> = {}) => ({
  kind: 'connectwise',
  name: 'ConnectWise',
  config: { baseUrl: `${psa.url}${CONNECTWISE_API_PATH}`, companyId: FAKE_CONNECTWISE_ACCOUNT.companyId, clientId: FAKE_CONNECTWISE_ACCOUNT.clientId },
  credentials: { publicKey: FAKE_CONNECTWISE_ACCOUNT.publicKey, privateKey: FAKE_CONNECTWISE_ACCOUNT.privateKey },
  ...overrides,
});

async function waitForRun(integrationId: string, runId: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const run = await api().get(`/api/v1/integrations/${integrationId}/sync-runs/${runId}`).set(as(msp)).expect(200);
    if (run.body.status === 'succeeded' || run.body.status === 'failed') return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('sync did not finish');
}

describe('integrations API', () => {
  let integrationId: string;

  it('connects a PSA, keeping the credentials encrypted and out of every response', async () => {
    const created = await api().post('/api/v1/integrations').set(as(msp)).send(connectwise()).expect(201);
    integrationId = created.body.id;
    expect(created.body).toMatchObject({ kind: 'connectwise', name: 'ConnectWise', credentialsKeyId: 'k1', clientFilter: { types: null, statuses: null, includeInactive: false }, syncedThrough: null });
    expect(JSON.stringify(created.body)).not.toContain(FAKE_CONNECTWISE_ACCOUNT.privateKey);
    const listed = await api().get('/api/v1/integrations').set(as(msp)).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(FAKE_CONNECTWISE_ACCOUNT.privateKey);

    const stored = await app.get(Database).system.selectFrom('integrations').selectAll().where('id', '=', integrationId).executeTakeFirstOrThrow();
    const everything = JSON.stringify(stored) + Buffer.from(stored.credentialsCiphertext).toString('latin1');
    expect(everything).not.toContain(FAKE_CONNECTWISE_ACCOUNT.privateKey);
    expect(everything).not.toContain(FAKE_CONNECTWISE_ACCOUNT.publicKey);
  });

  it('tests the connection against the PSA', async () => {
    const response = await api().post(`/api/v1/integrations/${integrationId}/test`).set(as(msp)).expect(200);
    expect(response.body).toMatchObject({ ok: true, error: null, detail: expect.any(String) });
  });

  it('syncs in the background and imports the client companies with their assets', async () => {
    const accepted = await api().post(`/api/v1/integrations/${integrationId}/sync`).set(as(msp)).send({ mode: 'full' }).expect(202);
    expect(accepted.body).toMatchObject({ status: 'queued', mode: 'full', integrationId });
    const run = await waitForRun(integrationId, accepted.body.id);
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    expect(run.counts.created).toBeGreaterThanOrEqual(clientCompanies.length);

    const clients = await api().get('/api/v1/clients').query({ limit: 500 }).set(as(msp)).expect(200);
    const imported = clients.body.data.filter((client: { integrationId: string | null }) => client.integrationId === integrationId);
    expect(imported.map((client: { externalId: string }) => client.externalId).toSorted()).toEqual(clientCompanies.map((company) => String(company.id)).toSorted());

    const again = await api().post(`/api/v1/integrations/${integrationId}/sync`).set(as(msp)).send({}).expect(202);
    const second = await waitForRun(integrationId, again.body.id);
    expect(second).toMatchObject({ status: 'succeeded', mode: 'incremental', counts: { created: 0 } });
    const runs = await api().get(`/api/v1/integrations/${integrationId}/sync-runs`).set(as(msp)).expect(200);
    expect(runs.body.data.map((row: { id: string }) => row.id)).toEqual([again.body.id, accepted.body.id]);
  });

  it('reports refused credentials as the PSA said it, and records the failed sync', async () => {
    await api().patch(`/api/v1/integrations/${integrationId}`).set(as(msp)).send({ credentials: { publicKey: 'wrong', privateKey: 'wrong-too' } }).expect(200);
    const tested = await api().post(`/api/v1/integrations/${integrationId}/test`).set(as(msp)).expect(200);
    expect(tested.body).toMatchObject({ ok: false, detail: null, error: expect.stringMatching(/refused the credentials \(401\)/) });
    const accepted = await api().post(`/api/v1/integrations/${integrationId}/sync`).set(as(msp)).send({}).expect(202);
    const run = await waitForRun(integrationId, accepted.body.id);
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/refused the credentials/) });
  });

  it('keeps secrets out of the audit log and the logs', async () => {
    const audit = await api().get('/api/v1/audit-log').query({ targetId: integrationId }).set(as(msp)).expect(200);
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['integration.created', 'integration.updated', 'integration.sync_requested']));
    expect(audit.body.data.find((entry: { action: string }) => entry.action === 'integration.updated').details).toEqual({ fields: ['credentials'] });
    const everything = JSON.stringify(audit.body) + logLines.join('');
    for (const secret of [FAKE_CONNECTWISE_ACCOUNT.privateKey, FAKE_CONNECTWISE_ACCOUNT.publicKey, 'wrong-too']) expect(everything).not.toContain(secret);
  });

  it('is invisible to another tenant', async () => {
    await api().get(`/api/v1/integrations/${integrationId}`).set(as(other)).expect(404);
    await api().post(`/api/v1/integrations/${integrationId}/sync`).set(as(other)).send({}).expect(404);
    await api().get(`/api/v1/integrations/${integrationId}/sync-runs`).set(as(other)).expect(404);
    const listed = await api().get('/api/v1/integrations').set(as(other)).expect(200);
    expect(listed.body.data).toEqual([]);
  });

  it.each([
    [{ kind: 'kaseya' }, 400, /kind must be one of/],
    [{ config: { baseUrl: 'not a url', companyId: 'x', clientId: 'y' } }, 400, /config\.baseUrl/],
    [{ config: { baseUrl: 'https://cw.example/apis/3.0', clientId: 'y' } }, 400, /config\.companyId/],
    [{ credentials: { publicKey: 'a', privateKey: 'b', password: 'c' } }, 400, /credentials\.property password should not exist/],
    [{ fieldMapping: { colour: { path: 'x' } } }, 400, /fieldMapping\.colour is not a mappable asset field/],
    [{ name: 'ConnectWise' }, 409, /already exists/],
  ])('refuses %p', async (overrides, status, message) => {
    const response = await api().post('/api/v1/integrations').set(as(msp)).send(connectwise(overrides)).expect(status);
    expect(response.body.message).toMatch(message);
  });
});
