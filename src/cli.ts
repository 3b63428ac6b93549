import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import type { Output } from './cli/cli-context.js';
import { registerApiKeyCommands } from './cli/commands/api-key.command.js';
import { registerDemoCommand } from './cli/commands/demo.command.js';
import { registerEvaluateCommand } from './cli/commands/evaluate.command.js';
import { registerImportCsvCommand } from './cli/commands/import-csv.command.js';
import { registerMigrateCommand } from './cli/commands/migrate.command.js';
import { registerReportCommand } from './cli/commands/report.command.js';
import { registerSyncCommand } from './cli/commands/sync.command.js';
import { registerTenantCommands } from './cli/commands/tenant.command.js';
import { describeFatalError, isExpectedError } from './common/errors/fatal-error.js';

const program = new Command('rampart')
  .description('Rampart administration: migrations, tenants, API keys, PSA syncs, evaluations, reports, demo data')
  .option('--json', 'print machine-readable JSON')
  .showHelpAfterError()
  .exitOverride();
const output = (): Output => ({ json: Boolean(program.opts<{ json?: boolean }>().json) });

registerMigrateCommand(program, output);
registerTenantCommands(program, output);
registerApiKeyCommands(program, output);
registerDemoCommand(program, output);
registerSyncCommand(program, output);
registerImportCsvCommand(program, output);
registerEvaluateCommand(program, output);
registerReportCommand(program, output);

/** Exit 2 for a problem the user can fix from the message, 1 for a bug. */
program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (output().json) process.stderr.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  else process.stderr.write(`error: ${describeFatalError(error)}\n`);
  process.exit(isExpectedError(error) ? 2 : 1);
});
