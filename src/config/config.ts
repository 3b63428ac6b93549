import path from 'node:path';
import { ExpectedError } from '../common/errors/fatal-error.js';

/** Everything Rampart reads from the environment, parsed once and validated at boot. */
export interface RampartConfig {
  /** Real PostgreSQL when set; embedded PGlite in `dataDir` when not. */
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  migrateOnStart: boolean;
  /** Ensure the demo tenant exists on start and print a fresh key for it. */
  demo: boolean;
  host: string;
  port: number;
  publicUrl: string;
  logLevel: string;
  bodyLimit: string;
  /** Express `trust proxy`: which proxies may set X-Forwarded-For (client address for audit and lockout). */
  trustProxy: string | undefined;
  auth: {
    /** Failed authentication attempts allowed per source address within the window. */
    failureLimit: number;
    failureWindowSeconds: number;
    /** A browser session ends after this long without a request (and after 12 hours regardless). */
    sessionIdleMinutes: number;
  };
  entra: EntraConfig;
  /**
   * `keyId:base64key` pairs (32-byte keys) for PSA credentials at rest; the first encrypts, all
   * decrypt, so a key can be rotated in. Unset on the embedded default: a key file in `dataDir`.
   */
  encryptionKeys: EncryptionKey[] | undefined;
  /** What this process runs: `all` (API, scheduler and worker), `api` or `worker` (scheduler and worker). */
  role: ProcessRole;
  jobs: JobsConfig;
  dns: {
    /** Name servers for DNS controls (`host` or `host:port`); empty: the system's resolvers. */
    servers: string[];
    timeoutMs: number;
  };
  webhooks: {
    /** Allow `http://` and URLs on loopback, private and link-local addresses (development and tests only). */
    allowPrivateNetworks: boolean;
  };
  reports: ReportsConfig;
}

/** Where generated PDFs are kept: a local directory (the embedded default) or a Supabase Storage bucket. */
export type ReportStorageConfig = { kind: 'local'; directory: string } | { kind: 'supabase'; url: string; serviceRoleKey: string; bucket: string };

export interface ReportsConfig {
  storage: ReportStorageConfig;
  /** Reports one worker process renders at a time in a bulk request. */
  concurrency: number;
}

export const PROCESS_ROLES = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export interface JobsConfig {
  /** Client evaluations one worker process runs at a time. */
  concurrency: number;
  /** How often an idle worker asks for jobs. */
  pollSeconds: number;
  /** A job whose worker sent no heartbeat for this long is handed to another worker. */
  heartbeatSeconds: number;
  /** On SIGTERM, how long jobs in hand may take to finish before they are released for retry. */
  shutdownTimeoutSeconds: number;
  /** How often the scheduler looks for tenants whose evaluation is due. */
  schedulerTickSeconds: number;
  /** Base delay before a failed webhook delivery is retried; doubles (with jitter) on each retry. */
  webhookRetryDelaySeconds: number;
  /** Attempts per webhook delivery, the first included, before it is marked failed. */
  webhookAttempts: number;
}

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface EntraConfig {
  /** Accepted `aud` values (the Rampart app registration's client id and/or App ID URI); empty disables Entra sign-in. */
  audiences: string[];
  /** Authority host; `https://login.microsoftonline.com` for the public cloud, a local server in tests. */
  authority: string;
  /** The web app registration people sign in through (authorization code with PKCE); null: no Entra sign-in button. */
  webSignIn: { clientId: string; clientSecret: string } | null;
}

