import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { readFile } from 'node:fs/promises';
import { systemOrigin } from '../../auth/caller.js';
import { SCOPES } from '../../auth/scopes.js';
import { CSV_KINDS, type CsvKind } from '../../imports/csv-rows.js';
import { CsvImportService } from '../../imports/csv-import.service.js';
import { TenantsService } from '../../tenancy/tenants.service.js';
import { CliError, type Output, print, withApp } from '../cli-context.js';
import { parseUuid } from '../parse.js';

function parseKind(value: string): CsvKind {
  if (!(CSV_KINDS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${CSV_KINDS.join(', ')}`);
  return value as CsvKind;
}

export function registerImportCsvCommand(program: Command, output: () => Output): void {
  program
    .command('import-csv')
    .description('import clients or assets from a CSV file, reporting each bad row')
    .requiredOption('--tenant <uuid>', 'tenant id', parseUuid)
    .requiredOption('--kind <kind>', `what the rows are: ${CSV_KINDS.join(' or ')}`, parseKind)
    .requiredOption('--file <path>', 'the CSV file (UTF-8, header row first)')
    .option('--source <name>', 'assets: the tool their ids belong to', 'csv')
    .option('--partial', 'import the good rows even when some are bad')
    .action(async (options: { tenant: string; kind: CsvKind; file: string; source: string; partial?: boolean }) => {
      const text = await readFile(options.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`Cannot read ${options.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const result = await withApp(async (app) => {
        const tenant = await app.get(TenantsService).findById(options.tenant);
        if (!tenant) throw new CliError(`Tenant ${options.tenant} not found`);
        const caller = { ...systemOrigin('cli'), tenantId: tenant.id, scopes: new Set(SCOPES) };
        return app.get(CsvImportService).import(caller, options.kind, text, { source: options.source, partial: Boolean(options.partial) });
      });
      const lines = [`Imported ${result.kind}: ${result.created} created, ${result.updated} updated, ${result.failed} of ${result.rows} rows left out`];
      for (const error of result.errors) lines.push(`  row ${error.row}, ${error.field}: ${error.message}`);
      print(output(), result, lines.join('\n'));
    });
}
