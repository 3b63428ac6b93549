import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import { PsaAuthError, PsaError, PsaRateLimitError, PsaRequestError, PsaUnavailableError } from '../errors.js';
import type { RequestLimiter } from './request-limiter.js';

export interface PsaRequest {
  method?: Method;
  /** Relative to the base URL, or absolute (Link headers and Autotask's nextPageUrl are absolute). */
  url: string;
  params?: Record<string, string | number | boolean | undefined>;
  /** JSON-encoded, except URLSearchParams, which is sent as a form (OAuth token endpoints accept only that). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface PsaResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | undefined>;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out; the sync fails and resumes next run. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

export interface PsaHttpOptions {
  /** Vendor name for messages ("ConnectWise"). */
  vendor: string;
  baseUrl: string;
  headers?: Record<string, string>;
  /** Per attempt, so a refreshed token is picked up (HaloPSA). */
  authorize?: () => Promise<Record<string, string>>;
  /** The vendor's error text from its error body, or undefined to fall back to the status line. */
  describeError: (status: number, body: unknown) => string | undefined;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  limiter?: RequestLimiter;
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry, for logs and sync progress. */
  onRetry?: (event: { attempt: number; delayMs: number; reason: string }) => void;
}

const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ERR_BAD_RESPONSE', 'ERR_NETWORK']);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one HTTP policy all connectors share: 429 waits out Retry-After, 5xx, timeouts, dropped
 * connections and unreadable JSON back off exponentially with jitter, 401/403 stop at once, any
 * other 4xx fails with the vendor's own error text.
 */
export class PsaHttpClient {
  private readonly http: AxiosInstance;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Requests sent, retries included: what a bench or a test counts. */
  requestCount = 0;

  constructor(private readonly options: PsaHttpOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? realSleep;
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/*$/, '/'),
      timeout: options.timeoutMs ?? 30_000,
      headers: { Accept: 'application/json', ...options.headers },
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
    });
  }

  async request<T>(request: PsaRequest): Promise<PsaResponse<T>> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt<T>(request);
      if ('response' in outcome) return outcome.response;
      const { error, retryAfterMs } = outcome;
      if (!(error instanceof PsaRateLimitError || error instanceof PsaUnavailableError) || attempt >= this.retry.maxAttempts) throw error;
      const delayMs = retryAfterMs ?? this.backoff(attempt);
      if (delayMs > this.retry.maxRetryAfterMs) throw error;
      this.options.onRetry?.({ attempt, delayMs, reason: error.message });
      await this.sleep(delayMs);
    }
  }

  private async attempt<T>(request: PsaRequest): Promise<{ response: PsaResponse<T> } | { error: PsaError; retryAfterMs?: number }> {
    const send = async () => {
      this.requestCount += 1;
      const auth = this.options.authorize ? await this.options.authorize() : {};
      const isForm = request.body instanceof URLSearchParams;
      return this.http.request<string>({
        method: request.method ?? 'GET',
        url: request.url.replace(/^\//, ''),
        params: request.params,
        data: request.body === undefined ? undefined : isForm ? String(request.body) : JSON.stringify(request.body),
        headers: {
          ...(request.body === undefined ? {} : { 'Content-Type': isForm ? 'application/x-www-form-urlencoded' : 'application/json' }),
          ...auth,
          ...request.headers,
        },
      });
    };
    let response: AxiosResponse<string>;
    try {
      response = await (this.options.limiter ? this.options.limiter.run(send) : send());
    } catch (error) {
      if (error instanceof PsaError) return { error };
      const code = (error as { code?: string }).code ?? '';
      const message = `${this.options.vendor} did not answer: ${(error as Error).message}`;
      return RETRYABLE_NETWORK_CODES.has(code) || /socket hang up|aborted/i.test((error as Error).message)
        ? { error: new PsaUnavailableError(message) }
        : { error: new PsaError(message) };
    }
    return this.interpret<T>(response);
  }

  private interpret<T>(response: AxiosResponse<string>): { response: PsaResponse<T> } | { error: PsaError; retryAfterMs?: number } {
    const { status } = response;
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value === undefined || value === null ? undefined : String(value)]));
    const body = parseJson(response.data);
    const vendorText = () => this.options.describeError(status, body.ok ? body.value : response.data) ?? `HTTP ${status}`;

    if (status === 429) {
      return { error: new PsaRateLimitError(`${this.options.vendor} rate limit: ${vendorText()}`, status), retryAfterMs: parseRetryAfter(headers['retry-after']) };
    }
    if (status === 401 || status === 403) {
      return { error: new PsaAuthError(`${this.options.vendor} refused the credentials (${status}): ${vendorText()}`, status) };
    }
    if (status >= 500) return { error: new PsaUnavailableError(`${this.options.vendor} server error (${status}): ${vendorText()}`, status) };
    if (status >= 300) return { error: new PsaRequestError(`${this.options.vendor} rejected the request (${status}): ${vendorText()}`, status) };
    if (!body.ok) return { error: new PsaUnavailableError(`${this.options.vendor} sent a response that is not valid JSON (${body.reason})`, status) };
    return { response: { status, data: body.value as T, headers } };
  }

  /** Exponential with full jitter: 0.5–1× of base·2^(attempt-1), capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text === '' || text === undefined) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** Retry-After is delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