/** Every variable Rampart reads; the README documents each and docker-compose.yml sets only these. */
export const ENV_VARS = [
  'DATABASE_URL',
  'RAMPART_DATA_DIR',
  'RAMPART_DB_POOL_SIZE',
  'RAMPART_MIGRATE_ON_START',
  'RAMPART_DEMO',
  'HOST',
  'PORT',
  'RAMPART_PUBLIC_URL',
  'LOG_LEVEL',
  'RAMPART_BODY_LIMIT',
  'RAMPART_TRUST_PROXY',
  'RAMPART_AUTH_FAILURE_LIMIT',
  'RAMPART_AUTH_FAILURE_WINDOW_SECONDS',
  'ENTRA_AUDIENCE',
  'ENTRA_AUTHORITY',
  'ENTRA_CLIENT_ID',
  'ENTRA_CLIENT_SECRET',
  'RAMPART_SESSION_IDLE_MINUTES',
  'RAMPART_ENCRYPTION_KEYS',
  'RAMPART_ROLE',
  'RAMPART_WORKER_CONCURRENCY',
  'RAMPART_JOB_POLL_SECONDS',
  'RAMPART_JOB_HEARTBEAT_SECONDS',
  'RAMPART_SHUTDOWN_TIMEOUT_SECONDS',
  'RAMPART_SCHEDULER_TICK_SECONDS',
  'RAMPART_DNS_SERVERS',
  'RAMPART_DNS_TIMEOUT_MS',
  'RAMPART_WEBHOOKS_ALLOW_PRIVATE_NETWORKS',
  'RAMPART_WEBHOOK_RETRY_DELAY_SECONDS',
  'RAMPART_WEBHOOK_MAX_ATTEMPTS',
  'RAMPART_REPORTS_DIR',
  'RAMPART_REPORT_CONCURRENCY',
  'SUPABASE_URL',
  'SUPABASE_SERVICE_ROLE_KEY',
  'RAMPART_REPORTS_BUCKET',
] as const;
type EnvVar = (typeof ENV_VARS)[number];

