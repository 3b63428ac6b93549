import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiKeysRepository } from '../../src/api-keys/api-keys.repository.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { issueApiKey } from '../../src/auth/api-key.secret.js';
import { systemOrigin } from '../../src/auth/caller.js';
import { ClientsRepository } from '../../src/clients/clients.repository.js';
import type { ClientSort } from '../../src/clients/dto/client.dto.js';
import type { Position } from '../../src/common/pagination/page.js';
import type { Database } from '../../src/database/database.js';
import { UsersRepository } from '../../src/users/users.repository.js';
import { clientFields, insertTenant } from '../factories/tenants.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let database: Database;
let tenant: string;
let otherTenant: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  tenant = await insertTenant(database);
  otherTenant = await insertTenant(database);
});
afterAll(() => testDb.drop());

describe(ClientsRepository.name, () => {
  const sut = new ClientsRepository();
  const names = ['Zeta Dental', 'alpha accounting', 'Müller GmbH', 'Beta 100% Roofing', 'Beta_Roofing', 'Gamma Clinic', 'delta law', '東京商事'];

  beforeAll(async () => {
    await database.inTenant(tenant, async (scope) => {
      await scope.db.insertInto('baselines').values([{ tenantId: tenant, name: 'Premium' }, { tenantId: tenant, name: 'Essentials' }]).execute();
      for (const [index, name] of names.entries()) {
        await sut.create(scope, clientFields({ name, status: index % 3 === 0 ? 'prospect' : 'active', baseline: index % 2 ? 'Premium' : 'Essentials', baselineAssignment: 'manual' }));
      }
    });
    await database.inTenant(otherTenant, (scope) => sut.create(scope, clientFields({ name: 'Other tenant Beta' })));
  });

  async function walk(sort: ClientSort, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let after: Position | undefined;
    for (let page = 0; page < 20; page++) {
      const rows = await database.inTenant(tenant, (scope) => sut.list(scope, {}, { sort, limit, after }));
      const shown = rows.slice(0, limit);
      seen.push(...shown.map((row) => row.name));
      if (rows.length <= limit) return seen;
      const last = shown[shown.length - 1]!;
      after = { key: last.sortKey, id: last.id };
    }
    throw new Error('paging did not end');
  }

  it.each<[ClientSort, number]>([
    ['name', 3],
    ['-name', 2],
    ['createdAt', 3],
    ['-createdAt', 5],
  ])('pages through every client exactly once sorted by %s, %i at a time', async (sort, limit) => {
    const all = await database.inTenant(tenant, (scope) => sut.list(scope, {}, { sort, limit: 100 }));
    const paged = await walk(sort, limit);
    expect(paged).toEqual(all.map((row) => row.name));
    expect(paged).toHaveLength(names.length);
  });

  it('pages one at a time through rows that share one creation time, without loss or repeat', async () => {
    const rows = await database.inTenant(tenant, (scope) => sut.list(scope, {}, { sort: 'createdAt', limit: 100 }));
    expect(new Set(rows.map((row) => row.sortKey)).size).toBe(1);
    const paged = await walk('createdAt', 1);
    expect([...paged].toSorted()).toEqual([...names].toSorted());
  });

  it('filters by a case-insensitive part of the name, with % and _ taken literally', async () => {
    const find = (name: string) => database.inTenant(tenant, (scope) => sut.list(scope, { name }, { sort: 'name', limit: 50 })).then((rows) => rows.map((row) => row.name));
    expect(await find('BETA')).toEqual(['Beta 100% Roofing', 'Beta_Roofing']);
    expect(await find('100%')).toEqual(['Beta 100% Roofing']);
    expect(await find('a_r')).toEqual(['Beta_Roofing']);
    expect(await find('müller')).toEqual(['Müller GmbH']);
  });

  it('filters by status and baseline together', async () => {
    const rows = await database.inTenant(tenant, (scope) => sut.list(scope, { status: 'prospect', baseline: 'Premium' }, { sort: 'name', limit: 50 }));
    expect(rows.map((row) => row.name)).toEqual(['Beta 100% Roofing']);
  });

  it('updates only the given fields and stamps updatedAt', async () => {
    const created = await database.inTenant(tenant, (scope) => sut.create(scope, clientFields({ name: 'Patch Me', seats: 5, externalRefs: [{ system: 'syncro', id: '77' }] })));
    const at = new Date(Date.now() + 1000);
    const updated = await database.inTenant(tenant, (scope) => sut.update(scope, created.id, { seats: null, domains: ['patchme.example'] }, at));
    expect(updated).toMatchObject({ name: 'Patch Me', seats: null, domains: ['patchme.example'], externalRefs: [{ system: 'syncro', id: '77' }] });
    expect(updated!.updatedAt.getTime()).toBe(at.getTime());
    await database.inTenant(tenant, (scope) => sut.delete(scope, created.id));
  });

  it('finds, updates and deletes nothing of another tenant', async () => {
    const foreign = await database.inTenant(otherTenant, (scope) => sut.list(scope, {}, { sort: 'name', limit: 1 }));
    const id = foreign[0]!.id;
    await database.inTenant(tenant, async (scope) => {
      expect(await sut.findById(scope, id)).toBeUndefined();
      expect(await sut.update(scope, id, { name: 'x' }, new Date())).toBeUndefined();
      expect(await sut.delete(scope, id)).toBeUndefined();
    });
  });
});

