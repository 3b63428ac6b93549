import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ENV_VARS, loadConfig } from '../../src/config/config.js';

/**
 * No Docker engine runs where the tests run, so docker-compose.yml, the Dockerfile, the README and
 * .ci/run are held to what the code reads and does.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}

const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
const dockerfile = read('Dockerfile');

describe('docker-compose.yml', () => {
  const { postgres, api, worker } = compose.services;

  it('runs PostgreSQL with a health check, and the API and a worker built from this repository', () => {
    expect(Object.keys(compose.services).toSorted()).toEqual(['api', 'postgres', 'worker']);
    expect(postgres!.image).toMatch(/^postgres:1[5-9]/);
    expect(postgres!.healthcheck!.test.join(' ')).toContain('pg_isready');
    expect(api!.build).toBe('.');
    expect(api!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(worker!.build).toBe('.');
    expect(worker!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it.each(['api', 'worker'])('sets only variables Rampart reads for the %s, and they parse', (service) => {
    const env = compose.services[service]!.environment!;
    expect(Object.keys(env).filter((name) => !(ENV_VARS as readonly string[]).includes(name))).toEqual([]);
    // `${VAR:-default}` takes its default; `${VAR:?message}` must be supplied, as an operator would.
    const supplied: Record<string, string> = { RAMPART_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}` };
    const resolved = Object.fromEntries(
      Object.entries(env).map(([name, value]) => [name, value.replace(/\$\{([A-Z_]+):-([^}]*)\}/, '$2').replace(/\$\{([A-Z_]+):\?[^}]*\}/, (_, variable: string) => supplied[variable] ?? '')]),
    );
    const config = loadConfig(resolved);
    expect(config.databaseUrl).toBe(api!.environment!.DATABASE_URL);
  });

  it('splits the roles: the API only enqueues, the worker runs the jobs and the scheduler', () => {
    expect(loadConfig({ ...api!.environment!, RAMPART_ENCRYPTION_KEYS: undefined }).role).toBe('api');
    expect(api!.environment!.HOST).toBe('0.0.0.0');
    const workerTarget = packageJson.scripts.worker!.replace(/^node /, '');
    expect(worker!.command).toEqual(['node', workerTarget]);
    expect(worker!.ports).toBeUndefined();
  });

  it.each(['api', 'worker'])('points the %s at the postgres service with its own credentials', (service) => {
    const url = new URL(compose.services[service]!.environment!.DATABASE_URL!);
    const pgEnv = postgres!.environment!;
    expect(url.hostname).toBe('postgres');
    expect(decodeURIComponent(url.username)).toBe(pgEnv.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(pgEnv.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${pgEnv.POSTGRES_DB}`);
  });

  it('gives the API (single reports, downloads) and the worker (bulk reports) one report store', () => {
    const stores = [api!, worker!].map((service) => {
      const directory = service.environment!.RAMPART_REPORTS_DIR!;
      return { directory, volume: service.volumes?.find((volume) => volume.endsWith(`:${directory}`)) };
    });
    expect(stores[0]!.volume).toBeDefined();
    expect(stores[1]).toEqual(stores[0]);
    expect(dockerfile).toContain(`chown node:node ${stores[0]!.directory}`);
    expect(dockerfile).toContain('COPY report-templates ./report-templates');
  });

  it('runs the same entry point as npm start and checks the health route on the port it publishes', () => {
    const startTarget = packageJson.scripts.start!.replace(/^node /, '');
    expect(api!.command).toEqual(['node', startTarget]);
    expect(dockerfile).toContain(`CMD ["node", "${startTarget}"]`);
    const port = api!.environment!.PORT;
    expect(api!.ports).toEqual([`${port}:${port}`]);
    expect(api!.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${port}/api/v1/health`);
  });
});

describe('Dockerfile', () => {
  it('installs from the lockfile, builds with the project\'s build script and ships the migrations', () => {
    expect(dockerfile).toContain('RUN npm ci');
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toContain('COPY migrations ./migrations');
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});

describe('README and CI', () => {
  const readme = read('README.md');

  it('starts with the two commands, and they are the package scripts', () => {
    const quickStart = readme.slice(0, readme.indexOf('## Configuration'));
    expect(quickStart).toContain('npm ci && npm start');
    expect(quickStart).toContain('npm ci && npm test');
    expect(packageJson.scripts.start).toBeDefined();
    expect(packageJson.scripts.test).toContain('jest');
  });

  it('documents every environment variable', () => {
    expect(ENV_VARS.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('documents every CLI command', () => {
    for (const command of ['migrate', 'tenant create', 'api-key create', 'demo', 'sync', 'import-csv', 'evaluate', 'report']) {
      expect(readme).toContain(`npm run cli -- ${command}`);
    }
  });

  it('CI runs the README\'s test command', () => {
    const ci = read('.ci/run');
    expect(ci).toContain('npm ci --no-audit --no-fund && npm test');
    expect(ci).toMatch(/DATABASE_URL=.*npm test/);
  });
});