export class ConfigError extends ExpectedError {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): RampartConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const databaseUrl = read.string('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const host = read.string('HOST') ?? '127.0.0.1';
  const port = read.integer('PORT', 3000, 0, 65535);
  const dataDir = path.resolve(read.string('RAMPART_DATA_DIR') ?? './data');
  const config: RampartConfig = {
    databaseUrl,
    dataDir,
    dbPoolSize: read.integer('RAMPART_DB_POOL_SIZE', 10, 1, 500),
    migrateOnStart: read.boolean('RAMPART_MIGRATE_ON_START', true),
    demo: read.boolean('RAMPART_DEMO', databaseUrl === undefined),
    host,
    port,
    publicUrl: read.string('RAMPART_PUBLIC_URL') ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    bodyLimit: read.string('RAMPART_BODY_LIMIT') ?? '1mb',
    trustProxy: read.string('RAMPART_TRUST_PROXY'),
    auth: {
      failureLimit: read.integer('RAMPART_AUTH_FAILURE_LIMIT', 20, 1, 100000),
      failureWindowSeconds: read.integer('RAMPART_AUTH_FAILURE_WINDOW_SECONDS', 60, 1, 86400),
      sessionIdleMinutes: read.integer('RAMPART_SESSION_IDLE_MINUTES', 120, 5, 720),
    },
    entra: {
      audiences: (read.string('ENTRA_AUDIENCE') ?? '')
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean),
      authority: (read.string('ENTRA_AUTHORITY') ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
      webSignIn: webSignIn(read, problems),
    },
    encryptionKeys: parseEncryptionKeys(read.string('RAMPART_ENCRYPTION_KEYS'), problems),
    role: read.oneOf('RAMPART_ROLE', PROCESS_ROLES, 'all'),
    jobs: {
      concurrency: read.integer('RAMPART_WORKER_CONCURRENCY', 4, 1, 64),
      pollSeconds: read.number('RAMPART_JOB_POLL_SECONDS', 2, 0.5, 60),
      heartbeatSeconds: read.integer('RAMPART_JOB_HEARTBEAT_SECONDS', 60, 10, 3600),
      shutdownTimeoutSeconds: read.integer('RAMPART_SHUTDOWN_TIMEOUT_SECONDS', 30, 1, 3600),
      schedulerTickSeconds: read.number('RAMPART_SCHEDULER_TICK_SECONDS', 30, 0.1, 3600),
      webhookRetryDelaySeconds: read.integer('RAMPART_WEBHOOK_RETRY_DELAY_SECONDS', 60, 1, 3600),
      webhookAttempts: read.integer('RAMPART_WEBHOOK_MAX_ATTEMPTS', 12, 1, 20),
    },
    dns: {
      servers: parseDnsServers(read.string('RAMPART_DNS_SERVERS'), problems),
      timeoutMs: read.integer('RAMPART_DNS_TIMEOUT_MS', 3000, 100, 60000),
    },
    webhooks: {
      allowPrivateNetworks: read.boolean('RAMPART_WEBHOOKS_ALLOW_PRIVATE_NETWORKS', false),
    },
    reports: {
      storage: reportStorage(read, dataDir, problems),
      concurrency: read.integer('RAMPART_REPORT_CONCURRENCY', 2, 1, 16),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Supabase Storage when SUPABASE_URL is set (it then needs the service-role key), else a directory. */
function webSignIn(read: EnvReader, problems: string[]): EntraConfig['webSignIn'] {
  const clientId = read.string('ENTRA_CLIENT_ID');
  const clientSecret = read.string('ENTRA_CLIENT_SECRET');
  if (clientId === undefined && clientSecret === undefined) return null;
  if (clientId === undefined || clientSecret === undefined) {
    problems.push('Set both ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET for browser sign-in with Microsoft, or neither');
    return null;
  }
  return { clientId, clientSecret };
}

function reportStorage(read: EnvReader, dataDir: string, problems: string[]): ReportStorageConfig {
  const url = read.string('SUPABASE_URL');
  const serviceRoleKey = read.string('SUPABASE_SERVICE_ROLE_KEY');
  const bucket = read.string('RAMPART_REPORTS_BUCKET') ?? 'reports';
  const directory = read.string('RAMPART_REPORTS_DIR');
  if (url === undefined) {
    if (serviceRoleKey !== undefined) problems.push('SUPABASE_SERVICE_ROLE_KEY is set but SUPABASE_URL is not: set both to keep reports in Supabase Storage');
    return { kind: 'local', directory: path.resolve(directory ?? path.join(dataDir, 'reports')) };
  }
  if (!/^https?:\/\//.test(url)) problems.push('SUPABASE_URL must start with https:// (or http:// for a local Supabase)');
  if (serviceRoleKey === undefined) problems.push('SUPABASE_SERVICE_ROLE_KEY must be set when SUPABASE_URL is: reports are stored with the service role');
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(bucket)) problems.push(`RAMPART_REPORTS_BUCKET must be a bucket name (lower-case letters, digits, ".", "_", "-"), got "${bucket}"`);
  if (directory !== undefined) problems.push('RAMPART_REPORTS_DIR and SUPABASE_URL are both set: reports go to one store; unset one');
  return { kind: 'supabase', url: url.replace(/\/+$/, ''), serviceRoleKey: serviceRoleKey ?? '', bucket };
}

function parseEncryptionKeys(value: string | undefined, problems: string[]): EncryptionKey[] | undefined {
  if (value === undefined) return undefined;
  const keys = value.split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => {
    const [id, encoded] = pair.split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]{1,40}$/.test(id) || key.length !== 32) {
      problems.push('RAMPART_ENCRYPTION_KEYS must be keyId:base64 pairs of 32-byte keys, e.g. "k1:$(openssl rand -base64 32)"');
    }
    return { id: id ?? '', key };
  });
  if (new Set(keys.map((key) => key.id)).size !== keys.length) problems.push('RAMPART_ENCRYPTION_KEYS has a key id twice');
  return keys;
}

function parseDnsServers(value: string | undefined, problems: string[]): string[] {
  const servers = (value ?? '').split(',').map((server) => server.trim()).filter(Boolean);
  if (servers.some((server) => !/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])(:\d{1,5})?$/i.test(server))) {
    problems.push('RAMPART_DNS_SERVERS must be comma-separated IP addresses with an optional port, e.g. "1.1.1.1,127.0.0.1:5353"');
  }
  return servers;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  string(name: EnvVar): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  integer(name: EnvVar, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  number(name: EnvVar, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      this.problems.push(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  boolean(name: EnvVar, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  }

  oneOf<T extends string>(name: EnvVar, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  }
}

/** Injection token for the loaded configuration. */
export const RAMPART_CONFIG = Symbol('RAMPART_CONFIG');
