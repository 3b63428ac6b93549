import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { webAppDirectory } from '../../src/web/web-app.js';
import { createTestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let webDirectory: string;

beforeAll(async () => {
  const built = webAppDirectory();
  if (!built) throw new Error('dist/web is missing: `npm test` builds it; run `npm run build` before running jest alone');
  webDirectory = built;
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database });
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

describe('the web app, served by the API process', () => {
  it('answers every page address with the app, uncached, so a deploy shows at once', async () => {
    for (const page of ['/', '/portfolio', '/clients/7112cd9b-2ab5-4264-a957-60e2f5050671', '/controls/new']) {
      const response = await request(app.getHttpServer()).get(page).set('accept', 'text/html,application/xhtml+xml').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets for a year, with a strict content security policy on the page', async () => {
    const script = readdirSync(path.join(webDirectory, 'assets')).find((file) => file.endsWith('.js'))!;
    const asset = await request(app.getHttpServer()).get(`/assets/${script}`).expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await request(app.getHttpServer()).get('/').set('accept', 'text/html').expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('keeps the API and its errors as JSON, and a missing asset a 404', async () => {
    const missing = await request(app.getHttpServer()).get('/api/v1/nowhere').set('accept', 'text/html').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await request(app.getHttpServer()).get('/api/v1/health').set('accept', 'text/html').expect(200);
    await request(app.getHttpServer()).get('/assets/missing-0000.js').expect(404);
    // A client asking for JSON at a page address is not handed the app.
    await request(app.getHttpServer()).get('/portfolio').set('accept', 'application/json').expect(404);
  });
});
