import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { systemOrigin } from '../../auth/caller.js';
import { SCOPES } from '../../auth/scopes.js';
import { IntegrationsRepository } from '../../integrations/integrations.repository.js';
import { IntegrationsService, toSyncRunResponse } from '../../integrations/integrations.service.js';
import { SyncService } from '../../integrations/sync/sync.service.js';
import { CliError, type Output, print, withApp } from '../cli-context.js';
import { parseUuid } from '../parse.js';

export function registerSyncCommand(program: Command, output: () => Output): void {
  program
    .command('sync')
    .description('import clients, contacts and assets from a PSA integration now, showing progress')
    .requiredOption('--integration <uuid>', 'integration id', parseUuid)
    .option('--full', 'full sync: also mark records that vanished from the PSA inactive')
    .action(async (options: { integration: string; full?: boolean }) => {
      const run = await withApp(async (app) => {
        const tenantId = await app.get(IntegrationsRepository).findTenantOf(options.integration);
        if (!tenantId) throw new CliError(`Integration ${options.integration} not found`);
        const caller = { ...systemOrigin('cli'), tenantId, scopes: new Set(SCOPES) };
        const queued = await app.get(IntegrationsService).queueSync(caller, options.integration, options.full ? 'full' : 'incremental');
        // The PSA does not say how many pages are coming, so the bar counts pages and records as they land.
        const bar = output().json || !process.stderr.isTTY ? undefined : new SingleBar({ format: ' {phase} | {pages} pages | {created} new, {updated} updated, {deactivated} deactivated, {skipped} skipped', stream: process.stderr });
        bar?.start(0, 0, { phase: 'starting', pages: 0, created: 0, updated: 0, deactivated: 0, skipped: 0 });
        const finished = await app.get(SyncService).execute(tenantId, queued.id, { onProgress: (progress) => bar?.update(0, { phase: progress.phase, pages: progress.pages, ...progress.counts }) });
        bar?.stop();
        return toSyncRunResponse(finished);
      });
      const { counts } = run;
      print(output(), run, `Sync ${run.status}: ${counts.created} created, ${counts.updated} updated, ${counts.deactivated} deactivated, ${counts.skipped} skipped, ${run.progress.done} pages${run.error ? `\n${run.error}` : ''}`);
      if (run.status === 'failed') process.exitCode = 2;
    });
}
