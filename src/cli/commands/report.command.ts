import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpException } from '@nestjs/common';
import type { Command } from 'commander';

import { type Caller, systemOrigin } from '../../auth/caller.js';
import { SCOPES } from '../../auth/scopes.js';
import { Database } from '../../database/database.js';
import { ReportsService } from '../../reports/reports.service.js';
import { CliError, type Output, print, withApp } from '../cli-context.js';
import { parseUuid } from '../parse.js';

interface ReportOptions {
  client: string;
  template: string;
  run?: string;
  framework?: string;
  out: string;
}

export function registerReportCommand(program: Command, output: () => Output): void {
  program
    .command('report')
    .description('make a client\'s PDF report (recorded like one made through the API) and write it to a file')
    .requiredOption('--client <uuid>', 'client id', parseUuid)
    .option('--template <key>', 'report template', 'qbr')
    .option('--run <uuid>', 'a past evaluation run (default: the client\'s latest)', parseUuid)
    .option('--framework <uuid>', 'framework for templates with a framework section (default: the template\'s)', parseUuid)
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (options: ReportOptions) => {
      const out = path.resolve(options.out);
      const { report, pdf } = await withApp(async (app) => {
        // A client id is unique across tenants: the operator names the client, not its tenant.
        const owner = await app.get(Database).system.selectFrom('clients').select('tenantId').where('id', '=', options.client).executeTakeFirst();
        if (!owner) throw new CliError(`Client ${options.client} not found`);
        const caller: Caller = { ...systemOrigin('cli'), tenantId: owner.tenantId, scopes: new Set(SCOPES) };
        const reports = app.get(ReportsService);
        try {
          const made = await reports.request(caller, { clientId: options.client, template: options.template, runId: options.run, frameworkId: options.framework });
          if (made.kind !== 'report') throw new Error('A single client\'s report is made at once');
          return await reports.download(caller, made.report.id);
        } catch (error) {
          // 4xx: the user's to fix (unknown template, client never evaluated): one line, exit 2.
          throw error instanceof HttpException && error.getStatus() < 500 ? new CliError(error.message) : error;
        }
      });
      const partial = `${out}.${process.pid}.part`;
      await writeFile(partial, pdf);
      await rename(partial, out);
      print(output(), { ...report, file: out }, `Report ${report.id}: ${report.pageCount} pages, ${Math.round(report.sizeBytes / 1024)} KB, SHA-256 ${report.sha256}\nWritten to ${out}`);
    });
}
