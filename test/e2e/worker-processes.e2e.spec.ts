import { afterEach, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import request from 'supertest';

import { Database } from '../../src/database/database.js';
import { migrateToLatest } from '../../src/database/migrator.js';
import { EvaluationsService } from '../../src/evaluations/evaluations.service.js';
import { createTestApp, tenantWithKey } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

/*
 * Real processes from dist/ (`npm run -s build` first), as a deployment runs them: killed with
 * SIGKILL mid-run, restarted, and two workers sharing one run on PostgreSQL.
 */

const CLIENTS = 400;
/** Clients whose every DNS lookup times out: a run that takes seconds whatever the database. */
const SLOW_CLIENTS = 120;
const JOB_ENV = {
  LOG_LEVEL: 'warn',
  RAMPART_DEMO: 'false',
  RAMPART_DNS_SERVERS: '127.0.0.1:9',
  RAMPART_DNS_TIMEOUT_MS: '300',
  RAMPART_JOB_POLL_SECONDS: '0.5',
  RAMPART_JOB_HEARTBEAT_SECONDS: '10',
  RAMPART_WORKER_CONCURRENCY: '1',
  RAMPART_SHUTDOWN_TIMEOUT_SECONDS: '5',
  RAMPART_ENCRYPTION_KEYS: `test:${Buffer.alloc(32, 1).toString('base64')}`,
};
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const running = new Set<ChildProcess>();

afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | NodeJS.Signals | null>;
}

