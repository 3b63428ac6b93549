import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Database } from '../../src/database/database.js';
import { createTestDatabase } from './test-database.js';

export interface CliDatabase {
  /** The environment that points the CLI at this database. */
  env: Record<string, string>;
  /** Opens the database in this process (once; later calls share it), after the CLI processes are done with it. */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/**
 * A database that both the CLI (a child process) and the test can use: a fresh PostgreSQL database
 * when DATABASE_URL is set, otherwise a PGlite data directory in a temporary folder.
 */
export async function createCliDatabase(): Promise<CliDatabase> {
  if (process.env.DATABASE_URL) {
    const testDb = await createTestDatabase();
    // A server deployment must bring its own key for PSA credentials (the embedded one makes a key file).
    const keys = `test:${Buffer.alloc(32, 1).toString('base64')}`;
    return { env: { DATABASE_URL: testDb.url!, RAMPART_ENCRYPTION_KEYS: keys }, open: async () => testDb.database, drop: () => testDb.drop() };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rampart-cli-'));
  let database: Database | undefined;
  return {
    env: { RAMPART_DATA_DIR: dataDir },
    open: async () => (database ??= await Database.open({ dataDir })),
    drop: async () => {
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
