/**
 * The web dashboard on a large portfolio (issue 9): how long the pages people use most take to show
 * their data in Debian's Chromium, with RAMPART_BENCH_CLIENTS clients (5,000) on PostgreSQL.
 *
 * Builds the scorecard benchmark's dataset (clients, assets, two evaluation runs a month apart),
 * signs a browser in with a session made for the benchmark's admin, starts the built API
 * (`node dist/src/main.js`, RAMPART_ROLE=api, NODE_ENV=production) and times each scenario from the
 * action to the moment its data is on screen, RAMPART_BENCH_REPEAT times after one warm-up. Beside
 * each page it times the API calls that page needs, made directly, in the same run: the ratio says
 * how much the browser adds to the API. It also counts requests, bytes and DOM elements per page,
 * which stay flat however many clients there are, because every list is paged on the server.
 * Prints a table and writes bench/results/dashboard-postgres.json. Without Chromium or a PostgreSQL
 * server it says so and exits 0.
 *
 *   RAMPART_BENCH=dashboard npm run bench                              # 5,000 clients (about 10 min)
 *   RAMPART_BENCH=dashboard RAMPART_BENCH_CLIENTS=500 npm run bench    # small
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { type Browser, chromium, type Page } from 'playwright-core';

import { type BenchDatabase, databaseTargets } from './evaluation-database.js';
import { round } from './evaluation-run.js';
import { percentile } from './report-measure.js';
import { type ApiServer, startApiServer } from './scorecard-server.js';
import { buildDataset } from './scorecard-setup.js';

const CLIENTS = integer('RAMPART_BENCH_CLIENTS', 5000);
const ASSETS_PER_CLIENT = integer('RAMPART_BENCH_ASSETS', 10);
const REPEAT = integer('RAMPART_BENCH_REPEAT', 15);
const CHROMIUM = process.env.RAMPART_CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1366, height: 800 };

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const resultFile = path.join(root, 'bench', 'results', 'dashboard-postgres.json');
const log = (line: string): void => {
  process.stdout.write(`dashboard: ${line}\n`);
};

interface Scenario {
  name: string;
  /** The API calls the page makes for this step, timed directly for the ratio. */
  apiPaths: (context: ScenarioContext) => string[];
  /** Untimed: brings a signed-in page to where the step starts. */
  prepare?: (page: Page, context: ScenarioContext) => Promise<void>;
  /** Timed: does the step and resolves when its data shows. */
  act: (page: Page, context: ScenarioContext) => Promise<void>;
}

interface ScenarioContext {
  origin: string;
  clientId: string;
  searchText: string;
}

/** What must be on screen: tables (by the start of their caption) with data rows, texts, the h1. */
interface Shown {
  table?: string;
  text?: string;
  heading?: string;
}

/**
 * Resolves on the first animation frame where `shown` is on screen: a frame's precision, where a
 * locator's wait polls at up to 100 ms intervals. A function, not a string: the page's CSP forbids eval.
 */
async function until(page: Page, shown: Shown): Promise<void> {
  await page.waitForFunction(
    (expected: Shown) => {
      // Runs in the page; the benchmark's TypeScript has no DOM types.
      const document = (globalThis as unknown as { document: PageDocument }).document;
      const tableOk = !expected.table || [...document.querySelectorAll('table')].some((table) => (table.caption?.textContent ?? '').startsWith(expected.table!) && table.querySelector('tbody td') !== null);
      const textOk = !expected.text || document.body.innerText.includes(expected.text);
      const headingOk = !expected.heading || document.querySelector('h1')?.textContent === expected.heading;
      return tableOk && textOk && headingOk;
    },
    shown,
    { polling: 'raf', timeout: 30_000 },
  );
}

