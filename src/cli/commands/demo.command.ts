import type { Command } from 'commander';
import { DemoService } from '../../demo/demo.service.js';
import { toSyncRunResponse } from '../../integrations/integrations.service.js';
import { type Output, print, withApp } from '../cli-context.js';

export function registerDemoCommand(program: Command, output: () => Output): void {
  program
    .command('demo')
    .description('create the demo tenant with a realistic portfolio (once) and print a new API key for it')
    .action(async () => {
      const access = await withApp((app) => app.get(DemoService).access('demo (cli)'));
      print(
        output(),
        { tenantId: access.tenant.id, tenantName: access.tenant.name, created: access.created, apiKey: access.apiKey, sync: toSyncRunResponse(access.sync) },
        `${access.created ? 'Created' : 'Found'} demo tenant ${access.tenant.name} (${access.tenant.id})\n` +
          `Synced from the demo PSA: ${access.sync.status}, ${access.sync.created} created, ${access.sync.updated} updated\nAPI key (shown once): ${access.apiKey}`,
      );
    });
}
