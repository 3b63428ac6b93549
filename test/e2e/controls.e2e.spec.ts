import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { DemoService } from '../../src/demo/demo.service.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let msp: TenantWithKey;
let other: TenantWithKey;
let clientId: string;
let baselineId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database });
  msp = await tenantWithKey(app, 'Controls MSP');
  other = await tenantWithKey(app, 'Other MSP');
  baselineId = (await api().post('/api/v1/baselines').set(auth()).send({ name: 'Premium', description: 'Fully managed' }).expect(201)).body.id;
  clientId = (await api().post('/api/v1/clients').set(auth()).send({ name: 'Harbor Dental Group', baseline: 'Premium', domains: ['harbordental.example'] }).expect(201)).body.id;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

const api = () => request(app.getHttpServer());
const auth = (key = msp.key) => ({ Authorization: `Bearer ${key}` });
const pushFacts = (facts: { key: string; value: unknown }[]) =>
  api()
    .post(`/api/v1/clients/${clientId}/facts`)
    .set(auth())
    .send({ facts: facts.map((fact) => ({ ...fact, source: 'test', observedAt: new Date().toISOString() })) })
    .expect(200);
const preview = (control: string, body: object = {}) => api().post(`/api/v1/controls/${control}/preview`).query({ clientId }).set(auth()).send(body).expect(200);

describe('catalog and frameworks', () => {
  it('lists the built-in catalog with defaults as the source of every setting', async () => {
    const { body } = await api().get('/api/v1/controls').set(auth()).expect(200);
    expect(body.data.length).toBeGreaterThanOrEqual(40);
    const mfa = body.data.find((control: { key: string }) => control.key === 'identity.mfa_all_users');
    expect(mfa).toMatchObject({ builtin: true, severity: 'critical', evaluator: { kind: 'numeric_threshold' }, effective: { enabled: true, weight: 1, sources: { enabled: 'default', weight: 'default' } } });
    expect(mfa.mappings).toEqual(expect.arrayContaining([expect.objectContaining({ framework: 'cis-v8-ig1' })]));
  });

  it('lists the five built-in frameworks with requirement counts and a statement of which controls support each requirement', async () => {
    const { body } = await api().get('/api/v1/frameworks').set(auth()).expect(200);
    expect(body.data.map((framework: { key: string }) => framework.key).toSorted()).toEqual(['cis-v8-ig1', 'cyber-essentials', 'essential-eight', 'hipaa-security', 'nist-csf-2']);
    const cis = body.data.find((framework: { key: string }) => framework.key === 'cis-v8-ig1');
    expect(cis).toMatchObject({ builtin: true, requirementCount: 56 });
    const detail = (await api().get('/api/v1/frameworks/cis-v8-ig1').set(auth()).expect(200)).body;
    expect(detail.requirements).toHaveLength(56);
    expect(detail.requirements.find((requirement: { ref: string }) => requirement.ref === '6.3').controls.length).toBeGreaterThan(0);
  });

  it('lets a tenant add its own framework and map controls to it, unseen by other tenants', async () => {
    const created = await api()
      .post('/api/v1/frameworks')
      .set(auth())
      .send({ key: 'acme-insurance', name: 'Acme cyber insurance', version: '2026', publisher: 'Acme Mutual', requirements: [{ ref: 'Q1', title: 'MFA for email' }, { ref: 'Q2', title: 'Offline backups' }] })
      .expect(201);
    expect(created.body).toMatchObject({ builtin: false, requirementCount: 2, requirementsWithControls: 0 });
    await api().post('/api/v1/frameworks/acme-insurance/mappings').set(auth()).send({ controlId: 'identity.mfa_all_users', refs: ['Q1'] }).expect(200, { added: 1 });
    const bad = await api().post('/api/v1/frameworks/acme-insurance/mappings').set(auth()).send({ controlId: 'identity.mfa_all_users', refs: ['Q9'] }).expect(422);
    expect(bad.body.message).toBe('acme-insurance has no requirement Q9');
    expect((await api().get('/api/v1/frameworks/acme-insurance').set(auth()).expect(200)).body.requirements[0].controls).toEqual(['identity.mfa_all_users']);
    await api().get('/api/v1/frameworks/acme-insurance').set(auth(other.key)).expect(404);
    await api().delete('/api/v1/frameworks/cis-v8-ig1').set(auth()).expect(422);
  });
});

