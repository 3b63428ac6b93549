import { type Kysely } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import { migrations } from '../../migrations/index.js';
import { loadBuiltinCatalog } from '../controls/catalog/builtin-catalog.loader.js';
import type { DB } from './schema.js';

export interface MigrationReport {
  applied: string[];
  pending: string[];
}

function migrator(db: Kysely<DB>): Migrator {
  return new Migrator({
    // Migrations name columns themselves; they must not go through the camelCase mapping.
    db: db.withoutPlugins() as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
  });
}

/**
 * Applies every pending migration, each in its own transaction, under Kysely's migration lock,
 * then brings the built-in frameworks and controls up to date with the code.
 */
export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationReport> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed ?? '(unknown)'} failed: ${cause}`, { cause: result.error });
  }
  await loadBuiltinCatalog(db);
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    pending: [],
  };
}

export async function migrationStatus(db: Kysely<DB>): Promise<MigrationReport> {
  const all = await migrator(db).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}
