import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { Database } from '../../src/database/database.js';
import { EvaluationResultsRepository } from '../../src/evaluations/evaluation-results.repository.js';
import { EvaluationScheduler } from '../../src/evaluations/schedule/evaluation-scheduler.js';
import { scoreResults } from '../../src/scoring/scoring.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let msp: TenantWithKey;
let other: TenantWithKey;
const clientIds: string[] = [];
let dormantId: string;
let clockOffsetMs = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The scheduler ticks five times a second on a clock a test can move.
  app = await createTestApp({ database: testDb.database, role: 'all', clock: () => new Date(Date.now() + clockOffsetMs), env: { RAMPART_JOB_POLL_SECONDS: '0.5', RAMPART_SCHEDULER_TICK_SECONDS: '0.2' } });
  msp = await tenantWithKey(app, 'Evaluations MSP');
  other = await tenantWithKey(app, 'Other MSP');
  for (const name of ['Alpine Dental', 'Birch Legal', 'Cedar Logistics']) {
    clientIds.push((await api().post('/api/v1/clients').set(auth()).send({ name }).expect(201)).body.id);
  }
  dormantId = (await api().post('/api/v1/clients').set(auth()).send({ name: 'Dormant Co', status: 'inactive' }).expect(201)).body.id;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

const api = () => request(app.getHttpServer());
const auth = (key = msp.key) => ({ Authorization: `Bearer ${key}` });

interface RunBody {
  id: string;
  status: string;
  progress: { done: number; total: number; failed: number };
  portfolio: { score: number | null } | null;
  durationMs: number | null;
}

async function waitForRun(id: string, key = msp.key): Promise<RunBody> {
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
    expect(run.portfolio?.score).toEqual(expect.any(Number));
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    const clients = (await api().get(`/api/v1/evaluations/${run.id}/clients`).set(auth()).expect(200)).body.data;
    expect(clients.map((client: { clientName: string }) => client.clientName)).toEqual(['Alpine Dental', 'Birch Legal', 'Cedar Logistics']);
    expect(clients.every((client: { status: string; score: number }) => client.status === 'succeeded' && typeof client.score === 'number')).toBe(true);
  });
  it('evaluates only the clients asked for', async () => {
    const queued = await api().post('/api/v1/evaluations').set(auth()).send({ clientIds: [clientIds[1]] }).expect(202);
    const run = await waitForRun(queued.body.id);
    expect(run).toMatchObject({ status: 'succeeded', clientIds: [clientIds[1]], progress: { done: 1, total: 1 } });
    const clients = (await api().get(`/api/v1/evaluations/${run.id}/clients`).set(auth()).expect(200)).body.data;
    expect(clients.map((client: { clientId: string }) => client.clientId)).toEqual([clientIds[1]]);
  });

  it('refuses malformed requests with 400 and clients it cannot evaluate with 422, naming them', async () => {
    const malformed = await api().post('/api/v1/evaluations').set(auth()).send({ clientIds: ['not-a-uuid'] }).expect(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'clientIds', message: 'each of clientIds must be a UUID' })]);
    await api().post('/api/v1/evaluations').set(auth()).send({ clientIds: [] }).expect(400);
    await api().post('/api/v1/evaluations').set(auth()).send({ everything: true }).expect(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await api().post('/api/v1/evaluations').set(auth()).send({ clientIds: [unknown] }).expect(422);
    expect(missing.body).toMatchObject({ message: `Client ${unknown} not found`, details: [{ field: 'clientIds' }] });
    const inactive = await api().post('/api/v1/evaluations').set(auth()).send({ clientIds: [dormantId] }).expect(422);
    expect(inactive.body.message).toBe(`Client ${dormantId} is inactive; only active clients are evaluated`);
    // Another tenant's client is as unknown as one that never existed.
    await api().post('/api/v1/evaluations').set(auth(other.key)).send({ clientIds: [clientIds[0]] }).expect(422);
  });

  it('keeps every run: newest first in the list, paged', async () => {
    const first = (await api().get('/api/v1/evaluations').query({ limit: 1 }).set(auth()).expect(200)).body;
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = (await api().get('/api/v1/evaluations').query({ limit: 50, cursor: first.nextCursor }).set(auth()).expect(200)).body;
    const all = [...first.data, ...rest.data];
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.map((run: { createdAt: string }) => run.createdAt)).toEqual(all.map((run: { createdAt: string }) => run.createdAt).toSorted().toReversed());
  });

  it("shows another tenant's runs as absent", async () => {
    const [run] = (await api().get('/api/v1/evaluations').set(auth()).expect(200)).body.data;
    await api().get(`/api/v1/evaluations/${run.id}`).set(auth(other.key)).expect(404);
    await api().get(`/api/v1/evaluations/${run.id}/clients`).set(auth(other.key)).expect(404);
    expect((await api().get('/api/v1/evaluations').set(auth(other.key)).expect(200)).body.data).toEqual([]);
    await api().get('/api/v1/evaluations/not-a-uuid').set(auth()).expect(400);
  });

  it('stores each client\'s control results and framework scores, the same figures the score was made of', async () => {
    const [run] = (await api().get('/api/v1/evaluations').set(auth()).expect(200)).body.data;
    const database = app.get(Database);
    const results = await database.system.selectFrom('controlResults').selectAll().where('runId', '=', run.id).execute();
    const perClient = new Map<string, typeof results>();
    for (const result of results) perClient.set(result.clientId, [...(perClient.get(result.clientId) ?? []), result]);
    const clients = (await api().get(`/api/v1/evaluations/${run.id}/clients`).set(auth()).expect(200)).body.data;
    for (const client of clients) {
      const stored = perClient.get(client.clientId)!;
      expect(stored.length).toBeGreaterThanOrEqual(80);
      const score = scoreResults(stored, { noData: 'fail' });
      expect(score.score).toBe(client.score);
      expect(score.counts).toEqual(client.counts);
    }
    const frameworks = await database.system.selectFrom('frameworkScores').select(['clientId']).where('runId', '=', run.id).execute();
    expect(frameworks.length).toBe(clients.length * 5);
  });
});

