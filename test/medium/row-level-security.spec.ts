import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { ClientsRepository } from '../../src/clients/clients.repository.js';
import type { Database } from '../../src/database/database.js';
import { clientFields, insertTenant } from '../factories/tenants.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Tables that hold no MSP's data: readable by all, written by migrations only. */
// sign_in_attempts: an Entra sign-in in progress belongs to no tenant yet; the application role has no grant on it.
const GLOBAL_TABLES = new Set(['kysely_migration', 'kysely_migration_lock', 'sign_in_attempts']);
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast'];

interface TableSecurity {
  schema: string;
  table: string;
  hasTenantId: boolean;
  rlsEnabled: boolean;
  rlsForced: boolean;
  policies: number;
}

let testDb: TestDatabase;
let database: Database;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  tenantA = await insertTenant(database, 'Tenant A');
  tenantB = await insertTenant(database, 'Tenant B');
  const clients = new ClientsRepository();
  await database.inTenant(tenantA, async (scope) => {
    await clients.create(scope, clientFields({ name: 'A1' }));
    await clients.create(scope, clientFields({ name: 'A2' }));
  });
  await database.inTenant(tenantB, (scope) => clients.create(scope, clientFields({ name: 'B1' })));
});

afterAll(() => testDb.drop());

describe('row-level security coverage', () => {
  it('every table in the application schemas is tenant-isolated or declared global', async () => {
    const { rows } = await sql<TableSecurity>`
      select n.nspname as schema, c.relname as table,
             exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as "hasTenantId",
             c.relrowsecurity as "rlsEnabled", c.relforcerowsecurity as "rlsForced",
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in (${sql.join(SYSTEM_SCHEMAS)}) and n.nspname not like 'pg_temp%'
      order by 1, 2`.execute(database.system);

    expect(rows.length).toBeGreaterThanOrEqual(5);
    const unprotected = rows
      .filter((row) => row.hasTenantId || row.table === 'tenants')
      .filter((row) => !row.rlsEnabled || !row.rlsForced || row.policies === 0)
      .map((row) => `${row.schema}.${row.table}`);
    expect(unprotected).toEqual([]);

    const undeclared = rows.filter((row) => !row.hasTenantId && row.table !== 'tenants' && !GLOBAL_TABLES.has(row.table)).map((row) => `${row.schema}.${row.table}`);
    expect(undeclared).toEqual([]);
  });

  it('tenant work runs as a role that is neither superuser nor BYPASSRLS', async () => {
    const role = await database.inTenant(tenantA, async (scope) => {
      const { rows } = await sql<{ name: string; super: boolean; bypass: boolean }>`
        select current_user as name, r.rolsuper as super, r.rolbypassrls as bypass from pg_roles r where r.rolname = current_user`.execute(scope.db);
      return rows[0];
    });
    expect(role).toEqual({ name: 'rampart_app', super: false, bypass: false });
  });
});

describe('tenant isolation by construction', () => {
  it('a query with no tenant filter still returns only the current tenant\'s rows', async () => {
    const names = await database.inTenant(tenantA, (scope) => scope.db.selectFrom('clients').select('name').orderBy('name').execute());
    expect(names.map((row) => row.name)).toEqual(['A1', 'A2']);
    const tenants = await database.inTenant(tenantB, (scope) => scope.db.selectFrom('tenants').select('name').execute());
    expect(tenants).toEqual([{ name: 'Tenant B' }]);
  });

  it('cannot update or delete another tenant\'s rows, even by id', async () => {
    const b1 = await database.system.selectFrom('clients').select('id').where('name', '=', 'B1').executeTakeFirstOrThrow();
    await database.inTenant(tenantA, async (scope) => {
      const updated = await scope.db.updateTable('clients').set({ name: 'stolen' }).where('id', '=', b1.id).returning('id').execute();
      const deleted = await scope.db.deleteFrom('clients').where('id', '=', b1.id).returning('id').execute();
      expect(updated).toEqual([]);
      expect(deleted).toEqual([]);
    });
    const after = await database.system.selectFrom('clients').select('name').where('id', '=', b1.id).executeTakeFirstOrThrow();
    expect(after.name).toBe('B1');
  });

  it('cannot write a row into another tenant', async () => {
    await expect(
      database.inTenant(tenantA, (scope) => scope.db.insertInto('clients').values({ ...clientFields(), externalRefs: '[]', tenantId: tenantB }).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot move a row to another tenant', async () => {
    await expect(
      database.inTenant(tenantA, (scope) => scope.db.updateTable('clients').set({ tenantId: tenantB }).where('name', '=', 'A1').execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it('sees nothing when no tenant is set', async () => {
    const rows = await database.system.transaction().execute(async (trx) => {
      await sql`set local role rampart_app`.execute(trx);
      return trx.selectFrom('clients').select('id').execute();
    });
    expect(rows).toEqual([]);
  });

  it('keeps concurrent transactions of different tenants apart', async () => {
    const reads = await Promise.all(
      Array.from({ length: 12 }, (_, index) => {
        const tenant = index % 2 === 0 ? tenantA : tenantB;
        return database.inTenant(tenant, async (scope) => ({ tenant, names: (await scope.db.selectFrom('clients').select('name').execute()).map((row) => row.name[0]) }));
      }),
    );
    for (const read of reads) {
      expect(new Set(read.names)).toEqual(new Set([read.tenant === tenantA ? 'A' : 'B']));
    }
  });
});

describe('audit log', () => {
  it('is append-only for the application role', async () => {
    await database.inTenant(tenantA, (scope) =>
      scope.db.insertInto('auditLog').values({ tenantId: tenantA, actorType: 'system', actorLabel: 'test', action: 'test.recorded', details: '{}' }).execute(),
    );
    await expect(database.inTenant(tenantA, (scope) => scope.db.updateTable('auditLog').set({ action: 'tampered' }).execute())).rejects.toThrow(/permission denied/);
    await expect(database.inTenant(tenantA, (scope) => scope.db.deleteFrom('auditLog').execute())).rejects.toThrow(/permission denied/);
    const kept = await database.inTenant(tenantA, (scope) => scope.db.selectFrom('auditLog').select('action').execute());
    expect(kept).toEqual([{ action: 'test.recorded' }]);
  });
});
