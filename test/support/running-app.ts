import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'dist/src/main.js');

export interface RunningApp {
  /** Where the browser goes, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The quick-start API key the process printed, for setting up and checking what the browser did. */
  apiKey: string;
  /** The demo evaluation the process started on boot. */
  demoRunId: string;
  stop(): Promise<void>;
}

/**
 * Rampart as `npm start` runs it (the built `dist/src/main.js`, demo on, web app served), on a free
 * port, over the suite's database: a fresh PostgreSQL database when DATABASE_URL is set, otherwise
 * embedded PGlite in a temporary directory.
 */
export async function startRunningApp(): Promise<RunningApp> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
  const port = await freePort();
  const scratch = mkdtempSync(path.join(tmpdir(), 'rampart-running-'));
  const testDb: TestDatabase | undefined = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
  // On PostgreSQL a deployment brings its own key for PSA credentials (the demo stores some); embedded PGlite makes one.
  const database = testDb?.url ? { DATABASE_URL: testDb.url, RAMPART_ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}` } : { RAMPART_DATA_DIR: path.join(scratch, 'data') };
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...database,
      RAMPART_DEMO: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      RAMPART_REPORTS_DIR: path.join(scratch, 'reports'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await stopProcess(child);
    await testDb?.drop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const banner = await waitForBanner(child);
    return {
      url: `http://127.0.0.1:${port}`,
      apiKey: /\b(rmp_\S+)/.exec(banner)![1]!,
      demoRunId: /evaluations\/([0-9a-f-]{36})/.exec(banner)![1]!,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForBanner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Rampart did not start within 90 s:\n${output}`)), 90_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/Try: curl/.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Rampart exited with ${code} before it was ready:\n${output}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