describe('settings cascade', () => {
  it('explains which level set each value for a client', async () => {
    const control = 'endpoint.disk_encryption';
    await api().put(`/api/v1/controls/${control}/settings`).set(auth()).send({ level: 'tenant', weight: 2 }).expect(200);
    await api().put(`/api/v1/controls/${control}/settings`).set(auth()).send({ level: 'baseline', baselineId, params: { passAt: 0.9 } }).expect(200);
    await api().put(`/api/v1/controls/${control}/settings`).set(auth()).send({ level: 'client', clientId, params: { seenWithinDays: 14 } }).expect(200);

    const forClient = (await api().get(`/api/v1/controls/${control}`).query({ clientId }).set(auth()).expect(200)).body.effective;
    expect(forClient).toMatchObject({ weight: 2, params: { passAt: 0.9, seenWithinDays: 14 } });
    expect(forClient.sources).toMatchObject({ weight: 'tenant', enabled: 'default', params: { passAt: 'baseline', seenWithinDays: 'client', kinds: 'default' } });

    const forTenant = (await api().get(`/api/v1/controls/${control}`).set(auth()).expect(200)).body.effective;
    expect(forTenant.sources.params.passAt).toBe('default');
    expect((await api().get(`/api/v1/controls/${control}/settings`).set(auth()).expect(200)).body.overrides.map((row: { level: string }) => row.level)).toEqual(['tenant', 'baseline', 'client']);

    await api().delete(`/api/v1/controls/${control}/settings`).query({ level: 'client', clientId }).set(auth()).expect(204);
    expect((await api().get(`/api/v1/controls/${control}`).query({ clientId }).set(auth()).expect(200)).body.effective.sources.params.seenWithinDays).toBe('default');
  });

  it('refuses parameters that do not fit the evaluator, naming the field', async () => {
    const response = await api().put('/api/v1/controls/endpoint.disk_encryption/settings').set(auth()).send({ level: 'tenant', params: { passAt: 2, colour: 'red' } }).expect(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { field: 'params.passAt', message: 'passAt must be a share from 0 to 1 (0.95 means 95%)' },
        expect.objectContaining({ field: 'params.colour' }),
      ]),
    );
    await api().put('/api/v1/controls/endpoint.disk_encryption/settings').set(auth()).send({ level: 'client' }).expect(400);
    await api().put('/api/v1/controls/endpoint.disk_encryption/settings').set(auth()).send({ level: 'tenant', notApplicable: true }).expect(400);
  });

  it('marks a control N/A with a reason, and the preview says so', async () => {
    await api().put('/api/v1/controls/backup.servers_backed_up/settings').set(auth()).send({ level: 'client', clientId, notApplicable: true, notApplicableReason: 'No servers: everything is in Microsoft 365' }).expect(200);
    const { body } = await preview('backup.servers_backed_up');
    expect(body.result).toMatchObject({ status: 'not_applicable', summary: 'Not applicable: No servers: everything is in Microsoft 365', pointsRecoverable: 0 });
  });

  it('refuses to edit or delete a built-in control', async () => {
    const response = await api().patch('/api/v1/controls/identity.mfa_all_users').set(auth()).send({ name: 'Mine now' }).expect(422);
    expect(response.body.message).toMatch(/built-in control and cannot be edited/);
    await api().delete('/api/v1/controls/identity.mfa_all_users').set(auth()).expect(422);
  });
});

describe('custom controls in the expression language', () => {
  const expression = 'facts["m365.mfa_registered_ratio"] >= 0.95 && facts["m365.legacy_auth_blocked"] == true';

  it('rejects a bad expression on save with the line and column of the error', async () => {
    const response = await api()
      .post('/api/v1/controls')
      .set(auth())
      .send({ name: 'MFA and legacy auth', category: 'identity', severity: 'high', description: 'Both at once', evaluator: { kind: 'expression', params: { expression: 'facts["a"] >= 0.9 &&\n  (facts["b"] ||' } } })
      .expect(400);
    expect(response.body.details[0]).toMatchObject({ field: 'evaluator.params.expression' });
    expect(response.body.details[0].message).toMatch(/^Syntax error at line 2, column \d+: /);
  });

  it('saves, previews against the client\'s evidence, and follows the evidence when it changes', async () => {
    const created = await api()
      .post('/api/v1/controls')
      .set(auth())
      .send({ name: 'MFA and legacy auth', category: 'identity', severity: 'high', description: 'MFA registered and legacy sign-in blocked', evaluator: { kind: 'expression', params: { expression } } })
      .expect(201);
    expect(created.body).toMatchObject({ key: 'custom.mfa_and_legacy_auth', builtin: false });

    expect((await preview('custom.mfa_and_legacy_auth')).body.result.status).toBe('no_data');
    await pushFacts([{ key: 'm365.mfa_registered_ratio', value: 0.97 }, { key: 'm365.legacy_auth_blocked', value: true }]);
    expect((await preview('custom.mfa_and_legacy_auth')).body.result).toMatchObject({ status: 'pass', fraction: 1, pointsRecoverable: 0 });
    await pushFacts([{ key: 'm365.legacy_auth_blocked', value: false }]);
    const failing = (await preview('custom.mfa_and_legacy_auth')).body;
    expect(failing.result).toMatchObject({ status: 'fail', evidence: { expression, value: false } });
    expect(failing.result.pointsRecoverable).toBeGreaterThan(0);

    await api().get('/api/v1/controls/custom.mfa_and_legacy_auth').set(auth(other.key)).expect(404);
    await api().delete(`/api/v1/controls/${created.body.id}`).set(auth(other.key)).expect(404);
  });

  it('previews an unsaved evaluator (test mode) without saving it', async () => {
    const { body } = await preview('identity.mfa_all_users', { evaluator: { kind: 'expression', params: { expression: 'facts["m365.mfa_registered_ratio"] >= 0.9' } } });
    expect(body.result).toMatchObject({ controlKey: 'identity.mfa_all_users', status: 'pass' });
    expect((await api().get('/api/v1/controls/identity.mfa_all_users').set(auth()).expect(200)).body.evaluator.kind).toBe('numeric_threshold');
  });
});

