import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { systemOrigin } from '../../src/auth/caller.js';
import { TenantsService } from '../../src/tenancy/tenants.service.js';
import { FakeEntra } from '../support/fake-entra.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ENTRA_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const UNMAPPED_ENTRA_TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const USER = '5d0f7c0e-2b4a-4c1e-9f3d-6a7b8c9d0e1f';
const FAILURE_LIMIT = 5;

let testDb: TestDatabase;
let app: NestExpressApplication;
let entra: FakeEntra;
let msp: TenantWithKey;

beforeAll(async () => {
  entra = await FakeEntra.start();
  testDb = await createTestDatabase();
  app = await createTestApp({
    database: testDb.database,
    env: { ENTRA_AUDIENCE: 'api://rampart-test', ENTRA_AUTHORITY: entra.authority, RAMPART_AUTH_FAILURE_LIMIT: String(FAILURE_LIMIT), RAMPART_TRUST_PROXY: 'loopback' },
  });
  msp = await tenantWithKey(app, 'Auth MSP');
  await app.get(TenantsService).create(systemOrigin('test'), { name: 'Entra MSP', entraTenantId: ENTRA_TENANT });
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
  await entra.stop();
});

/** Each test speaks from its own address (via X-Forwarded-For from a trusted loopback proxy). */
let nextAddress = 10;
const fromNewAddress = () => `198.51.100.${nextAddress++}`;
const api = () => request(app.getHttpServer());

describe('failed authentication', () => {
  it('answers every kind of failure with the same 401', async () => {
    const source = fromNewAddress();
    const attempts = [
      {},
      { Authorization: 'Bearer rmp_AAAAAAAAAA_' + 'a'.repeat(43) },
      { 'x-api-key': 'not-a-key' },
      { Authorization: 'Basic dXNlcjpwYXNz' },
      { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.' },
    ];
    const bodies = [];
    for (const headers of attempts) {
      const response = await api().get('/api/v1/clients').set('x-forwarded-for', source).set(headers).expect(401);
      bodies.push({ ...response.body, requestId: undefined });
    }
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0]).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringContaining('Missing or invalid credentials') });
  });

  it('locks out an address after repeated failures, even when it then offers a valid key', async () => {
    const source = fromNewAddress();
    for (let attempt = 0; attempt < FAILURE_LIMIT; attempt++) {
      await api().get('/api/v1/clients').set('x-forwarded-for', source).set('x-api-key', 'wrong').expect(401);
    }
    const locked = await api().get('/api/v1/clients').set('x-forwarded-for', source).set('x-api-key', msp.key).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.message).toMatch(/Too many failed authentication attempts/);
    await api().get('/api/v1/clients').set('x-forwarded-for', fromNewAddress()).set('x-api-key', msp.key).expect(200);
  });

  it('does not count public routes or successful requests', async () => {
    const source = fromNewAddress();
    for (let attempt = 0; attempt < FAILURE_LIMIT * 2; attempt++) {
      await api().get('/api/v1/health').set('x-forwarded-for', source).expect(200);
      await api().get('/api/v1/clients').set('x-forwarded-for', source).set('x-api-key', msp.key).expect(200);
    }
  });
});

describe('Microsoft Entra ID tokens', () => {
  it('signs in a person with a Rampart app role and maps the token\'s tenant', async () => {
    const token = await entra.token(ENTRA_TENANT, { oid: USER, roles: ['vcio'], preferred_username: 'vera@msp.example', name: 'Vera' });
    await api().get('/api/v1/clients').set('Authorization', `Bearer ${token}`).expect(200);
    const created = await api().post('/api/v1/clients').set('Authorization', `Bearer ${token}`).send({ name: 'Entra-made client' }).expect(201);
    // vcio may change clients but not read the audit log; the admin key of another tenant cannot see this client.
    await api().get('/api/v1/audit-log').set('Authorization', `Bearer ${token}`).expect(403);
    await api().get(`/api/v1/clients/${created.body.id}`).set('x-api-key', msp.key).expect(404);
    expect(entra.requests).toContain(`/${ENTRA_TENANT}/discovery/v2.0/keys`);
  });

  it('records the person as the actor of what they change', async () => {
    const adminToken = await entra.token(ENTRA_TENANT, { oid: '6e1f8d1f-3c5b-4d2f-8a4e-7b8c9d0e1f2a', roles: ['admin'], preferred_username: 'ada@msp.example' });
    const vcioToken = await entra.token(ENTRA_TENANT, { oid: USER, roles: ['vcio'], preferred_username: 'vera@msp.example' });
    const created = await api().post('/api/v1/clients').set('Authorization', `Bearer ${vcioToken}`).send({ name: 'Audited by person' }).expect(201);
    const log = await api().get('/api/v1/audit-log').query({ targetId: created.body.id }).set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(log.body.data[0].actor).toMatchObject({ type: 'user', label: 'vera@msp.example' });
  });

  it('gives a viewer read access only', async () => {
    const token = await entra.token(ENTRA_TENANT, { oid: '8a9b0c1d-2e3f-4a5b-8c7d-8e9f0a1b2c3d', roles: ['viewer'] });
    await api().get('/api/v1/clients').set('Authorization', `Bearer ${token}`).expect(200);
    await api().post('/api/v1/clients').set('Authorization', `Bearer ${token}`).send({ name: 'x' }).expect(403);
  });

  it('refuses a person with no Rampart role with a 403 that says what to do', async () => {
    const token = await entra.token(ENTRA_TENANT, { oid: '9b0c1d2e-3f4a-4b6c-9d8e-9f0a1b2c3d4e', roles: ['Reader'] });
    const response = await api().get('/api/v1/clients').set('Authorization', `Bearer ${token}`).expect(403);
    expect(response.body.message).toMatch(/no Rampart role/);
  });

  it.each<[string, () => Promise<string>]>([
    ['another audience', () => entra.token(ENTRA_TENANT, { oid: USER, roles: ['admin'] }, { audience: 'api://someone-else' })],
    ['another issuer', () => entra.token(ENTRA_TENANT, { oid: USER, roles: ['admin'] }, { issuer: 'https://evil.example/v2.0' })],
    ['an expired token', () => entra.token(ENTRA_TENANT, { oid: USER, roles: ['admin'] }, { expiresIn: '-5m' })],
    ['an unmapped Entra tenant', () => entra.token(UNMAPPED_ENTRA_TENANT, { oid: USER, roles: ['admin'] })],
    ['a key Entra never published', async () => entra.token(ENTRA_TENANT, { oid: USER, roles: ['admin'] }, { key: (await generateKeyPair('RS256')).privateKey })],
    ['HS256 signed with a guessable secret', () => new SignJWT({ tid: ENTRA_TENANT, oid: USER, roles: ['admin'] }).setProtectedHeader({ alg: 'HS256', kid: 'test-key-1' }).setIssuer(`${entra.authority}/${ENTRA_TENANT}/v2.0`).setAudience('api://rampart-test').setExpirationTime('1h').sign(new TextEncoder().encode('secret'))],
    ['no oid', () => entra.token(ENTRA_TENANT, { roles: ['admin'] })],
  ])('refuses %s with the uniform 401', async (_label, makeToken) => {
    const response = await api().get('/api/v1/clients').set('x-forwarded-for', fromNewAddress()).set('Authorization', `Bearer ${await makeToken()}`).expect(401);
    expect(response.body.message).toMatch(/^Missing or invalid credentials/);
  });

  it('never fetches keys for a tenant Rampart does not know', async () => {
    expect(entra.requests.filter((url) => url.includes(UNMAPPED_ENTRA_TENANT))).toEqual([]);
  });
});
