import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let msp: TenantWithKey;
let other: TenantWithKey;
let clientId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database });
  msp = await tenantWithKey(app, 'Evidence MSP');
  other = await tenantWithKey(app, 'Other MSP');
  clientId = (await request(app.getHttpServer()).post('/api/v1/clients').set('x-api-key', msp.key).send({ name: 'Harbor Dental' }).expect(201)).body.id;
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const api = () => request(app.getHttpServer());
const as = (who: TenantWithKey) => ({ Authorization: `Bearer ${who.key}` });

describe('facts', () => {
  it('keeps the newest observation of each key and source', async () => {
    const first = await api()
      .post(`/api/v1/clients/${clientId}/facts`)
      .set(as(msp))
      .send({
        facts: [
          { key: 'backup.last_success', value: '2026-11-20T02:00:00Z', observedAt: '2026-11-20T02:05:00Z', source: 'veeam' },
          { key: 'backup.last_success', value: '2026-11-21T02:00:00Z', observedAt: '2026-11-21T02:05:00Z', source: 'veeam' },
          { key: 'training.completion_rate', value: 0.92, observedAt: '2026-11-01T00:00:00Z', source: 'knowbe4' },
          { key: 'mfa.policy', value: { enforced: true, methods: ['app', 'fido2'] }, observedAt: '2026-11-01T00:00:00Z', source: 'm365' },
        ],
      })
      .expect(200);
    expect(first.body).toEqual({ stored: 3, olderIgnored: 1 });

    const stale = await api()
      .post(`/api/v1/clients/${clientId}/facts`)
      .set(as(msp))
      .send({ facts: [{ key: 'backup.last_success', value: '2026-11-01T02:00:00Z', observedAt: '2026-11-01T02:05:00Z', source: 'veeam' }] })
      .expect(200);
    expect(stale.body).toEqual({ stored: 0, olderIgnored: 1 });

    const listed = await api().get(`/api/v1/clients/${clientId}/facts`).set(as(msp)).expect(200);
    expect(listed.body.data.map((fact: { key: string; value: unknown }) => [fact.key, fact.value])).toEqual([
      ['backup.last_success', '2026-11-21T02:00:00Z'],
      ['mfa.policy', { enforced: true, methods: ['app', 'fido2'] }],
      ['training.completion_rate', 0.92],
    ]);
  });

  it.each([
    [{ facts: [] }, /facts must contain at least 1 elements/],
    [{ facts: [{ key: 'Bad Key', value: 1, observedAt: '2026-11-01T00:00:00Z', source: 'x' }] }, /key must be lowercase/],
    [{ facts: [{ key: 'a', observedAt: '2026-11-01T00:00:00Z', source: 'x' }] }, /value is required/],
    [{ facts: [{ key: 'a', value: 1, observedAt: 'yesterday', source: 'x' }] }, /observedAt must be an ISO 8601/],
    [{ facts: [{ key: 'a', value: 1, observedAt: '2099-01-01T00:00:00Z', source: 'x' }] }, /facts\.0\.observedAt is in the future/],
    [{ facts: [{ key: 'a', value: 'x'.repeat(17_000), observedAt: '2026-11-01T00:00:00Z', source: 'x' }] }, /larger than 16 KB/],
    [{ facts: Array.from({ length: 1001 }, () => ({ key: 'a', value: 1, observedAt: '2026-11-01T00:00:00Z', source: 'x' })) }, /facts must contain no more than 1000 elements/],
  ])('refuses %#', async (body, message) => {
    const response = await api().post(`/api/v1/clients/${clientId}/facts`).set(as(msp)).send(body).expect(400);
    expect(response.body.message).toMatch(message);
  });
});

describe('assets pushed by tools', () => {
  const device = (id: string, overrides: Record<string, unknown> = {}) => ({ externalId: id, kind: 'workstation', hostname: `WS-${id}`, diskEncrypted: true, lastSeenAt: '2026-11-22T08:00:00Z', ...overrides });

  it('upserts by tool and id, so a re-sent batch updates instead of duplicating', async () => {
    const first = await api().post(`/api/v1/clients/${clientId}/assets:batch`).set(as(msp)).send({ source: 'ninjaone', assets: [device('1'), device('2')] }).expect(200);
    expect(first.body).toEqual({ created: 2, updated: 0 });
    const again = await api().post(`/api/v1/clients/${clientId}/assets:batch`).set(as(msp)).send({ source: 'ninjaone', assets: [device('1', { diskEncrypted: false }), device('3')] }).expect(200);
    expect(again.body).toEqual({ created: 1, updated: 1 });
    const sameIdOtherTool = await api().post(`/api/v1/clients/${clientId}/assets:batch`).set(as(msp)).send({ source: 'datto-rmm', assets: [device('1')] }).expect(200);
    expect(sameIdOtherTool.body).toEqual({ created: 1, updated: 0 });

    const listed = await api().get(`/api/v1/clients/${clientId}/assets`).set(as(msp)).expect(200);
    expect(listed.body.data).toHaveLength(4);
    const ninja1 = listed.body.data.find((asset: { origin: string; externalId: string }) => asset.origin === 'ninjaone' && asset.externalId === '1');
    expect(ninja1).toMatchObject({ diskEncrypted: false, hostname: 'WS-1', kind: 'workstation', lastSeenAt: '2026-11-22T08:00:00.000Z' });
  });

  it.each([
    [{ source: 'NinjaOne', assets: [{ externalId: '1', kind: 'workstation' }] }, /source must be lowercase/],
    [{ source: 'ninjaone', assets: [{ externalId: '1', kind: 'toaster' }] }, /kind must be one of/],
    [{ source: 'ninjaone', assets: [{ externalId: '1', kind: 'server', missingPatches: -2 }] }, /missingPatches must not be less than 0/],
    [{ source: 'ninjaone', assets: [{ externalId: '1', kind: 'server' }, { externalId: '1', kind: 'server' }] }, /externalId 1 more than once/],
  ])('refuses %#', async (body, message) => {
    const response = await api().post(`/api/v1/clients/${clientId}/assets:batch`).set(as(msp)).send(body).expect(400);
    expect(response.body.message).toMatch(message);
  });
});

describe('tenancy and scopes', () => {
  it('another tenant gets 404 for this client\'s evidence', async () => {
    await api().get(`/api/v1/clients/${clientId}/facts`).set(as(other)).expect(404);
    await api().get(`/api/v1/clients/${clientId}/assets`).set(as(other)).expect(404);
    await api().post(`/api/v1/clients/${clientId}/facts`).set(as(other)).send({ facts: [{ key: 'a', value: 1, observedAt: '2026-11-01T00:00:00Z', source: 'x' }] }).expect(404);
    await api().post(`/api/v1/clients/${clientId}/assets:batch`).set(as(other)).send({ source: 'x', assets: [{ externalId: '1', kind: 'server' }] }).expect(404);
  });

  it('pushing evidence needs evidence:write', async () => {
    const key = await api().post('/api/v1/api-keys').set(as(msp)).send({ name: 'reader', scopes: ['clients:read'] }).expect(201);
    const response = await api().post(`/api/v1/clients/${clientId}/facts`).set('x-api-key', key.body.key).send({ facts: [{ key: 'a', value: 1, observedAt: '2026-11-01T00:00:00Z', source: 'x' }] }).expect(403);
    expect(response.body.message).toMatch(/evidence:write/);
  });
});
