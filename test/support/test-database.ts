import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Database } from '../../src/database/database.js';
import { migrateToLatest } from '../../src/database/migrator.js';

export interface TestDatabase {
  database: Database;
  /** Connection string of the suite's own database (PostgreSQL only). */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A migrated database of the suite's own: a fresh PostgreSQL database on the server that
 * DATABASE_URL names when it is set (dropped afterwards), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await Database.open({});
    await migrateToLatest(database.system);
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `rampart_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await Database.open({ url: url.toString(), poolSize: 4 });
  await migrateToLatest(database.system);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
