import type { Command } from 'commander';
import { ApiKeysService } from '../../api-keys/api-keys.service.js';
import { systemOrigin } from '../../auth/caller.js';
import { SCOPES, type Scope } from '../../auth/scopes.js';
import { TenantsService } from '../../tenancy/tenants.service.js';
import { CliError, type Output, print, withApp } from '../cli-context.js';
import { parsePositiveInteger, parseScopes, parseUuid } from '../parse.js';

interface ApiKeyCreateOptions {
  tenant: string;
  name: string;
  scopes?: Scope[];
  expiresInDays?: number;
}

export function registerApiKeyCommands(program: Command, output: () => Output): void {
  const apiKey = program.command('api-key').description('manage API keys');
  apiKey
    .command('create')
    .description('issue an API key and print it (the only time it is shown)')
    .requiredOption('--tenant <uuid>', 'tenant id', parseUuid)
    .requiredOption('--name <name>', 'what the key is for')
    .option('--scopes <list>', `comma-separated scopes (default: all of ${SCOPES.join(', ')})`, parseScopes)
    .option('--expires-in-days <days>', 'expire the key after this many days (default: never)', parsePositiveInteger)
    .action(async (options: ApiKeyCreateOptions) => {
      const created = await withApp(async (app) => {
        const tenant = await app.get(TenantsService).findById(options.tenant);
        if (!tenant) throw new CliError(`Tenant ${options.tenant} not found`);
        const caller = { ...systemOrigin('cli'), tenantId: tenant.id, scopes: new Set(SCOPES) };
        return app.get(ApiKeysService).create(caller, {
          name: options.name.trim(),
          scopes: options.scopes ?? [...SCOPES],
          expiresAt: options.expiresInDays ? new Date(Date.now() + options.expiresInDays * 86_400_000) : undefined,
        });
      });
      print(output(), created, created.key);
    });
}
