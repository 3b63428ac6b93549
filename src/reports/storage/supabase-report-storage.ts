import { AsyncLocalStorage } from 'node:async_hooks';
import type { SupabaseClient, WebSocketLikeConstructor } from '@supabase/supabase-js';

import type { ReportStorageConfig } from '../../config/config.js';
import { assertValidReportKey, ReportFileMissingError, ReportStorageError, type ReportStorage, type ReportStorageOperation } from './report-storage.js';

export type SupabaseReportStorageConfig = Omit<Extract<ReportStorageConfig, { kind: 'supabase' }>, 'kind'>;

export interface SupabaseReportStorageOptions {
  /** Tries per request, the first included, while Storage answers 429 or 5xx or does not answer. */
  maxAttempts?: number;
  /** How long one request (its body included) may take before it counts as not answered. */
  requestTimeoutMs?: number;
  /** Waits between tries; tests record them instead. */
  sleep?: (ms: number) => Promise<void>;
}

/** Storage's limit on the keys one delete request may name (`MAX_OBJECTS_PER_REQUEST` in supabase/storage). */
const SUPABASE_REMOVE_BATCH = 1000;
const DEFAULT_ATTEMPTS = 4;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const FIRST_BACKOFF_MS = 250;
/** A longer Retry-After is cut to this: a render job would rather fail and be retried by the queue. */
const MAX_RETRY_WAIT_MS = 30_000;

type StorageBucket = ReturnType<SupabaseClient['storage']['from']>;

/** Retry-After of the latest answer within one try. supabase-js keeps only the status and body of an error, so the fetch it is given notes the header here. */
const retryAfterOfTry = new AsyncLocalStorage<{ retryAfterMs?: number }>();

/**
 * Report files in a private Supabase Storage bucket, through supabase-js with the service-role key
 * (which bypasses the bucket's row-level security). A file is written once (`upsert: false`).
 *
 * Storage answers most errors with HTTP 400 and the real status in the body's `statusCode` (404
 * "Object not found", 409 "The resource already exists", 403 "AccessDenied"); supabase-js passes
 * that on as `StorageApiError.statusCode`, with the HTTP status as `status` and the body's `code`.
 */
export class SupabaseReportStorage implements ReportStorage {
  readonly kind = 'supabase';
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private connection: Promise<StorageBucket> | undefined;

  constructor(
    private readonly config: SupabaseReportStorageConfig,
    private readonly options: SupabaseReportStorageOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async put(key: string, pdf: Buffer): Promise<void> {
    assertValidReportKey(key);
    const bucket = await this.bucket();
    try {
      await this.withRetries(async () => {
        const { error } = await bucket.upload(key, pdf, { contentType: 'application/pdf', upsert: false });
        if (error) throw error;
      });
    } catch (error) {
      const taken = storageAnswer(error);
      if (!taken || !isAlreadyStored(taken)) throw failure('put', error, [key]);
      // Written once, so the key holds this very file (an earlier try stored it but its answer was
      // lost, or a job ran twice) or another one, which must not be papered over.
      const stored = await this.get(key).catch((lookup: unknown) => {
        throw lookup instanceof ReportFileMissingError ? failure('put', error, [key]) : lookup;
      });
      if (!stored.equals(pdf)) {
        throw new ReportStorageError({ store: 'supabase', operation: 'put', reason: 'a different file is already stored under this key', status: taken.statusCode, code: taken.code, cause: error });
      }
    }
  }

  async get(key: string): Promise<Buffer> {
    assertValidReportKey(key);
    const bucket = await this.bucket();
    try {
      return await this.withRetries(async () => {
        const { data, error } = await bucket.download(key);
        if (error) throw error;
        return Buffer.from(await data.arrayBuffer());
      });
    } catch (error) {
      const answer = storageAnswer(error);
      if (answer && isMissingObject(answer)) throw new ReportFileMissingError(key);
      throw failure('get', error, [key]);
    }
  }

  /** Storage deletes exact names (its `prefixes` are matched with `name = ANY(...)`) and skips absent ones. */
  async remove(keys: string[]): Promise<void> {
    keys.forEach(assertValidReportKey);
    const unique = [...new Set(keys)];
    if (unique.length === 0) return;
    const bucket = await this.bucket();
    for (let start = 0; start < unique.length; start += SUPABASE_REMOVE_BATCH) {
      const batch = unique.slice(start, start + SUPABASE_REMOVE_BATCH);
      try {
        await this.withRetries(async () => {
          const { error } = await bucket.remove(batch);
          if (error) throw error;
        });
      } catch (error) {
        throw failure('remove', error, batch);
      }
    }
  }

  /**
   * supabase-js is loaded on first use: the embedded default (a directory) never needs it, and on
   * Node 20 merely importing it prints a deprecation warning.
   */
  private bucket(): Promise<StorageBucket> {
    this.connection ??= import('@supabase/supabase-js').then(({ createClient }) =>
      createClient(this.config.url, this.config.serviceRoleKey, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
        realtime: { transport: RealtimeNotUsed as unknown as WebSocketLikeConstructor },
        global: { fetch: fetchNotingRetryAfter(this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) },
      }).storage.from(this.config.bucket),
    );
    return this.connection;
  }

