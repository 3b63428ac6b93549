import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let msp: TenantWithKey;
let other: TenantWithKey;
const clientIds: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database, role: 'all', env: { RAMPART_JOB_POLL_SECONDS: '0.5' } });
  msp = await tenantWithKey(app, 'Evaluations MSP');
  other = await tenantWithKey(app, 'Other MSP');
  for (const name of ['Alpine Dental', 'Birch Legal', 'Cedar Logistics']) {
    clientIds.push((await api().post('/api/v1/clients').set(auth()).send({ name }).expect(201)).body.id);
  }
  await api().post('/api/v1/clients').set(auth()).send({ name: 'Dormant Co', status: 'inactive' }).expect(201);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

const api = () => request(app.getHttpServer());
const auth = (key = msp.key) => ({ Authorization: `Bearer ${key}` });

async function waitForRun(id: string, key = msp.key): Promise<Record<string, any>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { body } = await api().get(`/api/v1/evaluations/${id}`).set(auth(key)).expect(200);
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`Run ${id} still ${body.status} (${JSON.stringify(body.progress)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('POST /api/v1/evaluations', () => {
  it('queues a run for every active client, returns at once, and finishes with a score per client', async () => {
    const queued = await api().post('/api/v1/evaluations').set(auth()).send({}).expect(202);
    expect(queued.body).toMatchObject({ status: 'queued', trigger: 'api', clientIds: null, progress: { done: 0, total: 0, failed: 0 } });
    const run = await waitForRun(queued.body.id);
    expect(run).toMatchObject({ status: 'succeeded', progress: { done: 3, total: 3, failed: 0 }, error: null, errors: [] });
    expect(run.portfolio.score).toEqual(expect.any(Number));
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    const clients = (await api().get(`/api/v1/evaluations/${run.id}/clients`).set(auth()).expect(200)).body.data;
    expect(clients.map((client: { clientName: string }) => client.clientName)).toEqual(['Alpine Dental', 'Birch Legal', 'Cedar Logistics']);
    expect(clients.every((client: { status: string; score: number }) => client.status === 'succeeded' && typeof client.score === 'number')).toBe(true);
  });
});
