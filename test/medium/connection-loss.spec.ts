import { describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase } from '../support/test-database.js';

const postgresOnly = process.env.DATABASE_URL ? describe : describe.skip;

postgresOnly('losing a pooled connection', () => {
  it('does not crash the process, and the next query gets a fresh connection', async () => {
    const testDb = await createTestDatabase();
    try {
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(testDb.database.system);
      const admin = new pg.Client({ connectionString: testDb.url });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [before.rows[0]!.pid]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(testDb.database.system);
      expect(after.rows[0]!.pid).not.toBe(before.rows[0]!.pid);
    } finally {
      await testDb.drop();
    }
  });
});