describe('tenant schedule settings', () => {
  it('defaults to nightly at 02:00 UTC and shows when the next run starts', async () => {
    const { body } = await api().get('/api/v1/tenant/settings').set(auth()).expect(200);
    expect(body).toMatchObject({ evaluationSchedule: '0 2 * * *', timezone: 'UTC', evidenceRetentionDays: 90 });
    expect(new Date(body.nextScheduledRunAt).getUTCHours()).toBe(2);
  });

  it('takes a schedule in the tenant\'s own time zone', async () => {
    const { body } = await api().patch('/api/v1/tenant/settings').set(auth()).send({ evaluationSchedule: '30 1 * * 1-5', timezone: 'Asia/Kathmandu' }).expect(200);
    expect(body).toMatchObject({ evaluationSchedule: '30 1 * * 1-5', timezone: 'Asia/Kathmandu' });
    // 01:30 in Kathmandu (UTC+05:45) is 19:45 UTC the evening before.
    const next = new Date(body.nextScheduledRunAt);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([19, 45]);
  });

  it('refuses schedules it cannot keep, naming the field', async () => {
    const everyFiveMinutes = await api().patch('/api/v1/tenant/settings').set(auth()).send({ evaluationSchedule: '*/5 * * * *' }).expect(400);
    expect(everyFiveMinutes.body.details).toEqual([{ field: 'evaluationSchedule', message: expect.stringContaining('at most once an hour') }]);
    const zone = await api().patch('/api/v1/tenant/settings').set(auth()).send({ timezone: 'Mars/Olympus' }).expect(400);
    expect(zone.body.details).toEqual([{ field: 'timezone', message: expect.stringContaining('"Mars/Olympus" is not a known IANA time zone') }]);
    await api().patch('/api/v1/tenant/settings').set(auth()).send({ evaluationSchedule: '0 2 * *' }).expect(400);
    await api().patch('/api/v1/tenant/settings').set(auth()).send({ evidenceRetentionDays: 0 }).expect(400);
    const unchanged = (await api().get('/api/v1/tenant/settings').set(auth()).expect(200)).body;
    expect(unchanged).toMatchObject({ evaluationSchedule: '30 1 * * 1-5', timezone: 'Asia/Kathmandu' });
  });

  it('pauses scheduled runs with a null schedule', async () => {
    const { body } = await api().patch('/api/v1/tenant/settings').set(auth(other.key)).send({ evaluationSchedule: null }).expect(200);
    expect(body).toMatchObject({ evaluationSchedule: null, nextScheduledRunAt: null });
  });
});