describe(ApiKeysRepository.name, () => {
  const sut = () => new ApiKeysRepository(database);

  it('finds a key by its hash across tenants, and never returns the hash', async () => {
    const issued = issueApiKey();
    const created = await database.inTenant(tenant, (scope) =>
      sut().create(scope, { name: 'ci', prefix: issued.prefix, keyHash: issued.hash, scopes: ['clients:read'], createdBy: 'test' }),
    );
    const found = await sut().findByHash(issued.hash);
    expect(found).toMatchObject({ id: created.id, tenantId: tenant, prefix: issued.prefix, scopes: ['clients:read'] });
    expect(found).not.toHaveProperty('keyHash');
    expect(await sut().findByHash(issueApiKey().hash)).toBeUndefined();
  });

  it('revokes once and touches last use at most once per interval', async () => {
    const issued = issueApiKey();
    const key = await database.inTenant(tenant, (scope) => sut().create(scope, { name: 'touch', prefix: issued.prefix, keyHash: issued.hash, scopes: [], createdBy: 'test' }));
    const first = new Date('2026-11-23T10:00:00Z');
    await database.inTenant(tenant, (scope) => sut().touch(scope, key.id, first, 60_000));
    await database.inTenant(tenant, (scope) => sut().touch(scope, key.id, new Date(first.getTime() + 30_000), 60_000));
    expect((await sut().findByHash(issued.hash))!.lastUsedAt).toEqual(first);
    const later = new Date(first.getTime() + 61_000);
    await database.inTenant(tenant, (scope) => sut().touch(scope, key.id, later, 60_000));
    expect((await sut().findByHash(issued.hash))!.lastUsedAt).toEqual(later);

    expect(await database.inTenant(tenant, (scope) => sut().revoke(scope, key.id, later))).toMatchObject({ id: key.id });
    expect(await database.inTenant(tenant, (scope) => sut().revoke(scope, key.id, later))).toBeUndefined();
  });

  it('lists newest first and only the tenant\'s own keys', async () => {
    const issued = issueApiKey();
    await database.inTenant(otherTenant, (scope) => sut().create(scope, { name: 'foreign', prefix: issued.prefix, keyHash: issued.hash, scopes: [], createdBy: 'test' }));
    const rows = await database.inTenant(tenant, (scope) => sut().list(scope, { limit: 10 }));
    expect(rows.map((row) => row.name)).toEqual(['touch', 'ci']);
  });
});

describe(AuditRepository.name, () => {
  const sut = new AuditRepository();

  it('records who did what from where, and filters by action, target and time', async () => {
    const origin = { actor: { type: 'api_key' as const, id: '0b6f3f4e-8c1a-4d3b-9a8e-2f1c0d9e8b7a', label: 'ci (rmp_x)' }, ip: '203.0.113.9', requestId: 'req-1' };
    const target = '5f0c8a1e-6d1e-4c3a-9a43-0d2f3f6b1c7e';
    // PGlite's clock ticks in milliseconds: entries written within one tick would tie on time.
    const nextTick = () => new Promise((resolve) => setTimeout(resolve, 15));
    await database.inTenant(tenant, async (scope) => {
      await sut.record(scope, origin, { action: 'client.created', target: { type: 'client', id: target } });
      await nextTick();
      await sut.record(scope, origin, { action: 'client.updated', target: { type: 'client', id: target }, details: { fields: ['seats'] } });
      await nextTick();
      await sut.record(scope, systemOrigin('cli'), { action: 'tenant.created' });
    });
    const list = (filter: Parameters<AuditRepository['list']>[1]) => database.inTenant(tenant, (scope) => sut.list(scope, filter, { limit: 50 }));

    const all = await list({});
    expect(all.map((row) => row.action)).toEqual(['tenant.created', 'client.updated', 'client.created']);
    expect(all[1]).toMatchObject({ actorType: 'api_key', actorLabel: 'ci (rmp_x)', ip: '203.0.113.9', requestId: 'req-1', details: { fields: ['seats'] } });
    expect((await list({ action: 'client.updated' })).map((row) => row.action)).toEqual(['client.updated']);
    expect(await list({ targetId: target })).toHaveLength(2);
    expect(await list({ since: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await database.inTenant(otherTenant, (scope) => sut.list(scope, {}, { limit: 50 }))).toEqual([]);
  });
});

describe(UsersRepository.name, () => {
  const sut = new UsersRepository();

  it('creates a person on first sign-in and follows role changes after', async () => {
    const oid = '7d9a2b0e-1f3c-4e5d-8a6b-9c0d1e2f3a4b';
    const first = await database.inTenant(tenant, (scope) => sut.upsertSignIn(scope, { entraObjectId: oid, email: 'ana@msp.example', displayName: 'Ana', role: 'viewer' }, new Date()));
    const second = await database.inTenant(tenant, (scope) => sut.upsertSignIn(scope, { entraObjectId: oid, email: 'ana@msp.example', displayName: 'Ana', role: 'vcio' }, new Date()));
    expect(second.id).toBe(first.id);
    expect(second.role).toBe('vcio');
    expect(await database.inTenant(otherTenant, (scope) => sut.findByEntraObjectId(scope, oid))).toBeUndefined();
  });
});