interface PageElement {
  textContent: string | null;
  caption?: PageElement | null;
  querySelector(selector: string): PageElement | null;
}
interface PageDocument {
  body: { innerText: string };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

const openPortfolio = async (page: Page, { origin }: ScenarioContext) => {
  await page.goto(`${origin}/portfolio`);
  await until(page, { table: 'Clients, sorted by', text: 'Portfolio score' });
};

const SCENARIOS: Scenario[] = [
  {
    name: 'floor: the app shell alone (a page with no data)',
    apiPaths: () => ['/api/v1/auth/session'],
    act: async (page, { origin }) => {
      await page.goto(`${origin}/no-such-page`);
      await until(page, { heading: 'Page not found' });
    },
  },
  {
    name: 'portfolio page (summary, fixes, first 50 clients)',
    apiPaths: () => ['/api/v1/auth/session', '/api/v1/portfolio/scorecard?limit=1', '/api/v1/portfolio/scorecard?limit=50', '/api/v1/baselines'],
    act: openPortfolio,
  },
  {
    name: 'sort by score',
    apiPaths: () => ['/api/v1/portfolio/scorecard?limit=50&sort=score'],
    prepare: openPortfolio,
    act: async (page) => {
      await page.getByRole('button', { name: 'Score', exact: true }).click();
      await until(page, { table: 'Clients, sorted by score' });
    },
  },
  {
    name: 'search by name (250 ms pause after typing included)',
    apiPaths: ({ searchText }) => [`/api/v1/portfolio/scorecard?limit=1&name=${encodeURIComponent(searchText)}`, `/api/v1/portfolio/scorecard?limit=50&name=${encodeURIComponent(searchText)}`],
    prepare: openPortfolio,
    act: async (page, { searchText }) => {
      await page.getByRole('searchbox', { name: 'Search clients' }).fill(searchText);
      await until(page, { text: 'Clients 1–1 of 1' });
    },
  },
  {
    name: 'next page of clients',
    apiPaths: () => ['/api/v1/portfolio/scorecard?limit=50'],
    prepare: openPortfolio,
    act: async (page) => {
      await page.getByRole('button', { name: 'Next →' }).first().click();
      await until(page, { text: 'Clients 51–100 of' });
    },
  },
  {
    name: 'heat map tab (25 clients × every control)',
    apiPaths: () => ['/api/v1/portfolio/heatmap?limit=25'],
    prepare: openPortfolio,
    act: async (page) => {
      await page.getByRole('tab', { name: 'Heat map' }).click();
      await until(page, { table: 'Heat map' });
    },
  },
  {
    name: 'client page (scorecard, trend, every control)',
    apiPaths: ({ clientId }) => ['/api/v1/auth/session', `/api/v1/clients/${clientId}`, `/api/v1/clients/${clientId}/scorecard`, `/api/v1/clients/${clientId}/trend`],
    act: async (page, { origin, clientId }) => {
      await page.goto(`${origin}/clients/${clientId}`);
      await until(page, { table: 'Control results' });
    },
  },
];

interface ScenarioResult {
  name: string;
  page: { p50Ms: number; p95Ms: number; maxMs: number };
  api: { p50Ms: number; sequentialCalls: number };
  ratio: number;
  perLoad: { apiRequests: number; apiBytes: number; domElements: number };
}

let bench: BenchDatabase | undefined;
let server: ApiServer | undefined;
let browser: Browser | undefined;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) return log(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const { targets, skipped } = await databaseTargets(4);
  const postgres = targets.find((target) => target.kind === 'postgres');
  if (!postgres) return log(`skipped: ${skipped ?? 'no PostgreSQL server'}`);

  bench = await postgres.open();
  const dataset = await buildDataset(bench, { clients: CLIENTS, assetsPerClient: ASSETS_PER_CLIENT, runs: 2, firstRunDaysAgo: 31, concurrency: 4, logLevel: 'silent', log });
  const { token, clientId, searchText } = await signInAdmin(bench.url!, dataset.tenantId);
  server = await startApiServer({ mainJs: path.join(root, 'dist', 'src', 'main.js'), cwd: root, databaseUrl: bench.url!, logLevel: 'warn', poolSize: undefined, cpuProfileDir: undefined, startTimeoutMs: 60_000 });
  const context = { origin: server.origin, clientId, searchText };

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const browserContext = await browser.newContext({ viewport: VIEWPORT });
  await browserContext.addCookies([{ name: 'rampart_session', value: token, url: `${server.origin}/api/`, httpOnly: true, sameSite: 'Lax' }]);

  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    const pageTimes: number[] = [];
    const perLoad = { apiRequests: 0, apiBytes: 0, domElements: 0 };
    for (let attempt = 0; attempt <= REPEAT; attempt++) {
      const page = await browserContext.newPage();
      let apiRequests = 0;
      let apiBytes = 0;
      if (scenario.prepare) {
        await scenario.prepare(page, context);
        // As a person would: the page has settled (its last requests answered) before the next click.
        await page.waitForLoadState('networkidle');
      }
      page.on('response', (response) => {
        if (!new URL(response.url()).pathname.startsWith('/api/')) return;
        apiRequests++;
        void response.body().then((body) => (apiBytes += body.length), () => undefined);
      });
      const started = performance.now();
      await scenario.act(page, context);
      const elapsed = performance.now() - started;
      if (attempt > 0) pageTimes.push(elapsed);
      if (attempt === REPEAT) {
        await page.waitForLoadState('networkidle');
        Object.assign(perLoad, { apiRequests, apiBytes, domElements: await page.locator('*').count() });
      }
      await page.close();
    }
    const apiTimes = await timeApi(server.origin, token, scenario.apiPaths(context));
    const pageStats = percentiles(pageTimes);
    results.push({
      name: scenario.name,
      page: pageStats,
      api: { p50Ms: apiTimes.p50Ms, sequentialCalls: scenario.apiPaths(context).length },
      ratio: round(pageStats.p50Ms / apiTimes.p50Ms, 2),
      perLoad,
    });
    log(`${scenario.name}: p50 ${pageStats.p50Ms} ms, p95 ${pageStats.p95Ms} ms (its API calls, one after another: ${apiTimes.p50Ms} ms)`);
  }

  const bundle = bundleSize();
  const report = {
    benchmark: 'dashboard',
    finishedAt: new Date().toISOString(),
    machine: { cpuModel: cpus()[0]?.model ?? 'unknown', cpus: cpus().length, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, chromium: browser.version() },
    dataset: { clients: CLIENTS, assetsPerClient: ASSETS_PER_CLIENT, runs: dataset.runs.length },
    viewport: VIEWPORT,
    repeat: REPEAT,
    bundle,
    scenarios: results,
  };
  mkdirSync(path.dirname(resultFile), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(report, null, 2)}\n`);
  printTable(results, bundle);
  log(`wrote ${path.relative(root, resultFile)}`);
}

/**
 * An admin user and a session for the benchmark's tenant, written as the login role (the API
 * would need Entra to make one). Also picks a client to open and a name to search for.
 */
async function signInAdmin(url: string, tenantId: string): Promise<{ token: string; clientId: string; searchText: string }> {
  const token = randomBytes(32).toString('base64url');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const user = await client.query<{ id: string }>(
      `insert into users (tenant_id, entra_object_id, email, display_name, role) values ($1, gen_random_uuid(), 'bench@rampart.invalid', 'Benchmark admin', 'admin') returning id`,
      [tenantId],
    );
    await client.query(`insert into web_sessions (tenant_id, user_id, token_hash, csrf_token, expires_at) values ($1, $2, $3, $4, now() + interval '12 hours')`, [
      tenantId,
      user.rows[0]!.id,
      createHash('sha256').update(token).digest(),
      randomBytes(32).toString('base64url'),
    ]);
    const picked = await client.query<{ id: string; name: string }>(`select id, name from clients where tenant_id = $1 order by name offset $2 limit 1`, [tenantId, Math.floor(CLIENTS / 2)]);
    return { token, clientId: picked.rows[0]!.id, searchText: picked.rows[0]!.name };
  } finally {
    await client.end();
  }
}

/** The page's API calls made one after another with the same session, REPEAT times: p50 of the total. */
async function timeApi(origin: string, token: string, paths: string[]): Promise<{ p50Ms: number }> {
  const times: number[] = [];
  for (let attempt = 0; attempt <= REPEAT; attempt++) {
    const started = performance.now();
    for (const apiPath of paths) {
      const response = await fetch(`${origin}${apiPath}`, { headers: { cookie: `rampart_session=${token}`, accept: 'application/json' } });
      if (!response.ok) throw new Error(`${apiPath} answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
    if (attempt > 0) times.push(performance.now() - started);
  }
  return { p50Ms: percentiles(times).p50Ms };
}

