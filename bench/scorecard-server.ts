import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { ENV_VARS } from '../src/config/config.js';

export interface ServerOptions {
  /** `dist/src/main.js` of the normal build. */
  mainJs: string;
  cwd: string;
  databaseUrl: string;
  logLevel: string;
  /** RAMPART_DB_POOL_SIZE; undefined keeps the product's default. */
  poolSize: string | undefined;
  /** Write a V8 CPU profile of the server into this folder when it stops. */
  cpuProfileDir: string | undefined;
  startTimeoutMs: number;
}

export interface ApiServer {
  origin: string;
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** False once the process exited. */
  running(): boolean;
  /** The last lines it printed, for a failure message. */
  output(): string;
}

const HEALTH_PATH = '/api/v1/health';
const OUTPUT_KEPT = 16_384;
const PROFILE_EXIT = encodeURIComponent('process.on("SIGUSR2", () => process.exit(0));');

/**
 * The real API as a deployment runs it (`node dist/src/main.js`, RAMPART_ROLE=api: serves and
 * enqueues, no workers or scheduler) in a process of its own, so the load generator does not share
 * its event loop. Every Rampart variable of this process's environment is dropped, so only what is
 * set here applies. Resolves once /api/v1/health answers 200.
 */
export async function startApiServer(options: ServerOptions): Promise<ApiServer> {
  if (!existsSync(options.mainJs)) throw new Error(`${options.mainJs} is missing: run \`npm run -s build\` first`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ENV_VARS) delete env[name];
  Object.assign(env, {
    DATABASE_URL: options.databaseUrl,
    RAMPART_ROLE: 'api',
    RAMPART_DEMO: 'false',
    RAMPART_MIGRATE_ON_START: 'false',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: options.logLevel,
    NODE_ENV: 'production',
    ...(options.poolSize ? { RAMPART_DB_POOL_SIZE: options.poolSize } : {}),
  });
  // Nest answers SIGTERM by killing itself with it, which writes no profile: a profiled server is
  // stopped with SIGUSR2 instead, which this preload turns into a normal exit.
  const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, '--import', `data:text/javascript,${PROFILE_EXIT}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, options.mainJs], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = once(child, 'exit');
  const origin = `http://127.0.0.1:${port}`;
  const stopSignal = options.cpuProfileDir ? 'SIGUSR2' : 'SIGTERM';
  const server: ApiServer = { origin, pid: child.pid ?? -1, stop: (graceMs) => stopChild(child, exited, stopSignal, graceMs), running: () => child.exitCode === null && child.signalCode === null, output: () => output };

  const deadline = performance.now() + options.startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The API server exited (${child.exitCode ?? child.signalCode}) before answering ${HEALTH_PATH}:\n${output}`);
    }
    try {
      const response = await fetch(`${origin}${HEALTH_PATH}`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await server.stop();
      throw new Error(`The API server did not answer ${HEALTH_PATH} within ${options.startTimeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<unknown[]>, signal: NodeJS.Signals, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** A port nothing listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('Could not find a free port');
  return address.port;
}
