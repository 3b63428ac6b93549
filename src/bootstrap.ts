import { Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { RAMPART_CONFIG, type RampartConfig } from './config/config.js';
import { Database } from './database/database.js';
import { migrateToLatest } from './database/migrator.js';

/** Applies pending migrations unless the deployment runs them as a separate step. */
export async function migrateIfConfigured(app: INestApplicationContext): Promise<string[]> {
  const config = app.get<RampartConfig>(RAMPART_CONFIG);
  if (!config.migrateOnStart) return [];
  const { applied } = await migrateToLatest(app.get(Database).system);
  if (applied.length > 0) new Logger('Migrations').log(`Applied ${applied.join(', ')}`);
  return applied;
}
