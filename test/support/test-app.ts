import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { AppModule } from '../../src/app.module.js';
import { ApiKeysService } from '../../src/api-keys/api-keys.service.js';
import { systemOrigin } from '../../src/auth/caller.js';
import { SCOPES, type Scope } from '../../src/auth/scopes.js';
import { configureApp } from '../../src/common/http/configure-app.js';
import { startBackgroundWork } from '../../src/bootstrap.js';
import { loadConfig, type ProcessRole, RAMPART_CONFIG, type RampartConfig } from '../../src/config/config.js';
import { Database } from '../../src/database/database.js';
import { type Clock, CLOCK } from '../../src/evaluations/schedule/evaluation-scheduler.js';
import { CONNECTOR_OPTIONS } from '../../src/integrations/connector-registry.js';
import { LOG_DESTINATION } from '../../src/logging/logging.module.js';
import { TenantsService } from '../../src/tenancy/tenants.service.js';

export interface TestAppOptions {
  database: Database;
  /** `all` runs evaluation workers and the scheduler in the app, as `npm start` does; default `api` only enqueues. */
  role?: ProcessRole;
  /** What the scheduler takes for now. */
  clock?: Clock;
  env?: Record<string, string>;
  logs?: Writable;
}

/** The real HTTP stack (guards, pipes, filters, body limits) over the suite's database. */
export async function createTestApp(options: TestAppOptions): Promise<NestExpressApplication> {
  // Report files go to a directory of the suite's own (never ./data of the checkout), unless the suite keeps them in Supabase.
  const reportsDir = options.env?.SUPABASE_URL ? {} : { RAMPART_REPORTS_DIR: mkdtempSync(path.join(tmpdir(), 'rampart-reports-')) };
  // DNS controls ask a closed local port: an immediate, offline lookup error unless a test brings its own server.
  const config: RampartConfig = loadConfig({
    LOG_LEVEL: 'silent',
    RAMPART_MIGRATE_ON_START: 'false',
    RAMPART_AUTH_FAILURE_LIMIT: '1000',
    RAMPART_DNS_SERVERS: '127.0.0.1:9',
    RAMPART_DNS_TIMEOUT_MS: '300',
    ...reportsDir,
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(RAMPART_CONFIG)
    .useValue(config)
    .overrideProvider(Database)
    .useValue(options.database)
    // PSA retries in tests take no wall time.
    .overrideProvider(CONNECTOR_OPTIONS)
    .useValue({ sleep: async () => {} })
    .overrideProvider(LOG_DESTINATION)
    .useValue(options.logs ?? new PassThrough().resume())
    .overrideProvider(CLOCK)
    .useValue(options.clock ?? (() => new Date()))
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
  configureApp(app, config);
  await app.init();
  const reportsDirectory = reportsDir.RAMPART_REPORTS_DIR;
  if (reportsDirectory) {
    // The suite's report files go with its app, so test runs leave nothing behind in the temp folder.
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      rmSync(reportsDirectory, { recursive: true, force: true });
    };
  }
  await startBackgroundWork(app, options.role ?? 'api');
  return app;
}

export interface TenantWithKey {
  tenantId: string;
  key: string;
}

/** A tenant and a key for it, made through the same services the CLI uses. */
export async function tenantWithKey(app: NestExpressApplication, name: string, scopes: readonly Scope[] = SCOPES): Promise<TenantWithKey> {
  const tenant = await app.get(TenantsService).create(systemOrigin('test'), { name });
  const key = await app.get(ApiKeysService).create({ ...systemOrigin('test'), tenantId: tenant.id, scopes: new Set(SCOPES) }, { name: `${name} key`, scopes: [...scopes] });
  return { tenantId: tenant.id, key: key.key };
}
