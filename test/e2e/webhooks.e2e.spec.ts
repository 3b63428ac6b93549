import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';

import { RAMPART_CONFIG, type RampartConfig } from '../../src/config/config.js';
import { Database } from '../../src/database/database.js';
import { WebhookEvents } from '../../src/webhooks/webhook-events.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** What the receiver saw of one request, and whether its signature checked out the way a customer checks it. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
  /** How many v1 signatures the header carried. */
  signatures: number;
}

let testDb: TestDatabase;
let app: NestExpressApplication;
let receiver: Server;
let baseUrl: string;
/** Tenants kept apart so one test's events never reach another test's webhooks. */
let msp: TenantWithKey;
let other: TenantWithKey;
let runs: TenantWithKey;
let retries: TenantWithKey;
let changes: TenantWithKey;

const received: Received[] = [];
/** Per path: the secrets the receiver accepts (a rotation adds one), and the statuses it answers with, in turn (the last repeats). */
const secrets = new Map<string, string[]>();
const answers = new Map<string, number[]>();

/** Exactly what a customer's endpoint does: HMAC-SHA256 of "<t>.<raw body>", constant-time compare, 5 minute tolerance. */
function verifyAsCustomer(header: string | undefined, rawBody: Buffer, secret: string): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.split('='));
  const t = Number(parts.find(([name]) => name === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  return parts.filter(([name]) => name === 'v1').some(([, hex]) => {
    const candidate = Buffer.from(hex ?? '', 'hex');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const path = req.url ?? '/';
      const header = req.headers['rampart-signature'] as string | undefined;
      received.push({
        path,
        headers: req.headers,
        body: rawBody.toString('utf8'),
        verified: (secrets.get(path) ?? []).some((secret) => verifyAsCustomer(header, rawBody, secret)),
        signatures: (header ?? '').split(',').filter((part) => part.startsWith('v1=')).length,
      });
      const queue = answers.get(path) ?? [200];
      const status = queue.length > 1 ? queue.shift()! : queue[0]!;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status >= 300 ? `receiver says ${status}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  testDb = await createTestDatabase();
  app = await createTestApp({
    database: testDb.database,
    role: 'all',
    env: {
      RAMPART_JOB_POLL_SECONDS: '0.5',
      RAMPART_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
      RAMPART_WEBHOOK_RETRY_DELAY_SECONDS: '1',
      RAMPART_WEBHOOK_MAX_ATTEMPTS: '3',
      RAMPART_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
    },
  });
  msp = await tenantWithKey(app, 'Webhooks MSP');
  other = await tenantWithKey(app, 'Other MSP');
  runs = await tenantWithKey(app, 'Runs MSP');
  retries = await tenantWithKey(app, 'Retries MSP');
  changes = await tenantWithKey(app, 'Changes MSP');
}, 60_000);

afterAll(async () => {
  await app?.close();
  await testDb?.drop();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

const api = () => request(app.getHttpServer());
const auth = (tenant: TenantWithKey = msp) => ({ Authorization: `Bearer ${tenant.key}` });

interface Created {
  id: string;
  secret: string;
  url: string;
  enabled: boolean;
}

/** Registers a webhook at a receiver path and tells the receiver its secret. */
async function register(tenant: TenantWithKey, path: string, body: Record<string, unknown> = {}): Promise<Created> {
  const { body: created } = await api().post('/api/v1/webhooks').set(auth(tenant)).send({ url: `${baseUrl}${path}`, events: ['evaluation.completed'], ...body }).expect(201);
  secrets.set(path, [created.secret]);
  return created;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface DeliveryBody {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  payload: { id: string; type: string; data: Record<string, unknown> };
  attempts: { at: string; statusCode: number | null; error: string | null; durationMs: number }[];
  attemptCount: number;
  error: string | null;
  redeliveryOf: string | null;
}

function settled(tenant: TenantWithKey, webhookId: string, deliveryId: string): Promise<DeliveryBody> {
  return until(`delivery ${deliveryId} to settle`, async () => {
    const { body } = await api().get(`/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}`).set(auth(tenant)).expect(200);
    return body.status === 'pending' ? undefined : (body as DeliveryBody);
  });
}

const at = (path: string) => received.filter((entry) => entry.path === path);

describe('registering webhooks', () => {
  let created: Created;

  it('creates a webhook and shows its secret once', async () => {
    created = await register(msp, '/crud', { description: 'PSA automation', events: ['evaluation.completed', 'client.score_changed'], scoreChangeThreshold: 2.5 });
    expect(created).toMatchObject({
      url: `${baseUrl}/crud`,
      description: 'PSA automation',
      events: ['evaluation.completed', 'client.score_changed'],
      scoreChangeThreshold: 2.5,
      enabled: true,
      disabledReason: null,
      createdBy: expect.any(String),
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  it('never returns the secret again, in one webhook or the list', async () => {
    const one = await api().get(`/api/v1/webhooks/${created.id}`).set(auth()).expect(200);
    expect(one.body).not.toHaveProperty('secret');
    expect(one.text).not.toContain(created.secret);
    const list = await api().get('/api/v1/webhooks').set(auth()).expect(200);
    expect(list.body.data.map((webhook: { id: string }) => webhook.id)).toContain(created.id);
    expect(list.text).not.toContain(created.secret);
    expect(list.text).not.toContain('whsec_');
  });

  it('lists newest first, paged', async () => {
    const second = await register(msp, '/crud-2', { events: ['client.score_changed'] });
    const first = (await api().get('/api/v1/webhooks').query({ limit: 1 }).set(auth()).expect(200)).body;
    expect(first.data.map((webhook: { id: string }) => webhook.id)).toEqual([second.id]);
    const rest = (await api().get('/api/v1/webhooks').query({ limit: 1, cursor: first.nextCursor }).set(auth()).expect(200)).body;
    expect(rest.data.map((webhook: { id: string }) => webhook.id)).toEqual([created.id]);
    expect(rest.nextCursor).toBeNull();
  });

  it('changes url, description, events, threshold and enabled', async () => {
    const { body } = await api()
      .patch(`/api/v1/webhooks/${created.id}`)
      .set(auth())
      .send({ url: `${baseUrl}/crud?v=2`, description: null, events: ['client.score_changed'], scoreChangeThreshold: 10, enabled: false })
      .expect(200);
    expect(body).toMatchObject({ url: `${baseUrl}/crud?v=2`, description: null, events: ['client.score_changed'], scoreChangeThreshold: 10, enabled: false });
    expect(Date.parse(body.updatedAt)).toBeGreaterThan(Date.parse(body.createdAt));
    await api().patch(`/api/v1/webhooks/${created.id}`).set(auth()).send({}).expect(400);
  });

  it('rotates the secret: a new one, once', async () => {
    const { body } = await api().post(`/api/v1/webhooks/${created.id}/rotate-secret`).set(auth()).send({}).expect(200);
    expect(body.secret).toMatch(/^whsec_/);
    expect(body.secret).not.toBe(created.secret);
    expect(body.secretRotatedAt).toEqual(expect.any(String));
    expect(body.previousSecretExpiresAt).toBeNull();
    const again = await api().get(`/api/v1/webhooks/${created.id}`).set(auth()).expect(200);
    expect(again.text).not.toContain(body.secret);
  });

  it('records creation, changes, rotation and deletion in the audit log, without secrets', async () => {
    await api().delete(`/api/v1/webhooks/${created.id}`).set(auth()).expect(204);
    await api().get(`/api/v1/webhooks/${created.id}`).set(auth()).expect(404);
    await api().delete(`/api/v1/webhooks/${created.id}`).set(auth()).expect(404);
    const audit = await api().get('/api/v1/audit-log').query({ targetId: created.id }).set(auth()).expect(200);
    expect(audit.body.data.map((entry: { action: string }) => entry.action).toSorted()).toEqual(['webhook.created', 'webhook.deleted', 'webhook.secret_rotated', 'webhook.updated']);
    expect(audit.text).not.toContain('whsec_');
    expect(audit.body.data.find((entry: { action: string }) => entry.action === 'webhook.created').details).toMatchObject({ host: new URL(baseUrl).host, events: ['evaluation.completed', 'client.score_changed'] });
  });
});

describe('validation', () => {
  const create = (body: Record<string, unknown>) => api().post('/api/v1/webhooks').set(auth()).send(body);
  const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((detail) => detail.field);

  it.each([
    [{ events: ['evaluation.completed'] }, 'url'],
    [{ url: 'not a url', events: ['evaluation.completed'] }, 'url'],
    [{ url: 'ftp://hooks.example.com/x', events: ['evaluation.completed'] }, 'url'],
    [{ url: 'https://user:secret@hooks.example.com/x', events: ['evaluation.completed'] }, 'url'],
    [{ url: 42, events: ['evaluation.completed'] }, 'url'],
    [{ url: 'https://hooks.example.com/x' }, 'events'],
    [{ url: 'https://hooks.example.com/x', events: [] }, 'events'],
    [{ url: 'https://hooks.example.com/x', events: ['client.deleted'] }, 'events'],
    [{ url: 'https://hooks.example.com/x', events: ['ping'] }, 'events'],
    [{ url: 'https://hooks.example.com/x', events: ['evaluation.completed', 'evaluation.completed'] }, 'events'],
    [{ url: 'https://hooks.example.com/x', events: ['evaluation.completed'], scoreChangeThreshold: 0 }, 'scoreChangeThreshold'],
    [{ url: 'https://hooks.example.com/x', events: ['evaluation.completed'], scoreChangeThreshold: 101 }, 'scoreChangeThreshold'],
    [{ url: 'https://hooks.example.com/x', events: ['evaluation.completed'], scoreChangeThreshold: '5' }, 'scoreChangeThreshold'],
    [{ url: 'https://hooks.example.com/x', events: ['evaluation.completed'], enabled: 'yes' }, 'enabled'],
    [{ url: 'https://hooks.example.com/x', events: ['evaluation.completed'], description: 'x'.repeat(501) }, 'description'],
    [{ url: 'https://hooks.example.com/x', events: ['evaluation.completed'], secret: 'whsec_mine' }, 'secret'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const response = await create(body).expect(400);
    expect(fieldsOf(response.body)).toEqual([field]);
  });

  it('by default refuses http and hosts on this machine or a private network, naming url', async () => {
    const config = app.get<RampartConfig>(RAMPART_CONFIG);
    config.webhooks.allowPrivateNetworks = false;
    try {
      for (const url of ['http://hooks.example.com/x', 'https://127.0.0.1/x', 'https://localhost/x', 'https://10.1.2.3/x', 'https://169.254.169.254/latest', 'https://[::1]/x']) {
        const response = await create({ url, events: ['evaluation.completed'] }).expect(400);
        expect(response.body.details).toEqual([{ field: 'url', message: expect.any(String) }]);
      }
      await create({ url: 'https://hooks.example.com/x', events: ['evaluation.completed'] }).expect(201);
    } finally {
      config.webhooks.allowPrivateNetworks = true;
    }
  });

  it('checks a changed url by the same rules', async () => {
    const created = await register(msp, '/validate-patch');
    const response = await api().patch(`/api/v1/webhooks/${created.id}`).set(auth()).send({ url: 'gopher://x' }).expect(400);
    expect(response.body.details).toEqual([{ field: 'url', message: 'url must use https or http' }]);
    await api().patch(`/api/v1/webhooks/${created.id}`).set(auth()).send({ events: [] }).expect(400);
    await api().post(`/api/v1/webhooks/${created.id}/rotate-secret`).set(auth()).send({ previousSecretExpiresInHours: 169 }).expect(400);
  });

  it('limits a tenant to 20 webhooks (422)', async () => {
    const crowded = await tenantWithKey(app, 'Crowded MSP');
    for (let i = 0; i < 20; i += 1) {
      await api().post('/api/v1/webhooks').set(auth(crowded)).send({ url: `https://hooks.example.com/${i}`, events: ['evaluation.completed'] }).expect(201);
    }
    const refused = await api().post('/api/v1/webhooks').set(auth(crowded)).send({ url: 'https://hooks.example.com/21', events: ['evaluation.completed'] }).expect(422);
    expect(refused.body.message).toBe('A tenant can have at most 20 webhooks; delete one first');
  });

  it('needs the webhooks scopes', async () => {
    const reader = await tenantWithKey(app, 'Reader MSP', ['webhooks:read']);
    await api().get('/api/v1/webhooks').set(auth(reader)).expect(200);
    await api().post('/api/v1/webhooks').set(auth(reader)).send({ url: 'https://hooks.example.com/x', events: ['evaluation.completed'] }).expect(403);
    const outsider = await tenantWithKey(app, 'Outsider MSP', ['clients:read']);
    await api().get('/api/v1/webhooks').set(auth(outsider)).expect(403);
  });
});

