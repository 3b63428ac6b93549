import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { runCliJson } from '../support/cli.js';
import { type CliDatabase, createCliDatabase } from '../support/cli-database.js';
import { createTestApp } from '../support/test-app.js';

interface Msp {
  tenantId: string;
  key: string;
  clientId: string;
  apiKeyId: string;
}

let cliDb: CliDatabase;
let app: NestExpressApplication;
const msps: Record<'a' | 'b', Msp> = {} as Record<'a' | 'b', Msp>;

/** Both tenants and their keys come from the CLI, as an operator would make them. */
beforeAll(async () => {
  cliDb = await createCliDatabase();
  for (const name of ['a', 'b'] as const) {
    const tenant = await runCliJson<{ id: string }>(['tenant', 'create', '--name', `MSP ${name.toUpperCase()}`], cliDb.env);
    const key = await runCliJson<{ id: string; key: string }>(['api-key', 'create', '--tenant', tenant.id, '--name', `${name} admin`], cliDb.env);
    msps[name] = { tenantId: tenant.id, key: key.key, apiKeyId: key.id, clientId: '' };
  }
  app = await createTestApp({ database: await cliDb.open() });
  for (const name of ['a', 'b'] as const) {
    const created = await request(app.getHttpServer())
      .post('/api/v1/clients')
      .set('x-api-key', msps[name].key)
      .send({ name: `Client of ${name.toUpperCase()}` })
      .expect(201);
    msps[name].clientId = created.body.id;
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await cliDb?.drop();
});

const as = (msp: Msp) => ({ Authorization: `Bearer ${msp.key}` });
const api = () => request(app.getHttpServer());

describe('two tenants created by the CLI', () => {
  it('each sees only its own clients, API keys and audit entries', async () => {
    for (const [own, other] of [
      [msps.a, msps.b],
      [msps.b, msps.a],
    ] as const) {
      const clients = await api().get('/api/v1/clients').set(as(own)).expect(200);
      expect(clients.body.data.map((client: { id: string }) => client.id)).toEqual([own.clientId]);
      const keys = await api().get('/api/v1/api-keys').set(as(own)).expect(200);
      expect(keys.body.data.map((key: { id: string }) => key.id)).toEqual([own.apiKeyId]);
      const audit = await api().get('/api/v1/audit-log').set(as(own)).expect(200);
      const targets = audit.body.data.map((entry: { target: { id: string } | null }) => entry.target?.id);
      expect(targets).toEqual(expect.arrayContaining([own.tenantId, own.apiKeyId, own.clientId]));
      expect(targets).not.toContain(other.clientId);
      expect(targets).not.toContain(other.apiKeyId);
      expect(targets).not.toContain(other.tenantId);
    }
  });

  it.each([
    ['GET', 'client', (m: Msp) => `/api/v1/clients/${m.clientId}`],
    ['PATCH', 'client', (m: Msp) => `/api/v1/clients/${m.clientId}`],
    ['DELETE', 'client', (m: Msp) => `/api/v1/clients/${m.clientId}`],
    ['GET', 'API key', (m: Msp) => `/api/v1/api-keys/${m.apiKeyId}`],
    ['DELETE', 'API key', (m: Msp) => `/api/v1/api-keys/${m.apiKeyId}`],
  ] as const)('%s on the other tenant\'s %s is a 404, the same as for an id that never existed', async (method, _resource, path) => {
    const verb = method.toLowerCase() as 'get' | 'patch' | 'delete';
    const foreign = await api()[verb](path(msps.b)).set(as(msps.a)).send(method === 'PATCH' ? { name: 'Hijacked' } : undefined).expect(404);
    const missing = await api()[verb](path({ ...msps.b, clientId: '00000000-0000-4000-8000-000000000000', apiKeyId: '00000000-0000-4000-8000-000000000000' }))
      .set(as(msps.a))
      .send(method === 'PATCH' ? { name: 'Hijacked' } : undefined)
      .expect(404);
    expect(foreign.body.message.replace(msps.b.clientId, 'ID').replace(msps.b.apiKeyId, 'ID')).toBe(missing.body.message.replace('00000000-0000-4000-8000-000000000000', 'ID'));
  });

  it('left the other tenant\'s client and key untouched', async () => {
    const client = await api().get(`/api/v1/clients/${msps.b.clientId}`).set(as(msps.b)).expect(200);
    expect(client.body.name).toBe('Client of B');
    const key = await api().get(`/api/v1/api-keys/${msps.b.apiKeyId}`).set(as(msps.b)).expect(200);
    expect(key.body.status).toBe('active');
  });

  it('a filter cannot reach into the other tenant', async () => {
    const response = await api().get('/api/v1/clients').query({ name: 'Client of B' }).set(as(msps.a)).expect(200);
    expect(response.body.data).toEqual([]);
  });
});
