import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { CliError, type Output } from './cli/cli-context.js';
import { registerApiKeyCommands } from './cli/commands/api-key.command.js';
import { registerDemoCommand } from './cli/commands/demo.command.js';
import { registerMigrateCommand } from './cli/commands/migrate.command.js';
import { registerTenantCommands } from './cli/commands/tenant.command.js';
import { ConfigError } from './config/config.js';
import { DataDirInUseError } from './database/data-dir-lock.js';

const program = new Command('rampart')
  .description('Rampart administration: migrations, tenants, API keys, demo data')
  .option('--json', 'print machine-readable JSON')
  .showHelpAfterError()
  .exitOverride();
const output = (): Output => ({ json: Boolean(program.opts<{ json?: boolean }>().json) });

registerMigrateCommand(program, output);
registerTenantCommands(program, output);
registerApiKeyCommands(program, output);
registerDemoCommand(program, output);

/** Errors the user can act on print as one line; anything else keeps its stack for a bug report. */
const EXPECTED_ERRORS = [CliError, ConfigError, DataDirInUseError];

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const expected = EXPECTED_ERRORS.some((type) => error instanceof type);
  const message = error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
  if (output().json) process.stderr.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  else process.stderr.write(`error: ${message}\n`);
  process.exit(expected ? 2 : 1);
});