describe('delivery', () => {
  it('sends a signed ping from the test route and logs the delivery', async () => {
    const webhook = await register(msp, '/ping');
    const queued = await api().post(`/api/v1/webhooks/${webhook.id}/test`).set(auth()).expect(202);
    expect(queued.body).toMatchObject({ id: expect.any(String), status: 'pending', eventType: 'ping', attempts: [], attemptCount: 0 });
    const delivery = await settled(msp, webhook.id, queued.body.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 1, error: null, attempts: [{ statusCode: 200, error: null, durationMs: expect.any(Number), at: expect.any(String) }] });
    const [sent] = at('/ping');
    expect(sent).toMatchObject({ verified: true, signatures: 1 });
    expect(sent!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Rampart-Webhooks/1',
      'rampart-event': 'ping',
      'rampart-delivery': queued.body.id,
    });
    const body = JSON.parse(sent!.body);
    expect(body).toEqual({ id: delivery.eventId, type: 'ping', createdAt: expect.any(String), data: { webhook: { id: webhook.id, events: ['evaluation.completed'] } } });
    expect(delivery.payload).toEqual(body);
  });

  it('delivers one signed evaluation.completed when a run finishes, to the webhooks that subscribe', async () => {
    for (const name of ['Alpine Dental', 'Birch Legal']) await api().post('/api/v1/clients').set(auth(runs)).send({ name }).expect(201);
    const subscribed = await register(runs, '/runs');
    await register(runs, '/runs-scores-only', { events: ['client.score_changed'] });
    const paused = await register(runs, '/runs-paused', { enabled: false });
    expect(paused.enabled).toBe(false);

    const queued = await api().post('/api/v1/evaluations').set(auth(runs)).send({}).expect(202);
    const run = await until('the run to finish', async () => {
      const { body } = await api().get(`/api/v1/evaluations/${queued.body.id}`).set(auth(runs)).expect(200);
      return body.status === 'succeeded' || body.status === 'failed' ? body : undefined;
    });
    await until('evaluation.completed', async () => (at('/runs').length > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(at('/runs')).toHaveLength(1);
    expect(at('/runs-scores-only')).toHaveLength(0);
    expect(at('/runs-paused')).toHaveLength(0);
    const [sent] = at('/runs');
    expect(sent).toMatchObject({ verified: true });
    expect(sent!.headers['rampart-event']).toBe('evaluation.completed');
    const body = JSON.parse(sent!.body);
    expect(body).toEqual({
      id: expect.any(String),
      type: 'evaluation.completed',
      createdAt: expect.any(String),
      data: {
        run: {
          id: run.id,
          trigger: 'api',
          status: 'succeeded',
          error: null,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          progress: { done: 2, total: 2, failed: 0 },
          portfolio: run.portfolio,
        },
      },
    });
    expect(body.data.run.portfolio).toMatchObject({ score: expect.any(Number), grade: expect.any(String), distribution: expect.any(Object) });
    const log = (await api().get(`/api/v1/webhooks/${subscribed.id}/deliveries`).set(auth(runs)).expect(200)).body;
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({ eventType: 'evaluation.completed', eventId: body.id, status: 'succeeded', payload: body });
  });
});

