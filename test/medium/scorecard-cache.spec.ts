import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';

import { ClientsRepository } from '../../src/clients/clients.repository.js';
import type { Database } from '../../src/database/database.js';
import { ScorecardCache } from '../../src/scorecards/scorecard-cache.js';
import { clientFields, insertTenant } from '../factories/tenants.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let database: Database;
let tenant: string;
let otherTenant: string;
const clients = new ClientsRepository();

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  tenant = await insertTenant(database);
  otherTenant = await insertTenant(database);
});
afterAll(() => testDb.drop());

async function versionOf(id: string): Promise<bigint> {
  const { rows } = await sql<{ version: string }>`select data_version::text as version from tenants where id = ${id}`.execute(database.system);
  return BigInt(rows[0]!.version);
}

describe('the tenant data version', () => {
  it('moves once per statement that changes what a scorecard shows, in that tenant only', async () => {
    const [before, otherBefore] = [await versionOf(tenant), await versionOf(otherTenant)];
    const created = await database.inTenant(tenant, (scope) => clients.create(scope, clientFields({ name: 'Versioned Dental' })));
    expect(await versionOf(tenant)).toBe(before + 1n);
    await database.inTenant(tenant, (scope) => clients.update(scope, created.id, { name: 'Versioned Dental GmbH' }, new Date()));
    await database.inTenant(tenant, (scope) => scope.db.insertInto('qbrMarks').values({ tenantId: tenant, clientId: created.id, reviewedAt: new Date(), note: null, runId: null, score: null, grade: null, createdBy: 'test' }).execute());
    expect(await versionOf(tenant)).toBe(before + 3n);
    await database.inTenant(tenant, (scope) => scope.db.insertInto('clients').values([clientFields(), clientFields(), clientFields()].map((fields) => ({ ...fields, externalRefs: '[]', tenantId: tenant }))).execute());
    expect(await versionOf(tenant)).toBe(before + 4n);
    // Deleting the client also deletes its QBR mark (a cascade is a statement of its own).
    await database.inTenant(tenant, (scope) => clients.delete(scope, created.id));
    expect(await versionOf(tenant)).toBe(before + 6n);
    expect(await versionOf(otherTenant)).toBe(otherBefore);
  });

  it('does not move for statements that change nothing', async () => {
    const before = await versionOf(tenant);
    await database.inTenant(tenant, (scope) => scope.db.updateTable('clients').set({ notes: 'x' }).where('name', '=', 'nobody by this name').execute());
    // A statement-level trigger fires even for zero rows; it bumps only the tenants it touched.
    expect(await versionOf(tenant)).toBe(before);
  });
});

describe(ScorecardCache.name, () => {
  it('computes again only when the tenant data version moves, or the entry is a minute old', async () => {
    const cache = new ScorecardCache(database);
    let computed = 0;
    const compute = async () => ++computed;
    const start = Date.now();
    expect(await cache.through(tenant, 'portfolio', compute, start)).toBe(1);
    expect(await cache.through(tenant, 'portfolio', compute, start + 1000)).toBe(1);
    expect(await cache.through(otherTenant, 'portfolio', compute, start + 1000)).toBe(2);
    await database.inTenant(tenant, (scope) => clients.create(scope, clientFields()));
    expect(await cache.through(tenant, 'portfolio', compute, start + 2000)).toBe(3);
    expect(await cache.through(tenant, 'portfolio', compute, start + 62_000)).toBe(4);
    expect(await cache.through(tenant, 'heatmap', compute, start + 62_000)).toBe(5);
  });
});
