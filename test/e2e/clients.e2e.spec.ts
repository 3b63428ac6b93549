import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let msp: TenantWithKey;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database, env: { RAMPART_BODY_LIMIT: '16kb' } });
  msp = await tenantWithKey(app, 'Clients MSP');
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const api = () => request(app.getHttpServer());
const auth = () => ({ Authorization: `Bearer ${msp.key}` });

describe('clients API', () => {
  it('refuses a baseline that does not exist, naming it', async () => {
    const response = await api().post('/api/v1/clients').set(auth()).send({ name: 'Nowhere Ltd', baseline: 'Platinum' }).expect(422);
    expect(response.body.message).toBe('Baseline "Platinum" does not exist; create it first (POST /api/v1/baselines)');
    expect(response.body.details).toEqual([{ field: 'baseline', message: 'no baseline named "Platinum"' }]);
  });

  it('creates, reads, updates, lists and deletes a client', async () => {
    await api().post('/api/v1/baselines').set(auth()).send({ name: 'Premium' }).expect(201);
    const created = await api()
      .post('/api/v1/clients')
      .set(auth())
      .send({ name: 'Harbor Dental Group', domains: ['HarborDental.example'], seats: 42, baseline: 'Premium', externalRefs: [{ system: 'connectwise', id: '19301' }] })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Harbor Dental Group', status: 'active', domains: ['harbordental.example'], seats: 42, baseline: 'Premium', baselineAssignment: 'manual', notes: null });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);

    await api().get(`/api/v1/clients/${created.body.id}`).set(auth()).expect(200, created.body);

    const updated = await api().patch(`/api/v1/clients/${created.body.id}`).set(auth()).send({ seats: null, notes: 'QBR in March', status: 'inactive' }).expect(200);
    expect(updated.body).toMatchObject({ name: 'Harbor Dental Group', seats: null, notes: 'QBR in March', status: 'inactive' });

    const list = await api().get('/api/v1/clients?status=inactive').set(auth()).expect(200);
    expect(list.body).toEqual({ data: [updated.body], nextCursor: null });

    await api().delete(`/api/v1/clients/${created.body.id}`).set(auth()).expect(204, '');
    await api().get(`/api/v1/clients/${created.body.id}`).set(auth()).expect(404);
    await api().delete(`/api/v1/clients/${created.body.id}`).set(auth()).expect(404);
  });

  it('pages with limit and an opaque cursor, filtering by name', async () => {
    for (const name of ['Page Alpha', 'Page Bravo', 'Page Charlie', 'Page Delta', 'Page Echo']) {
      await api().post('/api/v1/clients').set(auth()).send({ name }).expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await api()
        .get('/api/v1/clients')
        .query({ name: 'page', limit: 2, sort: '-name', ...(cursor ? { cursor } : {}) })
        .set(auth())
        .expect(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((client: { name: string }) => client.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Page Echo', 'Page Delta', 'Page Charlie', 'Page Bravo', 'Page Alpha']);
  });

  it('records each change in the audit log with actor, address and request id', async () => {
    const created = await api().post('/api/v1/clients').set(auth()).set('x-request-id', 'audit-trace-1').send({ name: 'Audited Co' }).expect(201);
    await api().patch(`/api/v1/clients/${created.body.id}`).set(auth()).send({ seats: 3 }).expect(200);
    const log = await api().get('/api/v1/audit-log').query({ targetId: created.body.id }).set(auth()).expect(200);
    expect(log.body.data.map((entry: { action: string }) => entry.action)).toEqual(['client.updated', 'client.created']);
    expect(log.body.data[1]).toMatchObject({
      actor: { type: 'api_key', label: expect.stringContaining('Clients MSP key (rmp_') },
      target: { type: 'client', id: created.body.id },
      requestId: 'audit-trace-1',
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
    });
    expect(log.body.data[0].details).toEqual({ fields: ['seats'] });
  });
});

describe('bad input gets a 4xx that names the problem', () => {
  const cases: [string, (r: request.Test) => request.Test, number, RegExp][] = [
    ['malformed JSON', (r) => r.set('content-type', 'application/json').send('{"name": "x",'), 400, /Malformed JSON body/],
    ['a JSON array instead of an object', (r) => r.send([{ name: 'x' }]), 400, /Invalid request/],
    ['a missing name', (r) => r.send({}), 400, /name must be a string/],
    ['a wrong type', (r) => r.send({ name: 'X', seats: 'many' }), 400, /seats must be an integer/],
    ['an unknown field', (r) => r.send({ name: 'X', tenantId: '0b6f3f4e-8c1a-4d3b-9a8e-2f1c0d9e8b7a' }), 400, /property tenantId should not exist/],
    ['an invalid status', (r) => r.send({ name: 'X', status: 'deleted' }), 400, /status must be one of/],
    ['a bad domain', (r) => r.send({ name: 'X', domains: ['not a domain'] }), 400, /domains must be a domain name/],
    ['a name too long', (r) => r.send({ name: 'x'.repeat(201) }), 400, /name must be shorter than or equal to 200/],
    ['a body over the limit', (r) => r.send({ name: 'X', notes: 'y'.repeat(20_000) }), 413, /larger than the limit of 16384 bytes/],
    ['a form-encoded body', (r) => r.type('form').send('name=X'), 415, /Content-Type must be application\/json/],
  ];

  it.each(cases)('POST /clients with %s', async (_label, build, status, message) => {
    const response = await build(api().post('/api/v1/clients').set(auth())).expect(status);
    expect(response.body).toMatchObject({ statusCode: status, message: expect.stringMatching(message), requestId: expect.any(String) });
    expect(response.body.error).toBeTruthy();
  });

  it('names the field in details', async () => {
    const response = await api().post('/api/v1/clients').set(auth()).send({ name: 'X', seats: -1, externalRefs: [{ system: 'cw', id: '' }] }).expect(400);
    expect(response.body.details).toHaveLength(2);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { field: 'seats', message: 'seats must not be less than 0' },
        { field: 'externalRefs.0.id', message: 'externalRefs.0.id: id must be longer than or equal to 1 characters' },
      ]),
    );
  });

  it.each([
    ['GET', '/api/v1/clients/not-a-uuid', /id must be a UUID/],
    ['PATCH', '/api/v1/clients/123', /id must be a UUID/],
    ['DELETE', '/api/v1/clients/0b6f3f4e', /id must be a UUID/],
  ])('%s %s is a 400', async (method, path, message) => {
    const response = await api()[method.toLowerCase() as 'get' | 'patch' | 'delete'](path).set(auth()).send(method === 'PATCH' ? { seats: 1 } : undefined).expect(400);
    expect(response.body.message).toMatch(message);
  });

  it('refuses an update that changes nothing, and clearing the name', async () => {
    const created = await api().post('/api/v1/clients').set(auth()).send({ name: 'Keep My Name' }).expect(201);
    const empty = await api().patch(`/api/v1/clients/${created.body.id}`).set(auth()).send({}).expect(400);
    expect(empty.body.message).toMatch(/changes nothing/);
    const cleared = await api().patch(`/api/v1/clients/${created.body.id}`).set(auth()).send({ name: null }).expect(400);
    expect(cleared.body.details[0].field).toBe('name');
    await api().get(`/api/v1/clients/${created.body.id}`).set(auth()).expect(200).expect((r) => expect(r.body.name).toBe('Keep My Name'));
  });

  it.each([
    [{ limit: 0 }, /limit must not be less than 1/],
    [{ limit: 501 }, /limit must not be greater than 500/],
    [{ limit: 'ten' }, /limit must be an integer/],
    [{ sort: 'seats' }, /sort must be one of/],
    [{ cursor: 'bm90IGEgY3Vyc29y' }, /cursor is not a cursor this API issued/],
    [{ unknown: 'x' }, /property unknown should not exist/],
  ])('GET /clients with %p is a 400', async (query, message) => {
    const response = await api().get('/api/v1/clients').query(query).set(auth()).expect(400);
    expect(response.body.message).toMatch(message);
  });

  it('answers an unknown route with the same error shape', async () => {
    const response = await api().get('/api/v1/nothing-here').set(auth()).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found', requestId: expect.any(String) });
  });
});
