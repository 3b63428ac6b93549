import http from 'node:http';

/**
 * A closed-loop HTTP load generator: exactly `concurrency` requests in flight over keep-alive
 * connections (one per in-flight request) until `requests` have completed or `maxSeconds` passed. Each request's latency
 * is measured from sending until its body's last byte arrived. Any status but 200, a socket error
 * or a timeout is an error.
 */
export interface LoadOptions {
  /** Origin of the server, `http://127.0.0.1:PORT`. */
  origin: string;
  headers: Record<string, string>;
  concurrency: number;
  requests: number;
  /** The request paths, used in turn (the n-th request takes `paths[n % paths.length]`). */
  paths: readonly string[];
  timeoutMs: number;
  /** Stop sending new requests after this long, even if fewer than `requests` were made. */
  maxSeconds: number;
}

export interface LoadResult {
  requests: number;
  /** Whether `maxSeconds` ended the loop before `requests` were made. */
  timeCapped: boolean;
  errors: number;
  /** Up to 5 different error descriptions, with how often each happened. */
  errorSamples: { error: string; count: number }[];
  wallSeconds: number;
  throughput: number;
  latencyMs: LatencySummary;
  /** Mean response body size. */
  meanBytes: number;
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface Response {
  status: number;
  /** Empty for a 200 requested without `keepBody`. */
  body: Buffer;
  bytes: number;
  ms: number;
}

export class LoadClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly origin: string,
    private readonly headers: Record<string, string>,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, scheduling: 'fifo' });
  }

  /** One request; `keepBody` false counts the body's bytes without keeping them. */
  request(method: 'GET' | 'POST', path: string, options: { body?: unknown; keepBody?: boolean; timeoutMs?: number } = {}): Promise<Response> {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string | number> = { ...this.headers, accept: 'application/json' };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(`${this.origin}${path}`, { method, agent: this.agent, headers, timeout: options.timeoutMs ?? 60_000 }, (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (options.keepBody !== false || res.statusCode !== 200) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), bytes, ms: performance.now() - started }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 60_000} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs the closed loop. The client's agent must allow at least `concurrency` sockets. */
export async function closedLoop(client: LoadClient, options: Omit<LoadOptions, 'origin' | 'headers'>): Promise<LoadResult> {
  const latencies = new Float64Array(options.requests);
  const errorCounts = new Map<string, { count: number; path: string }>();
  let issued = 0;
  let completed = 0;
  let errors = 0;
  let bytes = 0;
  /** Counted by what went wrong, with the first path it happened on. */
  const noteError = (description: string, path: string) => {
    errors += 1;
    const seen = errorCounts.get(description);
    if (seen) seen.count += 1;
    else errorCounts.set(description, { count: 1, path });
  };
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const worker = async () => {
    while (issued < options.requests && performance.now() < deadline) {
      const index = issued++;
      const path = options.paths[index % options.paths.length]!;
      const sent = performance.now();
      try {
        const response = await client.request('GET', path, { keepBody: false, timeoutMs: options.timeoutMs });
        latencies[index] = response.ms;
        bytes += response.bytes;
        if (response.status !== 200) noteError(`${response.status} ${describeBody(response.body)}`, path);
      } catch (error) {
        latencies[index] = performance.now() - sent;
        noteError(error instanceof Error ? error.message : String(error), path);
      }
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, worker));
  const wallSeconds = (performance.now() - started) / 1000;
  const errorSamples = [...errorCounts.entries()]
    .toSorted((a, b) => b[1].count - a[1].count)
    .slice(0, 5)
    .map(([error, { count, path }]) => ({ error: `${error} (first: GET ${redactPath(path)})`, count }));
  return {
    requests: completed,
    timeCapped: completed < options.requests,
    errors,
    errorSamples,
    wallSeconds,
    throughput: completed / wallSeconds,
    latencyMs: summarize(latencies.subarray(0, issued)),
    meanBytes: Math.round(bytes / Math.max(1, completed)),
  };
}

/** Nearest-rank percentiles. */
export function summarize(values: Float64Array): LatencySummary {
  const sorted = values.toSorted();
  const at = (p: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!);
  let sum = 0;
  for (const value of sorted) sum += value;
  return { mean: sum / Math.max(1, sorted.length), p50: at(50), p95: at(95), p99: at(99), max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]! };
}

/** The message of the API's error body, or its first characters. */
export function describeBody(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 200);
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}

/** Cursors are long and say nothing in a report. */
function redactPath(path: string): string {
  return path.replace(/cursor=[^&]+/, 'cursor=…');
}
