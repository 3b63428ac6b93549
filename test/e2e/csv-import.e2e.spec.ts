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
  app = await createTestApp({ database: testDb.database });
  msp = await tenantWithKey(app, 'CSV MSP');
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
});

const upload = (query: Record<string, string>, csv: string) =>
  request(app.getHttpServer()).post('/api/v1/imports/csv').query(query).set('x-api-key', msp.key).set('content-type', 'text/csv').send(csv);
const clientNames = async () =>
  (await request(app.getHttpServer()).get('/api/v1/clients').query({ limit: 500 }).set('x-api-key', msp.key).expect(200)).body.data.map((client: { name: string }) => client.name);

describe('CSV import', () => {
  it('writes nothing when a row is bad, and says which row and field', async () => {
    const response = await upload({ kind: 'clients' }, 'name,seats\nHarbor Dental,42\nCedar Ridge,many\n').expect(422);
    expect(response.body.message).toMatch(/Nothing imported: 1 row\(s\) have problems/);
    expect(response.body.details).toEqual([{ field: 'rows.3.seats', message: 'row 3: seats must be an integer number' }]);
    expect(await clientNames()).toEqual([]);
  });

  it('imports good rows with partial=true and reports the rest, including baselines that do not exist', async () => {
    await request(app.getHttpServer()).post('/api/v1/baselines').set({ Authorization: `Bearer ${msp.key}` }).send({ name: 'Premium' }).expect(201);
    const response = await upload({ kind: 'clients', partial: 'true' }, 'name,seats,baseline\nHarbor Dental,42,Premium\nCedar Ridge,many,\nOak Law,3,Platinum\n').expect(200);
    expect(response.body).toEqual({
      kind: 'clients',
      rows: 3,
      created: 1,
      updated: 0,
      failed: 2,
      errors: [
        { row: 3, field: 'seats', message: 'seats must be an integer number' },
        { row: 4, field: 'baseline', message: 'no baseline named "Platinum" (create it first with POST /api/v1/baselines)' },
      ],
    });
  });

  it('updates clients it already has, matched by name', async () => {
    const response = await upload({ kind: 'clients' }, 'name,seats\nharbor dental,45\nCedar Ridge,12\n').expect(200);
    expect(response.body).toMatchObject({ created: 1, updated: 1, failed: 0 });
    expect((await clientNames()).toSorted()).toEqual(['Cedar Ridge', 'Harbor Dental']);
  });

  it('imports assets for clients named in the file, keyed by source and id', async () => {
    const csv = 'client,external_id,kind,hostname,disk_encrypted\nHarbor Dental,A-1,workstation,WS-1,yes\nCedar Ridge,A-2,server,SRV-1,no\n';
    expect((await upload({ kind: 'assets', source: 'lansweeper' }, csv).expect(200)).body).toMatchObject({ created: 2, updated: 0 });
    expect((await upload({ kind: 'assets', source: 'lansweeper' }, csv).expect(200)).body).toMatchObject({ created: 0, updated: 2 });
    const unknown = await upload({ kind: 'assets' }, 'client,external_id,kind\nNobody Inc,A-3,server\n').expect(422);
    expect(unknown.body.details[0].message).toBe('row 2: no client named or numbered "Nobody Inc"');
  });

  it.each([
    [{ kind: 'contacts' }, 'name\nx\n', 400, /kind must be one of/],
    [{ kind: 'clients' }, 'colour\nred\n', 400, /Unknown column\(s\) colour/],
    [{ kind: 'clients' }, '', 400, /The CSV is empty/],
  ])('refuses %p', async (query, csv, status, message) => {
    const response = await upload(query, csv).expect(status);
    expect(response.body.message).toMatch(message);
  });

  it('refuses CSV on routes that take JSON', async () => {
    await request(app.getHttpServer()).post('/api/v1/clients').set('x-api-key', msp.key).set('content-type', 'text/csv').send('name\nx\n').expect(415);
  });
});