  /** Repeats `attempt` while the failure is transient, waiting as Storage asks (Retry-After) or backing off. */
  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tried = 1; ; tried++) {
      const hint: { retryAfterMs?: number } = {};
      try {
        return await retryAfterOfTry.run(hint, attempt);
      } catch (error) {
        if (!isTransient(error) || tried >= this.maxAttempts) throw error;
        await this.sleep(hint.retryAfterMs ?? backoffMs(tried));
      }
    }
  }
}

/**
 * Rampart opens no Realtime channel, yet supabase-js wants a WebSocket constructor when the client is
 * made and Node 20 has none built in. It is only called to subscribe, which nothing here does. (A
 * throwing stand-in has no WebSocket members, hence the cast.)
 */
class RealtimeNotUsed {
  constructor() {
    throw new Error('Rampart does not use Supabase Realtime');
  }
}

/** The fetch supabase-js uses: with a timeout per request, and noting Retry-After for `withRetries`. */
function fetchNotingRetryAfter(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    const hint = retryAfterOfTry.getStore();
    if (hint) hint.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return response;
  };
}

/** Delta-seconds or an HTTP date; at most `MAX_RETRY_WAIT_MS`. */
function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_WAIT_MS);
}

/** 250 ms, 500 ms, 1 s, ... with equal jitter, so workers that failed together do not retry together. */
function backoffMs(tried: number): number {
  const ceiling = Math.min(FIRST_BACKOFF_MS * 2 ** (tried - 1), MAX_RETRY_WAIT_MS);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** What supabase-js's `StorageApiError` carries: Storage (or the gateway in front) answered. */
interface StorageAnswer {
  /** The HTTP status. */
  status: number;
  /** The body's `statusCode` (the HTTP status when the body has none). */
  statusCode: string;
  /** The body's `code`, e.g. `NoSuchKey`; absent from older servers. */
  code: string | undefined;
  message: string;
}

/** Read by name and fields, not `instanceof`, so a second copy of storage-js or another realm cannot hide it. */
function storageAnswer(error: unknown): StorageAnswer | undefined {
  const [name, status, statusCode, code, message] = ['name', 'status', 'statusCode', 'code', 'message'].map((key) => field(error, key));
  if (name !== 'StorageApiError' || typeof status !== 'number' || typeof message !== 'string') return undefined;
  return { status, statusCode: typeof statusCode === 'string' ? statusCode : String(status), code: typeof code === 'string' ? code : undefined, message };
}

/** Anything but an answer (a refused or cut connection, a timeout, a body cut short) is worth another try, as are 429 and 5xx. */
function isTransient(error: unknown): boolean {
  const answer = storageAnswer(error);
  if (!answer) return true;
  return [answer.status, Number(answer.statusCode)].some((status) => status === 429 || status >= 500);
}

function isMissingObject(answer: StorageAnswer): boolean {
  // Servers before error codes sent only `{statusCode: "404", error: "not_found", message: "Object not found"}`.
  return answer.code === 'NoSuchKey' || (answer.code === undefined && answer.statusCode === '404' && answer.message === 'Object not found');
}

function isAlreadyStored(answer: StorageAnswer): boolean {
  return answer.code === 'KeyAlreadyExists' || answer.code === 'ResourceAlreadyExists' || (answer.code === undefined && answer.statusCode === '409');
}

/** Storage's own words and status; the keys are cut out in case a message quotes one (as "Invalid key: ..." does). */
function failure(operation: ReportStorageOperation, error: unknown, keys: string[]): ReportStorageError {
  const redact = (text: string) => keys.reduce((redacted, key) => redacted.split(key).join('<key>'), text);
  const answer = storageAnswer(error);
  if (answer) return new ReportStorageError({ store: 'supabase', operation, reason: redact(answer.message), status: answer.statusCode, code: answer.code, cause: error });
  const { message, code } = describeTransportFailure(error);
  return new ReportStorageError({ store: 'supabase', operation, reason: `no answer from Storage: ${redact(message)}`, code, cause: error });
}

/** supabase-js wraps a failed fetch as `StorageUnknownError { originalError }`; Node's fetch puts the socket error's code in `cause`. */
function describeTransportFailure(error: unknown): { message: string; code: string | undefined } {
  const original = field(error, 'originalError') ?? error;
  const code = field(field(original, 'cause'), 'code');
  const message = field(original, 'name') === 'TimeoutError' ? 'the request timed out' : field(original, 'message');
  return { message: typeof message === 'string' ? message : String(original), code: typeof code === 'string' ? code : undefined };
}

/** Read off the value, not via `instanceof Error`, which fails for errors made in another realm (Node's own, under jest's VM). */
function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value ? (value as Record<string, unknown>)[name] : undefined;
}
