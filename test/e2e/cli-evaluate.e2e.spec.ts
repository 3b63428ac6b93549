import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Database } from '../../src/database/database.js';
import { runCli, runCliJson } from '../support/cli.js';
import { type CliDatabase, createCliDatabase } from '../support/cli-database.js';

interface RunJson {
  id: string;
  status: string;
  trigger: string;
  clientIds: string[] | null;
  progress: { done: number; total: number; failed: number };
  portfolio: { score: number | null; grade: string | null } | null;
  errors?: unknown[];
}

let cliDb: CliDatabase;
let csvDir: string;
let tenantId: string;
const clients = new Map<string, string>();

/**
 * Reads the database between CLI runs. cliDb.open() keeps an embedded data directory locked for
 * good, which would lock every later CLI run out, so on PGlite this opens and closes it each time.
 */
async function query<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(await cliDb.open());
  const database = await Database.open({ dataDir: cliDb.env.RAMPART_DATA_DIR! });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  cliDb = await createCliDatabase();
  csvDir = mkdtempSync(path.join(tmpdir(), 'rampart-cli-evaluate-'));
  tenantId = (await runCliJson<{ id: string }>(['tenant', 'create', '--name', 'Evaluate MSP'], cliDb.env)).id;
  const csv = path.join(csvDir, 'clients.csv');
  writeFileSync(csv, 'name,status\nAlpine Dental,active\nBirch Legal,active\nCedar Logistics,active\nDormant Co,inactive\n');
  await runCliJson(['import-csv', '--tenant', tenantId, '--kind', 'clients', '--file', csv], cliDb.env);
  const rows = await query((database) => database.system.selectFrom('clients').select(['id', 'name']).where('tenantId', '=', tenantId).execute());
  for (const row of rows) clients.set(row.name, row.id);
}, 60_000);
afterAll(async () => {
  await cliDb?.drop();
  if (csvDir) rmSync(csvDir, { recursive: true, force: true });
});

const evaluate = (args: string[]) => runCli(['evaluate', '--tenant', tenantId, ...args], cliDb.env);
const evaluateJson = (args: string[]) => runCliJson<RunJson>(['evaluate', '--tenant', tenantId, ...args], cliDb.env);
const id = (name: string) => clients.get(name)!;

describe('rampart evaluate', () => {
  it('--wait runs every active client in this process and prints the finished run as JSON', async () => {
    const run = await evaluateJson(['--wait']);
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'cli', clientIds: null, progress: { done: 3, total: 3, failed: 0 }, errors: [] });
    expect(run.portfolio?.score).toEqual(expect.any(Number));
  });

  it('--client takes repeated and comma-separated ids, once each', async () => {
    const run = await evaluateJson(['--client', `${id('Alpine Dental')},${id('Birch Legal')}`, '--client', id('Alpine Dental'), '--wait']);
    expect(run).toMatchObject({ status: 'succeeded', clientIds: [id('Alpine Dental'), id('Birch Legal')], progress: { done: 2, total: 2, failed: 0 } });
  });

  it('prints one line a person can read, without a progress bar when stderr is not a terminal', async () => {
    const result = await evaluate(['--client', id('Cedar Logistics'), '--wait']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^Evaluation succeeded: 1 of 1 clients in \d+\.\d s, portfolio \d+\.\d \([A-F]\)$/);
    expect(result.stderr).not.toMatch(/clients \|/);
  });

  it('without --wait queues the run and names the commands that work it; a later --wait works that run too', async () => {
    const queued = await evaluate([]);
    expect(queued.code).toBe(0);
    const [, queuedId] = /^Evaluation ([0-9a-f-]{36}) queued\n/.exec(queued.stdout) ?? [];
    expect(queuedId).toBeDefined();
    expect(queued.stdout).toMatch(/`npm start` or `npm run worker`/);

    const waited = await evaluateJson(['--client', id('Birch Legal'), '--wait']);
    expect(waited).toMatchObject({ status: 'succeeded', progress: { done: 1, total: 1 } });
    // The queued run is older, so this process's worker took its jobs first.
    const first = await query((database) => database.system.selectFrom('evaluationRuns').select(['status', 'done', 'total']).where('id', '=', queuedId!).executeTakeFirstOrThrow());
    expect(first).toEqual({ status: 'succeeded', done: 3, total: 3 });
  }, 60_000);

  it.each([
    ['an unknown tenant', () => ['evaluate', '--tenant', '00000000-0000-4000-8000-000000000000'], /Tenant 00000000-0000-4000-8000-000000000000 not found/],
    ['an unknown client', () => ['evaluate', '--tenant', tenantId, '--client', '00000000-0000-4000-8000-00000000000c', '--wait'], /Client 00000000-0000-4000-8000-00000000000c not found/],
    ['an inactive client', () => ['evaluate', '--tenant', tenantId, '--client', id('Dormant Co')], /Client [0-9a-f-]{36} is inactive; only active clients are evaluated/],
  ])('refuses %s with exit code 2 and a one-line message', async (_case, args, message) => {
    const result = await runCli(args(), cliDb.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a --client that is not a UUID before touching the database', async () => {
    const result = await evaluate(['--client', 'alpine']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--client.*must be a UUID/);
  });
});

describe('rampart report', () => {
  // Reports go to a directory of the test's own, never to ./data of the checkout.
  const reportEnv = () => ({ ...cliDb.env, RAMPART_REPORTS_DIR: path.join(csvDir, 'reports') });

  it('writes the client\'s PDF to --out and records it like a report made through the API', async () => {
    const out = path.join(csvDir, 'alpine.pdf');
    const result = await runCli(['report', '--client', id('Alpine Dental'), '--template', 'executive', '--out', out], reportEnv());
    expect(result.code).toBe(0);
    const [, reportId, sha256] = /^Report ([0-9a-f-]{36}): \d+ pages?, \d+ KB, SHA-256 ([0-9a-f]{64})\nWritten to /.exec(result.stdout) ?? [];
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(sha256);
    const row = await query((database) => database.system.selectFrom('reports').select(['clientId', 'templateKey', 'sha256', 'createdBy']).where('id', '=', reportId!).executeTakeFirstOrThrow());
    expect(row).toEqual({ clientId: id('Alpine Dental'), templateKey: 'executive', sha256, createdBy: 'cli' });
  }, 60_000);

  it.each([
    ['an unknown client', () => ['--client', '00000000-0000-4000-8000-00000000000c'], /Client 00000000-0000-4000-8000-00000000000c not found/],
    ['an unknown template', () => ['--client', id('Alpine Dental'), '--template', 'board-pack'], /Unknown report template "board-pack"/],
  ])('refuses %s with exit code 2 and a one-line message', async (_case, args, message) => {
    const result = await runCli(['report', ...args(), '--out', path.join(csvDir, 'never.pdf')], reportEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