describe('retries', () => {
  const webhooks: Record<'flaky' | 'down' | 'gone', Created> = {} as Record<'flaky' | 'down' | 'gone', Created>;
  const deliveries: Record<'flaky' | 'down' | 'gone', string> = {} as Record<'flaky' | 'down' | 'gone', string>;

  // All three start together, so the suite waits for the backoff once.
  beforeAll(async () => {
    answers.set('/flaky', [500, 500, 200]);
    answers.set('/down', [500]);
    answers.set('/gone', [410]);
    for (const name of ['flaky', 'down', 'gone'] as const) {
      webhooks[name] = await register(retries, `/${name}`);
      deliveries[name] = (await api().post(`/api/v1/webhooks/${webhooks[name].id}/test`).set(auth(retries)).expect(202)).body.id;
    }
  });

  it('retries a failing endpoint with the same body and signature scheme until it answers 2xx, logging every attempt', async () => {
    const delivery = await settled(retries, webhooks.flaky.id, deliveries.flaky);
    expect(delivery.status).toBe('succeeded');
    expect(delivery.attemptCount).toBe(3);
    expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(delivery.attempts[0]!.error).toBe('HTTP 500: receiver says 500');
    expect(delivery.attempts[2]!.error).toBeNull();
    // Backoff: the second attempt waited at least the base delay (1 s) after the first.
    expect(Date.parse(delivery.attempts[1]!.at) - Date.parse(delivery.attempts[0]!.at)).toBeGreaterThanOrEqual(900);
    const requests = at('/flaky');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((entry) => entry.body)).size).toBe(1);
    expect(new Set(requests.map((entry) => entry.headers['rampart-delivery'])).size).toBe(1);
    expect(requests.every((entry) => entry.verified)).toBe(true);
    const succeeded = (await api().get(`/api/v1/webhooks/${webhooks.flaky.id}/deliveries`).query({ status: 'succeeded' }).set(auth(retries)).expect(200)).body.data;
    expect(succeeded.map((entry: { id: string }) => entry.id)).toEqual([deliveries.flaky]);
  });

  it('marks a delivery failed after the last attempt, and redelivers the same event on request', async () => {
    const delivery = await settled(retries, webhooks.down.id, deliveries.down);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 3, error: 'Gave up after 3 attempt(s): HTTP 500: receiver says 500' });
    expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500]);
    expect(at('/down')).toHaveLength(3);
    const failed = (await api().get(`/api/v1/webhooks/${webhooks.down.id}/deliveries`).query({ status: 'failed' }).set(auth(retries)).expect(200)).body.data;
    expect(failed.map((entry: { id: string }) => entry.id)).toEqual([deliveries.down]);

    answers.set('/down', [200]);
    const redelivery = await api().post(`/api/v1/webhooks/${webhooks.down.id}/deliveries/${deliveries.down}/redeliver`).set(auth(retries)).expect(202);
    expect(redelivery.body).toMatchObject({ status: 'pending', eventId: delivery.eventId, payload: delivery.payload, redeliveryOf: deliveries.down });
    expect(redelivery.body.id).not.toBe(deliveries.down);
    expect(await settled(retries, webhooks.down.id, redelivery.body.id)).toMatchObject({ status: 'succeeded', attemptCount: 1 });
    const requests = at('/down');
    expect(requests).toHaveLength(4);
    expect(requests[3]!.body).toBe(requests[0]!.body);
    expect(requests[3]!.headers['rampart-delivery']).toBe(redelivery.body.id);
    const log = (await api().get(`/api/v1/webhooks/${webhooks.down.id}/deliveries`).set(auth(retries)).expect(200)).body.data;
    expect(log.map((entry: { id: string }) => entry.id)).toEqual([redelivery.body.id, deliveries.down]);
  });

  it('disables a webhook whose endpoint answers 410 Gone, and sends nothing more until it is enabled again', async () => {
    const delivery = await settled(retries, webhooks.gone.id, deliveries.gone);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1, error: 'The endpoint answered 410 Gone: the webhook was disabled' });
    const { body: webhook } = await api().get(`/api/v1/webhooks/${webhooks.gone.id}`).set(auth(retries)).expect(200);
    expect(webhook.enabled).toBe(false);
    expect(webhook.disabledReason).toMatch(/^The endpoint answered 410 Gone at /);
    const refused = await api().post(`/api/v1/webhooks/${webhooks.gone.id}/test`).set(auth(retries)).expect(422);
    expect(refused.body.details).toEqual([{ field: 'enabled', message: expect.stringContaining('is disabled') }]);
    await api().post(`/api/v1/webhooks/${webhooks.gone.id}/deliveries/${deliveries.gone}/redeliver`).set(auth(retries)).expect(422);
    expect(at('/gone')).toHaveLength(1);

    const { body: enabled } = await api().patch(`/api/v1/webhooks/${webhooks.gone.id}`).set(auth(retries)).send({ enabled: true }).expect(200);
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
  });
});

