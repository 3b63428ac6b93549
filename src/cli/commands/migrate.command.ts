import type { Command } from 'commander';
import { Database } from '../../database/database.js';
import { migrateToLatest, migrationStatus } from '../../database/migrator.js';
import { type Output, print, withApp } from '../cli-context.js';

export function registerMigrateCommand(program: Command, output: () => Output): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--status', 'list applied and pending migrations without applying any')
    .action(async (options: { status?: boolean }) => {
      await withApp(
        async (app) => {
          const db = app.get(Database).system;
          if (options.status) {
            const status = await migrationStatus(db);
            print(output(), status, [...status.applied.map((name) => `applied  ${name}`), ...status.pending.map((name) => `pending  ${name}`)].join('\n'));
            return;
          }
          const { applied } = await migrateToLatest(db);
          print(output(), { applied }, applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
        },
        { migrate: false },
      );
    });
}
