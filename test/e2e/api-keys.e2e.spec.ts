import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { hashApiKey } from '../../src/auth/api-key.secret.js';
import { Database } from '../../src/database/database.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let admin: TenantWithKey;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database });
  admin = await tenantWithKey(app, 'Keys MSP');
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const api = () => request(app.getHttpServer());
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

function createKey(body: Record<string, unknown>, key = admin.key): request.Test {
  return api().post('/api/v1/api-keys').set(bearer(key)).send(body);
}

describe('API keys', () => {
  it('shows the key once, stores only its hash, and never lists it', async () => {
    const created = await createKey({ name: 'PowerBI', scopes: ['clients:read'] }).expect(201);
    expect(created.body.key).toMatch(/^rmp_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    expect(created.body).toMatchObject({ name: 'PowerBI', scopes: ['clients:read'], status: 'active', expiresAt: null, lastUsedAt: null, createdBy: expect.stringContaining('Keys MSP key') });

    const listed = await api().get('/api/v1/api-keys').set(bearer(admin.key)).expect(200);
    const entry = listed.body.data.find((key: { id: string }) => key.id === created.body.id);
    expect(entry).toBeDefined();
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(entry).not.toHaveProperty('key');
    expect(entry).not.toHaveProperty('keyHash');

    const stored = await app.get(Database).system.selectFrom('apiKeys').select(['keyHash', 'prefix']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.keyHash)).toEqual(hashApiKey(created.body.key));
  });

  it('works in either header and records when it was last used', async () => {
    const { body } = await createKey({ name: 'both headers', scopes: ['clients:read'] }).expect(201);
    await api().get('/api/v1/clients').set('x-api-key', body.key).expect(200);
    await api().get('/api/v1/clients').set(bearer(body.key)).expect(200);
    const after = await api().get(`/api/v1/api-keys/${body.id}`).set(bearer(admin.key)).expect(200);
    expect(Date.now() - new Date(after.body.lastUsedAt).getTime()).toBeLessThan(60_000);
  });

  it('limits a key to its scopes', async () => {
    const { body } = await createKey({ name: 'read only', scopes: ['clients:read'] }).expect(201);
    await api().get('/api/v1/clients').set(bearer(body.key)).expect(200);
    const denied = await api().post('/api/v1/clients').set(bearer(body.key)).send({ name: 'Nope' }).expect(403);
    expect(denied.body.message).toBe('These credentials lack the clients:write scope');
    await api().get('/api/v1/audit-log').set(bearer(body.key)).expect(403);
    await api().get('/api/v1/api-keys').set(bearer(body.key)).expect(403);
  });

  it('does not let a key grant more than it has', async () => {
    const { body: keyManager } = await createKey({ name: 'key manager', scopes: ['api_keys:write', 'clients:read'] }).expect(201);
    const escalation = await createKey({ name: 'escalated', scopes: ['clients:write', 'audit:read'] }, keyManager.key).expect(403);
    expect(escalation.body.message).toBe('A key cannot have scopes its creator lacks: clients:write, audit:read');
    await createKey({ name: 'narrower', scopes: ['clients:read'] }, keyManager.key).expect(201);
  });

  it('stops working the moment it is revoked, and revoking again is harmless', async () => {
    const { body } = await createKey({ name: 'to revoke', scopes: ['clients:read'] }).expect(201);
    await api().get('/api/v1/clients').set(bearer(body.key)).expect(200);
    await api().delete(`/api/v1/api-keys/${body.id}`).set(bearer(admin.key)).expect(204);
    await api().get('/api/v1/clients').set(bearer(body.key)).expect(401);
    await api().delete(`/api/v1/api-keys/${body.id}`).set(bearer(admin.key)).expect(204);
    const shown = await api().get(`/api/v1/api-keys/${body.id}`).set(bearer(admin.key)).expect(200);
    expect(shown.body.status).toBe('revoked');
    const audit = await api().get('/api/v1/audit-log').query({ action: 'api_key.revoked', targetId: body.id }).set(bearer(admin.key)).expect(200);
    expect(audit.body.data).toHaveLength(1);
  });

  it('stops working once it expires', async () => {
    const { body } = await createKey({ name: 'short lived', scopes: ['clients:read'], expiresAt: new Date(Date.now() + 1500).toISOString() }).expect(201);
    await api().get('/api/v1/clients').set(bearer(body.key)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await api().get('/api/v1/clients').set(bearer(body.key)).expect(401);
    const shown = await api().get(`/api/v1/api-keys/${body.id}`).set(bearer(admin.key)).expect(200);
    expect(shown.body.status).toBe('expired');
  });

  it.each([
    [{ name: 'x', scopes: [] }, /scopes must contain at least 1 elements/],
    [{ name: 'x', scopes: ['clients:delete'] }, /each value in scopes must be one of/],
    [{ name: 'x', scopes: ['clients:read'], expiresAt: 'tomorrow' }, /expiresAt must be an ISO 8601 date-time/],
    [{ name: 'x', scopes: ['clients:read'], expiresAt: '2001-01-01T00:00:00Z' }, /expiresAt must be in the future/],
    [{ name: '', scopes: ['clients:read'] }, /name must be longer than or equal to 1/],
    [{ name: 'x', scopes: ['clients:read'], key: 'rmp_mine' }, /property key should not exist/],
  ])('refuses %p', async (body, message) => {
    const response = await createKey(body).expect(400);
    expect(response.body.message).toMatch(message);
  });
});