describe('exceptions and attestations', () => {
  it('an accepted risk shows as excepted until it is deleted', async () => {
    await pushFacts([{ key: 'm365.global_admin_count', value: 9 }]);
    expect((await preview('identity.global_admin_count')).body.result.status).toBe('fail');
    const exception = await api()
      .post('/api/v1/exceptions')
      .set(auth())
      .send({ controlId: 'identity.global_admin_count', clientId, owner: 'Dana Whitfield', reason: 'Vendor needs admin during migration', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() })
      .expect(201);
    expect(exception.body).toMatchObject({ controlKey: 'identity.global_admin_count', active: true });
    const excepted = (await preview('identity.global_admin_count')).body.result;
    expect(excepted).toMatchObject({ status: 'excepted', exception: { owner: 'Dana Whitfield', scope: 'client' }, evidence: { evaluatedStatus: 'fail' }, pointsRecoverable: 0 });
    await api().delete(`/api/v1/exceptions/${exception.body.id}`).set(auth()).expect(204);
    expect((await preview('identity.global_admin_count')).body.result.status).toBe('fail');
  });

  it('refuses an exception without a future expiry or with both client and baseline', async () => {
    const past = await api().post('/api/v1/exceptions').set(auth()).send({ controlId: 'identity.global_admin_count', clientId, owner: 'x', reason: 'y', expiresAt: '2020-01-01T00:00:00Z' }).expect(422);
    expect(past.body.message).toMatch(/expiresAt must be in the future/);
    await api().post('/api/v1/exceptions').set(auth()).send({ controlId: 'identity.global_admin_count', clientId, baselineId, owner: 'x', reason: 'y', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(400);
  });

  it('an attestation makes an attestation control pass until it expires', async () => {
    const control = (await api().get('/api/v1/controls').set(auth()).expect(200)).body.data.find((row: { evaluator: { kind: string } }) => row.evaluator.kind === 'attestation');
    expect((await preview(control.key)).body.result.status).toBe('no_data');
    await api()
      .post('/api/v1/attestations')
      .set(auth())
      .send({ clientId, controlId: control.key, statement: 'Reviewed with the office manager', expiresAt: new Date(Date.now() + 180 * 86_400_000).toISOString() })
      .expect(201);
    expect((await preview(control.key)).body.result).toMatchObject({ status: 'pass', evidence: { statement: 'Reviewed with the office manager' } });
    const wrongKind = await api().post('/api/v1/attestations').set(auth()).send({ clientId, controlId: 'identity.mfa_all_users', statement: 'x', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(422);
    expect(wrongKind.body.message).toMatch(/not attestations/);
  });
});

describe('tenant scoring policy', () => {
  it('no data counts against the score unless the tenant excludes it', async () => {
    const before = (await preview('identity.mfa_all_users')).body.clientScore;
    const settings = await api().patch('/api/v1/tenant/settings').set(auth()).send({ noDataScoring: 'exclude' }).expect(200);
    expect(settings.body.noDataScoring).toBe('exclude');
    const after = (await preview('identity.mfa_all_users')).body.clientScore;
    expect(after).toBeGreaterThan(before);
    await api().patch('/api/v1/tenant/settings').set(auth()).send({ noDataScoring: 'sometimes' }).expect(400);
    await api().patch('/api/v1/tenant/settings').set(auth()).send({ noDataScoring: 'fail' }).expect(200);
  });
});

describe('the demo tenant', () => {
  it('evaluates a custom expression control written through the API against the demo portfolio', async () => {
    const demo = await app.get(DemoService).access('controls e2e');
    const demoAuth = { Authorization: `Bearer ${demo.apiKey}` };
    const clients = (await api().get('/api/v1/clients').query({ baseline: 'Premium', limit: 500 }).set(demoAuth).expect(200)).body.data;
    expect(clients.length).toBeGreaterThan(3);
    await api()
      .post('/api/v1/controls')
      .set(demoAuth)
      .send({
        key: 'custom.encrypted_workstations_and_mfa',
        name: 'Encrypted workstations and MFA',
        category: 'endpoint',
        severity: 'high',
        description: 'Every workstation encrypted and MFA registered for 90% of users',
        evaluator: { kind: 'expression', params: { expression: 'assets.filter(a, a.kind == "workstation").all(a, a.diskEncrypted == true) && facts["m365.mfa_registered_ratio"] >= 0.9' } },
      })
      .expect(201);
    const statuses = new Set<string>();
    for (const client of clients) {
      const { body } = await api().post('/api/v1/controls/custom.encrypted_workstations_and_mfa/preview').query({ clientId: client.id }).set(demoAuth).send({}).expect(200);
      expect(['pass', 'fail']).toContain(body.result.status);
      expect(typeof body.clientScore).toBe('number');
      statuses.add(body.result.status);
    }
    expect(statuses.size).toBeGreaterThan(0);
  }, 60_000);
});
