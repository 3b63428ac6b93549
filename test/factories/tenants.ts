import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/database/database.js';
import type { ClientFields } from '../../src/clients/clients.repository.js';

/** A tenant inserted directly, for repository tests that need no services. */
export async function insertTenant(database: Database, name = `Tenant ${randomUUID().slice(0, 8)}`): Promise<string> {
  const row = await database.system.insertInto('tenants').values({ name }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function clientFields(overrides: Partial<ClientFields> = {}): ClientFields {
  return {
    name: `Client ${randomUUID().slice(0, 8)}`,
    status: 'active',
    externalRefs: [],
    domains: [],
    seats: null,
    baseline: null,
    baselineAssignment: null,
    notes: null,
    ...overrides,
  };
}
