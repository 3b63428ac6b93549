import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { BaselineAssigner } from '../../src/baselines/baseline-assigner.js';
import { BaselinesRepository } from '../../src/baselines/baselines.repository.js';
import { loadBuiltinCatalog } from '../../src/controls/catalog/builtin-catalog.loader.js';
import { BUILTIN_CONTROLS } from '../../src/controls/catalog/builtin-controls.js';
import { BUILTIN_FRAMEWORKS } from '../../src/controls/frameworks/builtin/index.js';
import type { Database } from '../../src/database/database.js';
import { clientFields, insertTenant } from '../factories/tenants.js';
import { ClientsRepository } from '../../src/clients/clients.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let database: Database;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  tenantA = await insertTenant(database, 'Tenant A');
  tenantB = await insertTenant(database, 'Tenant B');
});
afterAll(() => testDb.drop());

describe('built-in reference data', () => {
  it('is loaded by migration: every framework requirement and every control, with the catalog mappings', async () => {
    const counts = await database.inTenant(tenantA, async (scope) => ({
      controls: (await scope.db.selectFrom('controls').select('key').where('tenantId', 'is', null).execute()).length,
      requirements: (await scope.db.selectFrom('frameworkRequirements').select('id').where('tenantId', 'is', null).execute()).length,
      mappings: (await scope.db.selectFrom('controlMappings').select('controlId').where('tenantId', 'is', null).execute()).length,
    }));
    expect(counts).toEqual({
      controls: BUILTIN_CONTROLS.length,
      requirements: BUILTIN_FRAMEWORKS.reduce((sum, framework) => sum + framework.requirements.length, 0),
      mappings: BUILTIN_CONTROLS.reduce((sum, control) => sum + Object.values(control.mappings).flat().length, 0),
    });
  });

  it('reloads without changing ids, and retires a control the catalog dropped instead of deleting it', async () => {
    const idOf = (key: string) => database.system.selectFrom('controls').select(['id', 'retiredAt']).where('key', '=', key).where('tenantId', 'is', null).executeTakeFirstOrThrow();
    const before = await idOf('identity.mfa_all_users');
    const dropped = BUILTIN_CONTROLS.at(-1)!;
    await loadBuiltinCatalog(database.system, BUILTIN_FRAMEWORKS, BUILTIN_CONTROLS.slice(0, -1));
    expect(await idOf('identity.mfa_all_users')).toEqual(before);
    expect((await idOf(dropped.key)).retiredAt).toBeInstanceOf(Date);
    await loadBuiltinCatalog(database.system);
    expect((await idOf(dropped.key)).retiredAt).toBeNull();
  });

  it('is readable by every tenant and writable by none; a tenant\'s own controls stay its own', async () => {
    const builtinUpdate = await database.inTenant(tenantA, (scope) => scope.db.updateTable('controls').set({ name: 'hijacked' }).where('tenantId', 'is', null).executeTakeFirst());
    expect(builtinUpdate.numUpdatedRows).toBe(0n);
    const builtinDelete = await database.inTenant(tenantA, (scope) => scope.db.deleteFrom('frameworks').where('tenantId', 'is', null).executeTakeFirst());
    expect(builtinDelete.numDeletedRows).toBe(0n);
    await expect(
      database.inTenant(tenantA, (scope) =>
        scope.db.insertInto('controls').values({ tenantId: null, key: 'custom.sneaky', name: 'x', category: 'identity', severity: 'low', description: 'x', evaluatorKind: 'attestation', params: '{"maxAgeDays":1}', createdBy: 'x' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);

    await database.inTenant(tenantA, (scope) =>
      scope.db.insertInto('controls').values({ tenantId: tenantA, key: 'custom.mine', name: 'Mine', category: 'identity', severity: 'low', description: 'x', evaluatorKind: 'attestation', params: '{"maxAgeDays":1}', createdBy: 'x' }).execute(),
    );
    const seenByB = await database.inTenant(tenantB, (scope) => scope.db.selectFrom('controls').select('key').where('key', '=', 'custom.mine').execute());
    expect(seenByB).toEqual([]);
    const builtinSeenByB = await database.inTenant(tenantB, (scope) => scope.db.selectFrom('controls').select('key').where('key', '=', 'identity.mfa_all_users').execute());
    expect(builtinSeenByB).toHaveLength(1);
  });
});

describe('baseline rules on PSA data', () => {
  it('assign clients nobody assigned by hand, by the lowest-priority matching rule', async () => {
    const baselines = new BaselinesRepository();
    const clients = new ClientsRepository();
    const assigner = new BaselineAssigner(baselines);
    const ids = await database.inTenant(tenantA, async (scope) => {
      await baselines.create(scope, { name: 'Gold', description: null, rule: { attribute: 'customField', customField: 'Security Tier', values: ['gold'] }, rulePriority: 10 });
      await baselines.create(scope, { name: 'Managed', description: null, rule: { attribute: 'companyType', values: ['Client'] }, rulePriority: 50 });
      await baselines.create(scope, { name: 'Manual', description: null, rule: null, rulePriority: 100 });
      const gold = await clients.create(scope, clientFields({ name: 'Gold client' }));
      const plain = await clients.create(scope, clientFields({ name: 'Plain client' }));
      const pinned = await clients.create(scope, clientFields({ name: 'Pinned client', baseline: 'Manual', baselineAssignment: 'manual' }));
      const vendor = await clients.create(scope, clientFields({ name: 'Vendor' }));
      const profile = (types: string[], customFields: Record<string, string> = {}) => JSON.stringify({ types, status: 'Active', customFields });
      await scope.db.updateTable('clients').set({ psaProfile: profile(['Client'], { 'Security Tier': 'Gold' }) }).where('id', '=', gold.id).execute();
      await scope.db.updateTable('clients').set({ psaProfile: profile(['client']) }).where('id', '=', plain.id).execute();
      await scope.db.updateTable('clients').set({ psaProfile: profile(['Client'], { 'Security Tier': 'Gold' }) }).where('id', '=', pinned.id).execute();
      await scope.db.updateTable('clients').set({ psaProfile: profile(['Vendor']) }).where('id', '=', vendor.id).execute();
      expect(await assigner.reassign(scope)).toBe(2);
      return { gold: gold.id, plain: plain.id, pinned: pinned.id, vendor: vendor.id };
    });
    const rows = await database.inTenant(tenantA, (scope) => scope.db.selectFrom('clients').select(['id', 'baseline', 'baselineAssignment']).where('id', 'in', Object.values(ids)).execute());
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.gold)).toMatchObject({ baseline: 'Gold', baselineAssignment: 'rule' });
    expect(byId.get(ids.plain)).toMatchObject({ baseline: 'Managed', baselineAssignment: 'rule' });
    expect(byId.get(ids.pinned)).toMatchObject({ baseline: 'Manual', baselineAssignment: 'manual' });
    expect(byId.get(ids.vendor)).toMatchObject({ baseline: null, baselineAssignment: null });
  });

  it('renaming a baseline keeps its clients; deleting it clears them', async () => {
    const baselines = new BaselinesRepository();
    await database.inTenant(tenantA, async (scope) => {
      const manual = (await baselines.findByName(scope, 'Manual'))!;
      await baselines.update(scope, manual.id, { name: 'Hand-picked' });
      expect((await scope.db.selectFrom('clients').select('baseline').where('name', '=', 'Pinned client').executeTakeFirstOrThrow()).baseline).toBe('Hand-picked');
      await baselines.delete(scope, manual.id);
      expect(await scope.db.selectFrom('clients').select(['baseline', 'baselineAssignment']).where('name', '=', 'Pinned client').executeTakeFirstOrThrow()).toEqual({ baseline: null, baselineAssignment: null });
    });
  });
});
