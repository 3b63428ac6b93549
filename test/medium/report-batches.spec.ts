import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { ReportBatchesRepository } from '../../src/reports/batches/report-batches.repository.js';
import { insertTenant } from '../factories/tenants.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let tenantId: string;
const batches = new ReportBatchesRepository();

beforeAll(async () => {
  testDb = await createTestDatabase();
  tenantId = await insertTenant(testDb.database, 'Batch MSP');
});
afterAll(() => testDb.drop());

async function newBatch(total: number) {
  return testDb.database.inTenant(tenantId, (scope) => batches.create(scope, { id: randomUUID(), templateKey: 'qbr', frameworkId: null, scheduleId: null, total, requestedBy: 'test' }));
}

const settle = (id: string, outcome: { clientId: string; error?: string }) => testDb.database.inTenant(tenantId, (scope) => batches.settle(scope, id, outcome));

describe('ReportBatchesRepository.settle', () => {
  it('counts each client once and reports the batch finished to exactly one of the jobs settling at once', async () => {
    const batch = await newBatch(12);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, index) => settle(batch.id, index % 4 === 0 ? { clientId: randomUUID(), error: 'no evaluation' } : { clientId: randomUUID() })));
    const finished = outcomes.flatMap((outcome) => (outcome.finished ? [outcome.finished] : []));
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ status: 'succeeded', done: 9, failed: 3, total: 12, error: null });
    expect(finished[0]!.failures).toHaveLength(3);
    expect(finished[0]!.finishedAt).toBeInstanceOf(Date);
    expect(await settle(batch.id, { clientId: randomUUID() })).toEqual({ finished: undefined });
  });

  it('is running while clients remain, and failed when no client got a report', async () => {
    const batch = await newBatch(2);
    const [first] = [await settle(batch.id, { clientId: randomUUID(), error: 'a' })];
    expect(first.finished).toBeUndefined();
    expect((await testDb.database.inTenant(tenantId, (scope) => batches.find(scope, batch.id)))!.status).toBe('running');
    const { finished } = await settle(batch.id, { clientId: randomUUID(), error: 'b' });
    expect(finished).toMatchObject({ status: 'failed', done: 0, failed: 2, error: 'No report could be made; see failures' });
  });

  it('counts a client\'s failure once when its dead letter arrives twice', async () => {
    const batch = await newBatch(2);
    const clientId = randomUUID();
    await settle(batch.id, { clientId, error: 'storage down' });
    await settle(batch.id, { clientId, error: 'storage down' });
    expect(await testDb.database.inTenant(tenantId, (scope) => batches.find(scope, batch.id))).toMatchObject({ status: 'running', failed: 1, done: 0 });
  });

  it('finishes an empty batch at once', async () => {
    expect(await newBatch(0)).toMatchObject({ status: 'succeeded', total: 0, finishedAt: expect.any(Date) });
  });
});