function bundleSize(): { files: number; bytes: number; gzipBytes: number } {
  const assets = path.join(root, 'dist', 'web', 'assets');
  const files = readdirSync(assets).filter((file) => /\.(js|css)$/.test(file));
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(assets, file));
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { files: files.length, bytes, gzipBytes };
}

function percentiles(values: number[]): { p50Ms: number; p95Ms: number; maxMs: number } {
  const sorted = values.toSorted((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 0.5), 1), p95Ms: round(percentile(sorted, 0.95), 1), maxMs: round(sorted.at(-1)!, 1) };
}

function printTable(results: ScenarioResult[], bundle: { bytes: number; gzipBytes: number }): void {
  log(`${CLIENTS} clients; web app ${round(bundle.bytes / 1024, 1)} KiB (${round(bundle.gzipBytes / 1024, 1)} KiB gzipped)`);
  log('scenario | page p50 / p95 ms | API alone p50 ms | page ÷ API | API requests | API KiB | DOM elements');
  for (const result of results) {
    log(`${result.name} | ${result.page.p50Ms} / ${result.page.p95Ms} | ${result.api.p50Ms} | ${result.ratio} | ${result.perLoad.apiRequests} | ${round(result.perLoad.apiBytes / 1024, 1)} | ${result.perLoad.domElements}`);
  }
}

function integer(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer`);
  return parsed;
}

main()
  .catch((error: unknown) => {
    process.exitCode = 1;
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  })
  .finally(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await bench?.drop().catch(() => undefined);
  });