describe('the scheduler', () => {
  it('starts a tenant\'s run once at its local time, however many times it ticks, and the run syncs then evaluates', async () => {
    const scheduler = app.get(EvaluationScheduler);
    const settings = (await api().get('/api/v1/tenant/settings').set(auth()).expect(200)).body;
    const slot = new Date(settings.nextScheduledRunAt);
    expect(await scheduler.tick(new Date(slot.getTime() - 1000))).toEqual([]);
    const started = await scheduler.tick(new Date(slot.getTime() + 1000));
    expect(started).toEqual([{ tenantId: msp.tenantId, runId: expect.any(String), scheduledFor: slot }]);
    // A second process ticking at the same moment, and the next tick, start nothing more.
    expect(await Promise.all([scheduler.tick(new Date(slot.getTime() + 1000)), scheduler.tick(new Date(slot.getTime() + 30_000))])).toEqual([[], []]);
    const run = await waitForRun(started[0]!.runId);
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'schedule', sync: true, syncs: [], scheduledFor: slot.toISOString(), progress: { done: 3, total: 3 } });
  });

  it('fires on its own timer at the scheduled minute', async () => {
    const settings = (await api().patch('/api/v1/tenant/settings').set(auth()).send({ evaluationSchedule: '15 3 * * *', timezone: 'America/Sao_Paulo' }).expect(200)).body;
    const slot = new Date(settings.nextScheduledRunAt);
    clockOffsetMs = slot.getTime() - 1000 - Date.now();
    try {
      const deadline = Date.now() + 10_000;
      let runs: { id: string; trigger: string; scheduledFor: string | null }[] = [];
      while (Date.now() < deadline && !runs.some((run) => run.scheduledFor === slot.toISOString())) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        runs = (await api().get('/api/v1/evaluations').set(auth()).expect(200)).body.data;
      }
      expect(runs.filter((run) => run.scheduledFor === slot.toISOString())).toEqual([expect.objectContaining({ trigger: 'schedule' })]);
      await waitForRun(runs[0]!.id);
    } finally {
      clockOffsetMs = 0;
    }
  });
});

describe('evidence retention', () => {
  it('drops the detailed evidence of runs past the tenant\'s retention and keeps every score', async () => {
    await api().patch('/api/v1/tenant/settings').set(auth()).send({ evidenceRetentionDays: 7 }).expect(200);
    const runs = (await api().get('/api/v1/evaluations').set(auth()).expect(200)).body.data;
    const [recent, old] = [runs[0], runs[runs.length - 1]];
    const database = app.get(Database);
    await database.system.updateTable('evaluationRuns').set({ finishedAt: new Date(Date.now() - 8 * 86_400_000) }).where('id', '=', old.id).execute();
    const scoresBefore = (await api().get(`/api/v1/evaluations/${old.id}/clients`).set(auth()).expect(200)).body.data;

    expect(await app.get(EvaluationResultsRepository).pruneEvidence(new Date())).toBe(1);

    const pruned = (await api().get(`/api/v1/evaluations/${old.id}`).set(auth()).expect(200)).body;
    expect(pruned.evidencePrunedAt).toEqual(expect.any(String));
    const evidence = await database.system.selectFrom('controlResults').select(['evidence', 'failingAssets', 'status']).where('runId', 'in', [old.id, recent.id]).execute();
    const oldRows = await database.system.selectFrom('controlResults').select(['evidence', 'status']).where('runId', '=', old.id).execute();
    expect(oldRows.every((row) => row.evidence === null && row.status)).toBe(true);
    expect(evidence.some((row) => row.evidence !== null)).toBe(true);
    expect((await api().get(`/api/v1/evaluations/${old.id}/clients`).set(auth()).expect(200)).body.data).toEqual(scoresBefore);
    expect(await app.get(EvaluationResultsRepository).pruneEvidence(new Date())).toBe(0);
  });
});
