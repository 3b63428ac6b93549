import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let msp: TenantWithKey;
const logLines: string[] = [];

beforeAll(async () => {
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database, logs, env: { LOG_LEVEL: 'info' } });
  msp = await tenantWithKey(app, 'Platform MSP');
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const api = () => request(app.getHttpServer());

describe('health', () => {
  it('answers without credentials after checking the database', async () => {
    const response = await api().get('/api/v1/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: { kind: testDb.url ? 'postgres' : 'pglite', latencyMs: expect.any(Number) } });
  });
});

describe('OpenAPI', () => {
  it('describes every route, its inputs and its errors at /api/docs-json', async () => {
    const { body } = await api().get('/api/docs-json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths).toSorted()).toEqual([
      '/api/v1/api-keys',
      '/api/v1/api-keys/{id}',
      '/api/v1/attestations',
      '/api/v1/audit-log',
      '/api/v1/auth/demo',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/options',
      '/api/v1/auth/session',
      '/api/v1/baselines',
      '/api/v1/baselines/{id}',
      '/api/v1/branding',
      '/api/v1/branding/logo',
      '/api/v1/clients',
      '/api/v1/clients/{id}',
      '/api/v1/clients/{id}/assets',
      '/api/v1/clients/{id}/assets:batch',
      '/api/v1/clients/{id}/changes',
      '/api/v1/clients/{id}/facts',
      '/api/v1/clients/{id}/frameworks/{frameworkId}',
      '/api/v1/clients/{id}/qbr-marks',
      '/api/v1/clients/{id}/qbr-marks/{markId}',
      '/api/v1/clients/{id}/scorecard',
      '/api/v1/clients/{id}/scorecard/export',
      '/api/v1/clients/{id}/trend',
      '/api/v1/controls',
      '/api/v1/controls/{id}',
      '/api/v1/controls/{id}/preview',
      '/api/v1/controls/{id}/settings',
      '/api/v1/evaluations',
      '/api/v1/evaluations/{id}',
      '/api/v1/evaluations/{id}/clients',
      '/api/v1/exceptions',
      '/api/v1/exceptions/{id}',
      '/api/v1/frameworks',
      '/api/v1/frameworks/{id}',
      '/api/v1/frameworks/{id}/mappings',
      '/api/v1/health',
      '/api/v1/imports/csv',
      '/api/v1/integrations',
      '/api/v1/integrations/{id}',
      '/api/v1/integrations/{id}/sync',
      '/api/v1/integrations/{id}/sync-runs',
      '/api/v1/integrations/{id}/sync-runs/{runId}',
      '/api/v1/integrations/{id}/test',
      '/api/v1/portfolio/heatmap',
      '/api/v1/portfolio/heatmap/export',
      '/api/v1/portfolio/scorecard',
      '/api/v1/portfolio/scorecard/export',
      '/api/v1/report-batches',
      '/api/v1/report-batches/{id}',
      '/api/v1/report-schedules',
      '/api/v1/report-schedules/{id}',
      '/api/v1/report-templates',
      '/api/v1/report-templates/{key}',
      '/api/v1/reports',
      '/api/v1/reports/{id}',
      '/api/v1/reports/{id}/download',
      '/api/v1/tenant/settings',
      '/api/v1/webhooks',
      '/api/v1/webhooks/{id}',
      '/api/v1/webhooks/{id}/deliveries',
      '/api/v1/webhooks/{id}/deliveries/{deliveryId}',
      '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
      '/api/v1/webhooks/{id}/rotate-secret',
      '/api/v1/webhooks/{id}/test',
    ]);
    expect(Object.keys(body.paths['/api/v1/clients/{id}']).toSorted()).toEqual(['delete', 'get', 'patch']);
    expect(body.components.schemas.ClientCreateDto.required).toEqual(['name']);
    expect(body.components.schemas.ClientCreateDto.properties.status.enum).toEqual(['active', 'inactive', 'prospect']);
    expect(body.components.schemas.ErrorResponseDto.properties).toHaveProperty('requestId');
    expect(body.paths['/api/v1/clients'].post.responses).toHaveProperty('401');
    expect(body.components.securitySchemes).toHaveProperty('api-key');
  });

  it('serves the interactive docs at /api/docs', async () => {
    const response = await api().get('/api/docs').expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});

describe('HTTP hygiene', () => {
  it('sends security headers and no framework banner', async () => {
    const response = await api().get('/api/v1/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('echoes a sane request id and replaces one that is not', async () => {
    const kept = await api().get('/api/v1/health').set('x-request-id', 'trace-abc.123').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-abc.123');
    const replaced = await api().get('/api/v1/clients').set('x-request-id', 'bad id with spaces and <script>').expect(401);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.body.requestId).toBe(replaced.headers['x-request-id']);
  });
});

describe('structured logs', () => {
  it('log each request as JSON with its id and tenant, and never a key', async () => {
    await api().get('/api/v1/clients').set('x-request-id', 'log-check-1').set('Authorization', `Bearer ${msp.key}`).expect(200);
    await api().get('/api/v1/clients').set('x-request-id', 'log-check-2').set('x-api-key', msp.key).expect(200);
    await new Promise((resolve) => setImmediate(resolve));
    const entries = logLines.map((line) => JSON.parse(line) as { req?: { id?: string; headers?: Record<string, string> }; tenantId?: string });
    const first = entries.find((entry) => entry.req?.id === 'log-check-1');
    const second = entries.find((entry) => entry.req?.id === 'log-check-2');
    expect(first).toMatchObject({ tenantId: msp.tenantId, req: { headers: { authorization: '[redacted]' } } });
    expect(second).toMatchObject({ req: { headers: { 'x-api-key': '[redacted]' } } });
    const everything = logLines.join('\n');
    expect(everything).not.toContain(msp.key);
    expect(everything).not.toContain(msp.key.slice(15));
  });
});
