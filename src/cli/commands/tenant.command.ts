import type { Command } from 'commander';
import { systemOrigin } from '../../auth/caller.js';
import { TenantsService } from '../../tenancy/tenants.service.js';
import { CliError, type Output, print, withApp } from '../cli-context.js';
import { parseUuid } from '../parse.js';

export function registerTenantCommands(program: Command, output: () => Output): void {
  const tenant = program.command('tenant').description('manage tenants (one per MSP)');
  tenant
    .command('create')
    .description('create a tenant and print its id')
    .requiredOption('--name <name>', 'the MSP\'s name')
    .option('--entra-tenant-id <uuid>', 'Microsoft Entra tenant whose users sign in to this tenant', parseUuid)
    .action(async (options: { name: string; entraTenantId?: string }) => {
      const name = options.name.trim();
      if (name.length < 1 || name.length > 200) throw new CliError('--name must be 1 to 200 characters');
      const created = await withApp((app) => app.get(TenantsService).create(systemOrigin('cli'), { name, entraTenantId: options.entraTenantId }));
      print(output(), { id: created.id, name: created.name, entraTenantId: created.entraTenantId }, created.id);
    });
}
