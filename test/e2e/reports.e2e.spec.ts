import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { formatScore } from '../../src/reports/render/format.js';
import { ReportScheduler } from '../../src/reports/schedules/report-scheduler.js';
import { FakeSupabaseStorage } from '../fakes/supabase-storage/fake-supabase-storage.js';
import { flatten, hasPoppler, pdfInfo, pdfText, withPoppler } from '../support/pdf-text.js';
import { pngImage } from '../support/images.js';
import { evaluateAll, pushFacts as pushFactsFor } from '../support/evaluation-helpers.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let msp: TenantWithKey;
let other: TenantWithKey;
let viewer: string;
let premiumId: string;
const ids: Record<'muller' | 'tokyo' | 'dormant' | 'newcomer', string> = { muller: '', tokyo: '', dormant: '', newcomer: '' };

const api = () => request(app.getHttpServer());
const auth = (key = msp.key) => ({ Authorization: `Bearer ${key}` });

/** supertest buffers `application/pdf` only when asked to. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function download(id: string, key = msp.key): Promise<Buffer> {
  const response = await api().get(`/api/v1/reports/${id}/download`).set(auth(key)).buffer(true).parse(binary).expect(200);
  return response.body as Buffer;
}

const pushFacts = (clientId: string, facts: Record<string, unknown>) => pushFactsFor(app, msp.key, clientId, facts);
const evaluate = () => evaluateAll(app, msp.key);

async function batchFinished(id: string): Promise<{ status: string; progress: { done: number; failed: number; total: number }; failures: { clientId: string; error: string }[]; scheduleId: string | null }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const batch = (await api().get(`/api/v1/report-batches/${id}`).set(auth()).expect(200)).body;
    if (batch.status === 'succeeded' || batch.status === 'failed') return batch;
    if (Date.now() > deadline) throw new Error(`Batch ${id} still ${batch.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database, role: 'all', env: { RAMPART_JOB_POLL_SECONDS: '0.5' } });
  msp = await tenantWithKey(app, 'Report MSP');
  other = await tenantWithKey(app, 'Other MSP');
  viewer = (await tenantWithKey(app, 'Viewer MSP', ['reports:read'])).key;
  premiumId = (await api().post('/api/v1/baselines').set(auth()).send({ name: 'Premium' }).expect(201)).body.id;
  ids.muller = (await api().post('/api/v1/clients').set(auth()).send({ name: 'Müller GmbH', baseline: 'Premium' }).expect(201)).body.id;
  ids.tokyo = (await api().post('/api/v1/clients').set(auth()).send({ name: '東京商事株式会社' }).expect(201)).body.id;
  ids.dormant = (await api().post('/api/v1/clients').set(auth()).send({ name: 'Dormant Co', status: 'inactive' }).expect(201)).body.id;
  await pushFacts(ids.muller, { 'm365.mfa_registered_ratio': 0.8, 'm365.admin_mfa_registered_ratio': 0 });
  await pushFacts(ids.tokyo, { 'm365.mfa_registered_ratio': 1, 'm365.admin_mfa_registered_ratio': 1 });
  await evaluate();
  await api().post(`/api/v1/clients/${ids.muller}/qbr-marks`).set(auth()).send({ note: 'Q3 review' }).expect(201);
  await pushFacts(ids.muller, { 'm365.admin_mfa_registered_ratio': 1 });
  await evaluate();
  ids.newcomer = (await api().post('/api/v1/clients').set(auth()).send({ name: 'Newcomer Ltd' }).expect(201)).body.id;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

describe('POST /api/v1/reports for one client', () => {
  let report: { id: string; sha256: string; sizeBytes: number; pageCount: number; runId: string; clientName: string; template: string; downloadUrl: string };

  beforeAll(async () => {
    report = (await api().post('/api/v1/reports').set(auth()).send({ clientId: ids.muller, template: 'qbr' }).expect(201)).body;
  }, 60_000);

  it('records tenant, client, run, template, time and SHA-256, and serves the exact bytes as application/pdf', async () => {
    const card = (await api().get(`/api/v1/clients/${ids.muller}/scorecard`).set(auth()).expect(200)).body;
    expect(report).toMatchObject({ clientName: 'Müller GmbH', runId: card.run.id, template: 'qbr', templateName: 'Quarterly business review', createdBy: expect.stringContaining('Report MSP key'), downloadUrl: `/api/v1/reports/${report.id}/download` });
    const response = await api().get(report.downloadUrl).set(auth()).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''qbr-muller-gmbh-`);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBe(report.sizeBytes);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(report.sha256);
    expect((await api().get(`/api/v1/reports/${report.id}`).set(auth()).expect(200)).body).toEqual(report);
    const { body: audit } = await api().get(`/api/v1/audit-log?action=report.created&targetId=${ids.muller}`).set(auth()).expect(200);
    expect(audit.data[0].details).toMatchObject({ reportId: report.id, sha256: report.sha256, template: 'qbr' });
  });

  withPoppler('prints the score, grade, framework scores and failing controls the scorecard API gives for the same run', async () => {
    const pdf = await download(report.id);
    const info = await pdfInfo(pdf);
    expect(Number(info.Pages)).toBe(report.pageCount);
    expect(info.Title).toBe('Quarterly Business Review: Müller GmbH');
    const text = flatten(await pdfText(pdf));
    const card = (await api().get(`/api/v1/clients/${ids.muller}/scorecard?runId=${report.runId}`).set(auth()).expect(200)).body;
    expect(text).toContain('Müller GmbH');
    expect(text).toContain(`${card.client.name} scores ${formatScore(card.score)} out of 100, grade ${card.grade}`);
    for (const framework of card.frameworks as { name: string; score: number | null; grade: string | null }[]) {
      const at = text.indexOf(framework.name);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(text.slice(at, at + framework.name.length + 80)).toContain(formatScore(framework.score));
    }
    const failing = (card.controls as { name: string; status: string }[]).filter((control) => control.status === 'fail' || control.status === 'partial');
    expect(failing.length).toBeGreaterThan(0);
    for (const control of failing) expect(text).toContain(control.name);
  });

  withPoppler('prints a CJK client name exactly', async () => {
    const { body } = await api().post('/api/v1/reports').set(auth()).send({ clientId: ids.tokyo, template: 'executive' }).expect(201);
    expect(flatten(await pdfText(await download(body.id)))).toContain('東京商事株式会社');
    expect(body.pageCount).toBeLessThanOrEqual(2);
  });

  withPoppler('renders a framework statement requirement by requirement, with the framework\'s score from the API', async () => {
    const { body } = await api().post('/api/v1/reports').set(auth()).send({ clientId: ids.muller, template: 'framework' }).expect(201);
    const frameworkId = body.frameworkId as string;
    const statement = (await api().get(`/api/v1/clients/${ids.muller}/frameworks/${frameworkId}?runId=${body.runId}`).set(auth()).expect(200)).body;
    const text = flatten(await pdfText(await download(body.id)));
    expect(text).toContain(`scores ${formatScore(statement.framework.score)} (${statement.framework.grade ?? '—'})`);
    for (const requirement of statement.requirements.slice(0, 10) as { ref: string; title: string }[]) expect(text).toContain(requirement.title);
  });

  it('refuses what it cannot make, naming the field', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ template: 'qbr' }, 400, 'clientId'],
      [{ clientId: ids.muller, clientIds: [ids.tokyo], template: 'qbr' }, 400, 'clientId'],
      [{ clientId: ids.muller, template: 'Q B R' }, 400, 'template'],
      [{ clientId: ids.muller, template: 'board-pack' }, 422, 'template'],
      [{ clientId: ids.muller, template: 'qbr', frameworkId: premiumId }, 422, 'frameworkId'],
      [{ clientId: ids.muller, template: 'qbr', color: 'red' }, 400, 'color'],
      [{ clientIds: [ids.muller, ids.dormant], template: 'qbr' }, 422, 'clientIds'],
    ];
    for (const [body, status, field] of cases) {
      const { body: error } = await api().post('/api/v1/reports').set(auth()).send(body).expect(status);
      expect(error.details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
    const never = await api().post('/api/v1/reports').set(auth()).send({ clientId: ids.newcomer, template: 'qbr' }).expect(404);
    expect(never.body.message).toContain(ids.newcomer);
    await api().post('/api/v1/reports').set(auth(viewer)).send({ clientId: ids.muller, template: 'qbr' }).expect(403);
  });
});

describe('bulk reports', () => {
  it('makes one report per client as a job with progress, and lists them by batch', async () => {
    const accepted = await api().post('/api/v1/reports').set(auth()).send({ clientIds: [ids.muller, ids.tokyo], template: 'executive' }).expect(202);
    expect(accepted.headers.location).toBe(`/api/v1/report-batches/${accepted.body.id}`);
    expect(accepted.body).toMatchObject({ status: 'queued', progress: { done: 0, failed: 0, total: 2 } });
    const batch = await batchFinished(accepted.body.id);
    expect(batch).toMatchObject({ status: 'succeeded', progress: { done: 2, failed: 0, total: 2 }, failures: [] });
    const { body: listed } = await api().get(`/api/v1/reports?batchId=${accepted.body.id}`).set(auth()).expect(200);
    expect(listed.data.map((report: { clientId: string }) => report.clientId).toSorted()).toEqual([ids.muller, ids.tokyo].toSorted());
  }, 60_000);

  it('covers the whole portfolio, and records a client it could not report on without stopping the others', async () => {
    const accepted = await api().post('/api/v1/reports').set(auth()).send({ allClients: true, template: 'executive' }).expect(202);
    expect(accepted.body.progress.total).toBe(3);
    const batch = await batchFinished(accepted.body.id);
    expect(batch).toMatchObject({ status: 'succeeded', progress: { done: 2, failed: 1, total: 3 } });
    expect(batch.failures).toEqual([{ clientId: ids.newcomer, error: expect.stringContaining('evaluat') }]);
  }, 60_000);
});

describe('report templates', () => {
  it('lists the built-in templates with the placeholders and sections a copy may use', async () => {
    const { body } = await api().get('/api/v1/report-templates').set(auth()).expect(200);
    expect(body.data.map((template: { key: string }) => template.key)).toEqual(expect.arrayContaining(['qbr', 'executive', 'framework']));
    expect(body.placeholders).toHaveProperty(['client.name']);
    expect(body.sectionTypes).toContain('failing_assets');
  });

  it('copies and adjusts a template, and reports made from it follow it', async () => {
    const { body: copy } = await api()
      .post('/api/v1/report-templates')
      .set(auth())
      .send({ key: 'acme-brief', basedOn: 'executive', name: 'ACME brief', sections: [{ type: 'score', title: 'Where {{client.name}} stands' }, { type: 'text', title: 'Next steps', text: 'Call {{msp.name}} to book the fixes.' }] })
      .expect(201);
    expect(copy).toMatchObject({ key: 'acme-brief', builtin: false, basedOn: 'executive', name: 'ACME brief', title: 'Security at a glance: {{client.name}}' });
    const { body: changed } = await api().patch('/api/v1/report-templates/acme-brief').set(auth()).send({ pageSize: 'LETTER' }).expect(200);
    expect(changed.pageSize).toBe('LETTER');
    const { body: report } = await api().post('/api/v1/reports').set(auth()).send({ clientId: ids.muller, template: 'acme-brief' }).expect(201);
    expect(report).toMatchObject({ template: 'acme-brief', templateName: 'ACME brief' });
    if (hasPoppler) {
      const pdf = await download(report.id);
      expect(flatten(await pdfText(pdf))).toContain('Where Müller GmbH stands');
      expect((await pdfInfo(pdf))['Page size']).toContain('612 x 792');
    }
    await api().get('/api/v1/report-templates/acme-brief').set(auth(other.key)).expect(404);
    await api().delete('/api/v1/report-templates/acme-brief').set(auth()).expect(204);
    await api().post('/api/v1/reports').set(auth()).send({ clientId: ids.muller, template: 'acme-brief' }).expect(422);
  }, 60_000);

  it('refuses an unknown section or placeholder on save, naming its path', async () => {
    const section = await api().post('/api/v1/report-templates').set(auth()).send({ key: 'broken', basedOn: 'qbr', sections: [{ type: 'score' }, { type: 'pie_chart' }] }).expect(400);
    expect(section.body.details).toEqual([{ field: 'sections[1].type', message: expect.stringContaining('unknown section "pie_chart"') }]);
    const placeholder = await api().post('/api/v1/report-templates').set(auth()).send({ key: 'broken', name: 'Broken', title: 'For {{client.nmae}}', sections: [{ type: 'score' }] }).expect(400);
    expect(placeholder.body.details).toEqual([{ field: 'title', message: 'unknown placeholder {{client.nmae}} (did you mean {{client.name}}?)' }]);
    await api().get('/api/v1/report-templates/broken').set(auth()).expect(404);
  });

  it('keeps built-in templates read-only and keys unique', async () => {
    await api().patch('/api/v1/report-templates/qbr').set(auth()).send({ name: 'Mine now' }).expect(409);
    await api().delete('/api/v1/report-templates/qbr').set(auth()).expect(409);
    await api().post('/api/v1/report-templates').set(auth()).send({ key: 'qbr', basedOn: 'qbr' }).expect(409);
    await api().post('/api/v1/report-templates').set(auth()).send({ key: 'twice', basedOn: 'qbr' }).expect(201);
    await api().post('/api/v1/report-templates').set(auth()).send({ key: 'twice', basedOn: 'qbr' }).expect(409);
    await api().post('/api/v1/report-templates').set(auth()).send({ key: 'from-nothing', basedOn: 'missing' }).expect(422);
  });
});

describe('branding', () => {
  it('starts from the tenant name and default colours, and takes colours, name and footer', async () => {
    const { body: initial } = await api().get('/api/v1/branding').set(auth(other.key)).expect(200);
    expect(initial).toMatchObject({ name: 'Other MSP', nameSet: false, primaryColor: '#1f4e79', logo: null });
    const { body } = await api().patch('/api/v1/branding').set(auth()).send({ name: 'Northwind IT', primaryColor: '#0B3D2E', footerText: 'Northwind IT · support@northwind.example' }).expect(200);
    expect(body).toMatchObject({ name: 'Northwind IT', nameSet: true, primaryColor: '#0b3d2e', footerText: 'Northwind IT · support@northwind.example' });
  });

  it('refuses a colour that cannot be read on white paper, or not written #rrggbb', async () => {
    const light = await api().patch('/api/v1/branding').set(auth()).send({ accentColor: '#ffff66' }).expect(422);
    expect(light.body.details[0]).toMatchObject({ field: 'accentColor', message: expect.stringContaining(':1 on white paper') });
    const malformed = await api().patch('/api/v1/branding').set(auth()).send({ primaryColor: 'green' }).expect(400);
    expect(malformed.body.details[0].field).toBe('primaryColor');
  });

  it('takes a PNG logo, serves it back, prints it, and refuses other formats with a message naming what is accepted', async () => {
    const logo = pngImage(240, 80);
    const { body } = await api().put('/api/v1/branding/logo').set(auth()).set('Content-Type', 'image/png').send(logo).expect(200);
    expect(body.logo).toMatchObject({ type: 'image/png', width: 240, height: 80, sizeBytes: logo.length, sha256: createHash('sha256').update(logo).digest('hex') });
    const served = await api().get('/api/v1/branding/logo').set(auth()).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(served.body as Buffer, logo)).toBe(0);
    await api().get('/api/v1/branding/logo').set(auth(other.key)).expect(404);

    const gif = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');
    const refused = await api().put('/api/v1/branding/logo').set(auth()).set('Content-Type', 'image/gif').send(gif).expect(422);
    expect(refused.body.message).toMatch(/PNG|JPEG/);
    const mislabelled = await api().put('/api/v1/branding/logo').set(auth()).set('Content-Type', 'image/jpeg').send(logo).expect(422);
    expect(mislabelled.body.message).toContain('PNG');
    await api().put('/api/v1/branding/logo').set(auth()).set('Content-Type', 'image/png').send(Buffer.alloc(1024 * 1024 + 1)).expect(413);
    await api().put('/api/v1/branding/logo').set(auth()).set('Content-Type', 'image/png').send(logo.subarray(0, 60)).expect(422);
    await api().put('/api/v1/branding/logo').set(auth(viewer)).set('Content-Type', 'image/png').send(logo).expect(403);

    const { body: report } = await api().post('/api/v1/reports').set(auth()).send({ clientId: ids.tokyo, template: 'qbr' }).expect(201);
    if (hasPoppler) {
      const text = flatten(await pdfText(await download(report.id)));
      expect(text).toContain('Northwind IT');
    }
    await api().delete('/api/v1/branding/logo').set(auth()).expect(204);
    await api().delete('/api/v1/branding/logo').set(auth()).expect(404);
  }, 60_000);
});

describe('monthly schedules', () => {
  it('makes a batch for the baseline\'s active clients when due, once, and moves to the next month', async () => {
    const { body: schedule } = await api().post('/api/v1/report-schedules').set(auth()).send({ baselineId: premiumId, template: 'executive', dayOfMonth: 1, hour: 6 }).expect(201);
    expect(schedule).toMatchObject({ template: 'executive', dayOfMonth: 1, hour: 6, timezone: 'UTC', enabled: true, lastRunAt: null });
    expect(new Date(schedule.nextRunAt).getUTCDate()).toBe(1);
    const { body: hook } = await api().post('/api/v1/webhooks').set(auth()).send({ url: 'https://hooks.example.com/rampart', events: ['report.batch_completed'] }).expect(201);

    const scheduler = app.get(ReportScheduler);
    const due = new Date(new Date(schedule.nextRunAt).getTime() + 60_000);
    const [started, again] = [await scheduler.tick(due), await scheduler.tick(due)];
    expect(started).toEqual([{ scheduleId: schedule.id, batchId: expect.any(String) }]);
    expect(again).toEqual([]);
    const batch = await batchFinished(started[0]!.batchId);
    expect(batch).toMatchObject({ status: 'succeeded', scheduleId: schedule.id, progress: { done: 1, total: 1 } });
    const { body: after } = await api().get('/api/v1/report-schedules').set(auth()).expect(200);
    expect(after.data[0]).toMatchObject({ id: schedule.id, lastBatchId: started[0]!.batchId, lastError: null });
    expect(new Date(after.data[0].nextRunAt).getTime()).toBeGreaterThan(due.getTime());

    const deadline = Date.now() + 10_000;
    let deliveries: { payload: unknown }[] = [];
    while (deliveries.length === 0 && Date.now() < deadline) {
      deliveries = (await api().get(`/api/v1/webhooks/${hook.id}/deliveries`).set(auth()).expect(200)).body.data;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(deliveries[0]!.payload).toMatchObject({ type: 'report.batch_completed', data: { batch: { id: started[0]!.batchId, status: 'succeeded' }, reports: [{ clientId: ids.muller, downloadUrl: expect.stringMatching(/^\/api\/v1\/reports\/.+\/download$/) }] } });
  }, 60_000);

  it('refuses an unknown baseline, template or day', async () => {
    await api().post('/api/v1/report-schedules').set(auth()).send({ baselineId: ids.muller, template: 'qbr', dayOfMonth: 1 }).expect(422);
    await api().post('/api/v1/report-schedules').set(auth()).send({ baselineId: premiumId, template: 'nope', dayOfMonth: 1 }).expect(422);
    const day = await api().post('/api/v1/report-schedules').set(auth()).send({ baselineId: premiumId, template: 'qbr', dayOfMonth: 31 }).expect(400);
    expect(day.body.details[0].field).toBe('dayOfMonth');
  });
});

describe('another tenant', () => {
  it('gets 404 from every report route for this tenant\'s reports, batches, schedules and clients', async () => {
    const { body: report } = await api().get('/api/v1/reports?limit=1').set(auth()).expect(200);
    const { body: batches } = await api().get('/api/v1/report-batches?limit=1').set(auth()).expect(200);
    const { body: schedules } = await api().get('/api/v1/report-schedules').set(auth()).expect(200);
    const reportId = report.data[0].id as string;
    await api().get(`/api/v1/reports/${reportId}`).set(auth(other.key)).expect(404);
    await api().get(`/api/v1/reports/${reportId}/download`).set(auth(other.key)).expect(404);
    await api().get(`/api/v1/report-batches/${batches.data[0].id}`).set(auth(other.key)).expect(404);
    await api().patch(`/api/v1/report-schedules/${schedules.data[0].id}`).set(auth(other.key)).send({ enabled: false }).expect(404);
    await api().delete(`/api/v1/report-schedules/${schedules.data[0].id}`).set(auth(other.key)).expect(404);
    await api().post('/api/v1/reports').set(auth(other.key)).send({ clientId: ids.muller, template: 'qbr' }).expect(404);
    expect((await api().get('/api/v1/reports').set(auth(other.key)).expect(200)).body.data).toEqual([]);
  });
});

describe('reports kept in Supabase Storage', () => {
  const serviceRoleKey = 'service-role-key-for-tests';
  let storage: FakeSupabaseStorage;
  let supabaseApp: NestExpressApplication;

  beforeAll(async () => {
    storage = await FakeSupabaseStorage.start({ serviceRoleKey, buckets: ['qbr-reports'] });
    supabaseApp = await createTestApp({ database: testDb.database, env: { SUPABASE_URL: storage.url, SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey, RAMPART_REPORTS_BUCKET: 'qbr-reports' } });
  });
  afterAll(async () => {
    await supabaseApp?.close();
    await storage?.stop();
  });

  it('uploads the PDF to the bucket under the tenant\'s folder and serves it back through the API', async () => {
    const { body: report } = await request(supabaseApp.getHttpServer()).post('/api/v1/reports').set(auth()).send({ clientId: ids.tokyo, template: 'executive' }).expect(201);
    const stored = storage.objects('qbr-reports').get(`${msp.tenantId}/${report.id}.pdf`);
    expect(stored).toMatchObject({ contentType: 'application/pdf' });
    expect(createHash('sha256').update(stored!.bytes).digest('hex')).toBe(report.sha256);
    const served = await request(supabaseApp.getHttpServer()).get(report.downloadUrl).set(auth()).buffer(true).parse(binary).expect(200);
    expect(createHash('sha256').update(served.body as Buffer).digest('hex')).toBe(report.sha256);
    await request(supabaseApp.getHttpServer()).get(report.downloadUrl).set(auth(other.key)).expect(404);
  }, 60_000);
});