describe('secret rotation', () => {
  it('signs with both secrets while the old one is kept, so a receiver can switch over', async () => {
    const webhook = await register(msp, '/rotate');
    const { body: rotated } = await api().post(`/api/v1/webhooks/${webhook.id}/rotate-secret`).set(auth()).send({ previousSecretExpiresInHours: 24 }).expect(200);
    expect(Date.parse(rotated.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    // The receiver still knows only the old secret: it must still verify.
    const first = (await api().post(`/api/v1/webhooks/${webhook.id}/test`).set(auth()).expect(202)).body.id;
    await settled(msp, webhook.id, first);
    expect(at('/rotate')[0]).toMatchObject({ verified: true, signatures: 2 });
    // Once switched to the new one, that verifies too; rotating without overlap drops the old one.
    secrets.set('/rotate', [rotated.secret]);
    const { body: again } = await api().post(`/api/v1/webhooks/${webhook.id}/rotate-secret`).set(auth()).send({}).expect(200);
    secrets.set('/rotate', [again.secret]);
    const second = (await api().post(`/api/v1/webhooks/${webhook.id}/test`).set(auth()).expect(202)).body.id;
    await settled(msp, webhook.id, second);
    expect(at('/rotate')[1]).toMatchObject({ verified: true, signatures: 1 });
  });
});

describe('client.score_changed', () => {
  it('sends each webhook the clients whose score moved by at least its threshold', async () => {
    const wide = await register(changes, '/changes-5', { events: ['client.score_changed'], scoreChangeThreshold: 5 });
    const narrow = await register(changes, '/changes-0.5', { events: ['client.score_changed'], scoreChangeThreshold: 0.5 });
    await register(changes, '/changes-runs-only', { events: ['evaluation.completed'] });
    const base = { runId: '11111111-1111-4111-8111-111111111111', previousRunId: '22222222-2222-4222-8222-222222222222', evaluatedAt: new Date('2026-11-25T02:00:00Z') };
    const database = app.get(Database);
    const raise = () => database.inTenant(changes.tenantId, (scope) =>
      app.get(WebhookEvents).clientScoresChanged(scope, [
        { ...base, clientId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', clientName: 'Alpine Dental', previousScore: 76.3, previousGrade: 'C', score: 81.3, grade: 'B' },
        { ...base, clientId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', clientName: 'Birch Legal', previousScore: 70, previousGrade: 'C', score: 69.2, grade: 'D' },
        { ...base, clientId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', clientName: 'Cedar Logistics', previousScore: null, previousGrade: null, score: 40, grade: 'F' },
        { ...base, clientId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', clientName: 'Dune Dental', previousScore: 90, previousGrade: 'A', score: 90.2, grade: 'A' },
      ]),
    );
    await raise();
    await until('score changes', async () => (at('/changes-5').length === 2 && at('/changes-0.5').length === 3 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(at('/changes-runs-only')).toHaveLength(0);
    const names = (path: string) => at(path).map((entry) => JSON.parse(entry.body).data.client.name).toSorted();
    expect(names('/changes-5')).toEqual(['Alpine Dental', 'Cedar Logistics']);
    expect(names('/changes-0.5')).toEqual(['Alpine Dental', 'Birch Legal', 'Cedar Logistics']);
    expect([...at('/changes-5'), ...at('/changes-0.5')].every((entry) => entry.verified && entry.headers['rampart-event'] === 'client.score_changed')).toBe(true);
    const alpine = (path: string) => at(path).map((entry) => JSON.parse(entry.body)).find((body) => body.data.client.name === 'Alpine Dental');
    expect(alpine('/changes-5').id).toBe(alpine('/changes-0.5').id);
    expect(alpine('/changes-5')).toEqual({
      id: expect.any(String),
      type: 'client.score_changed',
      createdAt: expect.any(String),
      data: {
        client: { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', name: 'Alpine Dental' },
        runId: base.runId,
        previousRunId: base.previousRunId,
        previousScore: 76.3,
        previousGrade: 'C',
        score: 81.3,
        grade: 'B',
        change: 5,
        evaluatedAt: '2026-11-25T02:00:00.000Z',
      },
    });
    const log = (await api().get(`/api/v1/webhooks/${narrow.id}/deliveries`).set(auth(changes)).expect(200)).body.data;
    expect(log).toHaveLength(3);
    // Raised again (a retried evaluation job), the same changes have the same event ids and queue nothing more.
    await raise();
    expect((await api().get(`/api/v1/webhooks/${narrow.id}/deliveries`).set(auth(changes)).expect(200)).body.data).toHaveLength(3);
    expect((await api().get(`/api/v1/webhooks/${wide.id}/deliveries`).set(auth(changes)).expect(200)).body.data).toHaveLength(2);
  });
});

/** The evaluation flow end to end: evidence changes between two runs, and the client whose score moved is announced. */
describe('client.score_changed from evaluation runs', () => {
  const FACTS = [
    'm365.legacy_auth_blocked', 'device_policy.removable_storage_blocked', 'device_policy.internet_macros_blocked', 'device_policy.application_control_enforced',
    'device_policy.browser_hardening_enforced', 'm365.external_autoforward_blocked', 'email_security.filtering_enabled', 'backup.console_mfa_enabled',
  ];

  it('sends a signed change for the client whose evidence moved its score, and none for the unchanged one', async () => {
    const tenant = await tenantWithKey(app, 'Score Flow MSP');
    const improved = (await api().post('/api/v1/clients').set(auth(tenant)).send({ name: 'Improved Co' }).expect(201)).body.id;
    await api().post('/api/v1/clients').set(auth(tenant)).send({ name: 'Steady Co' }).expect(201);
    const evaluate = async () => {
      const queued = await api().post('/api/v1/evaluations').set(auth(tenant)).send({}).expect(202);
      return until('the run to finish', async () => {
        const { body } = await api().get(`/api/v1/evaluations/${queued.body.id}`).set(auth(tenant)).expect(200);
        return body.status === 'succeeded' ? body : undefined;
      });
    };
    const first = await evaluate();
    await register(tenant, '/score-flow', { events: ['client.score_changed'], scoreChangeThreshold: 0.1 });
    const observedAt = new Date().toISOString();
    await api()
      .post(`/api/v1/clients/${improved}/facts`)
      .set(auth(tenant))
      .send({ facts: FACTS.map((key) => ({ key, value: true, observedAt, source: 'webhook-test' })) })
      .expect(200);
    const second = await evaluate();
    const scores = (await api().get(`/api/v1/evaluations/${second.id}/clients`).set(auth(tenant)).expect(200)).body.data;
    const before = (await api().get(`/api/v1/evaluations/${first.id}/clients`).set(auth(tenant)).expect(200)).body.data;
    const scoreOf = (rows: { clientId: string; score: number; grade: string }[]) => rows.find((row) => row.clientId === improved)!;

    await until('client.score_changed', async () => (at('/score-flow').length > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(at('/score-flow')).toHaveLength(1);
    const [sent] = at('/score-flow');
    expect(sent).toMatchObject({ verified: true });
    expect(sent!.headers['rampart-event']).toBe('client.score_changed');
    expect(JSON.parse(sent!.body).data).toMatchObject({
      client: { id: improved, name: 'Improved Co' },
      runId: second.id,
      previousRunId: first.id,
      previousScore: scoreOf(before).score,
      score: scoreOf(scores).score,
      grade: scoreOf(scores).grade,
    });
  });
});

describe('tenant isolation', () => {
  it("answers 404 on every route for another tenant's webhook and delivery", async () => {
    const webhook = await register(msp, '/isolation');
    const delivery = (await api().post(`/api/v1/webhooks/${webhook.id}/test`).set(auth()).expect(202)).body.id;
    await settled(msp, webhook.id, delivery);
    const foreign = auth(other);
    await api().get(`/api/v1/webhooks/${webhook.id}`).set(foreign).expect(404);
    await api().patch(`/api/v1/webhooks/${webhook.id}`).set(foreign).send({ enabled: false }).expect(404);
    await api().post(`/api/v1/webhooks/${webhook.id}/rotate-secret`).set(foreign).send({}).expect(404);
    await api().post(`/api/v1/webhooks/${webhook.id}/test`).set(foreign).expect(404);
    await api().get(`/api/v1/webhooks/${webhook.id}/deliveries`).set(foreign).expect(404);
    await api().get(`/api/v1/webhooks/${webhook.id}/deliveries/${delivery}`).set(foreign).expect(404);
    await api().post(`/api/v1/webhooks/${webhook.id}/deliveries/${delivery}/redeliver`).set(foreign).expect(404);
    await api().delete(`/api/v1/webhooks/${webhook.id}`).set(foreign).expect(404);
    expect((await api().get('/api/v1/webhooks').set(foreign).expect(200)).body.data).toEqual([]);
    // Its own webhook does not open another's delivery either.
    const own = await register(other, '/isolation-other');
    await api().get(`/api/v1/webhooks/${own.id}/deliveries/${delivery}`).set(foreign).expect(404);
    await api().post(`/api/v1/webhooks/${own.id}/deliveries/${delivery}/redeliver`).set(foreign).expect(404);
    // Nothing changed for the owner.
    expect((await api().get(`/api/v1/webhooks/${webhook.id}`).set(auth()).expect(200)).body.enabled).toBe(true);
    await api().get('/api/v1/webhooks/not-a-uuid').set(auth()).expect(400);
    await api().get(`/api/v1/webhooks/${webhook.id}/deliveries/not-a-uuid`).set(auth()).expect(400);
  });
});