function start(script: 'main' | 'worker', env: Record<string, string>): Started {
  const child = spawn(process.execPath, [path.join(root, `dist/src/${script}.js`)], { cwd: root, env: { PATH: process.env.PATH ?? '', ...JOB_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    }),
  );
  return { child, output: () => output, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A tenant with CLIENTS clients (a few assets each) and an API key, and (unless told not to) a
 * queued run over all of them. Closes `database` when done, so a PGlite directory is free for the
 * processes under test.
 */
async function seedRun(database: Database, options: { queue?: boolean; clients?: number; domains?: boolean } = {}): Promise<{ tenantId: string; key: string; runId: string | undefined }> {
  const { queue = true, clients = CLIENTS, domains = false } = options;
  const app = await createTestApp({ database });
  try {
    const { tenantId, key } = await tenantWithKey(app, 'Process MSP');
    await database.system
      .insertInto('clients')
      .values(Array.from({ length: clients }, (_, index) => ({ tenantId, name: `Client ${String(index).padStart(4, '0')}`, externalRefs: '[]', domains: domains ? [`client-${index}.example`] : [] })))
      .execute();
    await sql`
      insert into assets (tenant_id, client_id, kind, name, disk_encrypted, antivirus_status, last_seen_at)
      select c.tenant_id, c.id, 'workstation', c.name || ' PC ' || n, n % 3 <> 0, 'active', now()
      from clients c cross join generate_series(1, 5) n where c.tenant_id = ${tenantId}`.execute(database.system);
    if (!queue) return { tenantId, key, runId: undefined };
    const { body } = await request(app.getHttpServer()).post('/api/v1/evaluations').set({ Authorization: `Bearer ${key}` }).send({}).expect(202);
    return { tenantId, key, runId: body.id as string };
  } finally {
    await app.close();
  }
}

async function runRow(database: Database, runId: string) {
  return database.system.selectFrom('evaluationRuns').select(['status', 'done', 'total', 'failed']).where('id', '=', runId).executeTakeFirstOrThrow();
}

/** Exactly one stored result per (client, enabled control), and every client counted once. */
async function expectExactlyOnce(database: Database, runId: string, clients = CLIENTS): Promise<void> {
  const run = await runRow(database, runId);
  expect(run).toEqual({ status: 'succeeded', done: clients, total: clients, failed: 0 });
  const perClient = await database.system
    .selectFrom('controlResults')
    .select((eb) => ['clientId', eb.fn.countAll<number>().as('results'), eb.fn.count<number>('controlId').distinct().as('controls')])
    .where('runId', '=', runId)
    .groupBy('clientId')
    .execute();
  expect(perClient).toHaveLength(clients);
  const counts = new Set(perClient.map((row) => `${Number(row.results)}/${Number(row.controls)}`));
  expect(counts.size).toBe(1);
  const [only] = [...counts];
  const [results, controls] = only!.split('/').map(Number);
  expect(results).toBe(controls);
  expect(results).toBeGreaterThanOrEqual(80);
  const statuses = await database.system.selectFrom('runClients').select('status').where('runId', '=', runId).distinct().execute();
  expect(statuses).toEqual([{ status: 'succeeded' }]);
}

describe('a worker killed in the middle of a run', () => {
  it('leaves the run resumable: after a restart it completes with exactly one result per client and control', async () => {
    const port = String(await freePort());
    const server = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    const dataDir = server ? undefined : mkdtempSync(path.join(tmpdir(), 'rampart-kill-'));
    const env: Record<string, string> = server ? { DATABASE_URL: server.url! } : { RAMPART_DATA_DIR: dataDir! };
    const seeding = server?.database ?? (await Database.open({ dataDir }));
    if (!server) await migrateToLatest(seeding.system);
    // Each client's DNS lookups wait out a name server that never answers (outside any transaction),
    // so the run lasts seconds on either database and the API answers while it runs.
    const silentDns = createSocket('udp4');
    await new Promise<void>((resolve) => silentDns.bind(0, '127.0.0.1', resolve));
    env.RAMPART_DNS_SERVERS = `127.0.0.1:${silentDns.address().port}`;
    const { key } = await seedRun(seeding, { queue: false, clients: SLOW_CLIENTS, domains: true });
    let database: Database | undefined;
    try {
      const base = `http://127.0.0.1:${port}/api/v1/evaluations`;
      const headers = { Authorization: `Bearer ${key}` };
      let runId = '';
      const progress = async () => {
        const response = await fetch(`${base}/${runId}`, { headers }).catch(() => undefined);
        return response?.ok ? ((await response.json()) as { status: string; progress: { done: number; total: number } }) : undefined;
      };

      const first = start('main', { ...env, PORT: port });
      // Requested once the server answers, so the test watches the run from its first client.
      const queued = await until('the server to accept the run', async () => {
        const response = await fetch(base, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' }).catch(() => undefined);
        return response?.status === 202 ? ((await response.json()) as { id: string }) : undefined;
      });
      runId = queued.id;
      const midway = await until('the run to be under way', async () => {
        const run = await progress();
        return run && run.progress.done >= 20 ? run : undefined;
      });
      first.child.kill('SIGKILL');
      await first.exited;
      expect(midway.progress.done).toBeLessThan(SLOW_CLIENTS);

      const second = start('main', { ...env, PORT: port });
      const finished = await until('the run to finish after the restart', async () => {
        const run = await progress();
        return run && (run.status === 'succeeded' || run.status === 'failed') ? run : undefined;
      }, 90_000);
      expect(finished.status).toBe('succeeded');
      // Nest's shutdown hooks re-raise SIGTERM once they have run, so the exit is the signal itself.
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe('SIGTERM');

      database = await Database.open({ url: server?.url, dataDir });
      await expectExactlyOnce(database, runId, SLOW_CLIENTS);
    } finally {
      silentDns.close();
      await database?.close();
      if (server) await server.drop();
      else rmSync(dataDir!, { recursive: true, force: true });
    }
  }, 180_000);
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('worker processes on one PostgreSQL', () => {
  it('a worker stopped with SIGTERM mid-run finishes or hands back its jobs at once, so another completes the run without waiting for heartbeats', async () => {
    const server = await createTestDatabase();
    const runId = (await seedRun(server.database)).runId!;
    const database = await Database.open({ url: server.url });
    try {
      const first = start('worker', { DATABASE_URL: server.url! });
      await until('the run to be under way', async () => ((await runRow(database, runId)).done >= 20 ? true : undefined));
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe('SIGTERM');
      expect(first.output()).toMatch(/stopped after evaluating \d+ client/);
      const stoppedAt = (await runRow(database, runId)).done;
      expect(stoppedAt).toBeLessThan(CLIENTS);

      const second = start('worker', { DATABASE_URL: server.url! });
      await until('the second worker to take jobs', async () => (second.output().includes('is taking jobs') ? true : undefined));
      const restartedAt = Date.now();
      await until('the run to finish', async () => ((await runRow(database, runId)).status === 'succeeded' ? true : undefined));
      // Jobs left active by a dead worker would wait out RAMPART_JOB_HEARTBEAT_SECONDS (10) first.
      expect(Date.now() - restartedAt).toBeLessThan(9_000);
      second.child.kill('SIGTERM');
      await second.exited;
      await expectExactlyOnce(database, runId);
    } finally {
      await database.close();
      await server.drop();
    }
  }, 120_000);


  it('share a run and store exactly what one worker would', async () => {
    const server = await createTestDatabase();
    const seeded = await seedRun(server.database);
    const [runId, tenantId] = [seeded.runId!, seeded.tenantId];
    const database = await Database.open({ url: server.url });
    try {
      const workers = [start('worker', { DATABASE_URL: server.url! }), start('worker', { DATABASE_URL: server.url! })];
      await until('the run to finish', async () => {
        const run = await runRow(database, runId);
        return run.status === 'queued' || run.status === 'running' ? undefined : run;
      });
      for (const worker of workers) worker.child.kill('SIGTERM');
      expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual(['SIGTERM', 'SIGTERM']);
      const evaluated = workers.map((worker) => Number(/after evaluating (\d+) client/.exec(worker.output())?.[1] ?? 0));
      expect(evaluated.every((count) => count > 0)).toBe(true);
      expect(evaluated[0]! + evaluated[1]!).toBeGreaterThanOrEqual(CLIENTS);
      await expectExactlyOnce(database, runId);

      // The same run done by one worker in this process: identical results, control by control.
      const app = await createTestApp({ database, role: 'all', env: { RAMPART_JOB_POLL_SECONDS: '0.5' } });
      try {
        const caller = { actor: { type: 'system' as const, id: null, label: 'test' }, ip: null, requestId: null, tenantId, scopes: new Set<never>() };
        const single = await app.get(EvaluationsService).request(caller, {}, 'cli');
        await until('the single-worker run', async () => {
          const run = await runRow(database, single.id);
          return run.status === 'succeeded' ? run : undefined;
        });
        const compare = (id: string) =>
          database.system
            .selectFrom('controlResults')
            .select(['clientId', 'controlId', 'status', 'fraction', 'points', 'earned', 'pointsRecoverable', 'summary'])
            .where('runId', '=', id)
            .orderBy('clientId')
            .orderBy('controlId')
            .execute();
        expect(await compare(runId)).toEqual(await compare(single.id));
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
      await server.drop();
    }
  }, 180_000);
});
