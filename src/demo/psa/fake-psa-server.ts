import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  rawBody: string;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Faults a test orders for the next matching requests: the ways real PSAs misbehave.
 * `status` answers with that status (and a vendor error body the fake supplies); `drop` closes the
 * socket mid-response; `malformed` sends a truncated JSON body; `slow` waits before answering.
 */
export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'drop' }
  | { kind: 'malformed' }
  | { kind: 'slow'; ms: number };

interface PendingFault {
  fault: Fault;
  remaining: number;
  matches: (request: FakeRequest) => boolean;
}

export interface FakeVendor {
  /** The vendor's answer to a request the fault machinery let through. */
  handle(request: FakeRequest, server: FakePsaServer): FakeResponse | Promise<FakeResponse>;
  /** The vendor's error body for a status (ConnectWise `{code, message}`, Autotask `{errors: []}`, ...). */
  errorBody(status: number, message: string): unknown;
}

/** A vendor's API on loopback, recording every request, with faults on demand. */
export class FakePsaServer {
  readonly requests: FakeRequest[] = [];
  private readonly faults: PendingFault[] = [];
  private readonly sockets = new Set<Socket>();
  private server!: Server;

  private constructor(private readonly vendor: FakeVendor) {}

  static async start(vendor: FakeVendor): Promise<FakePsaServer> {
    const fake = new FakePsaServer(vendor);
    fake.server = createServer((request, response) => void fake.dispatch(request, response));
    fake.server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `times` requests that `matches` accepts get `fault` instead of an answer. */
  inject(fault: Fault, options: { times?: number; matches?: (request: FakeRequest) => boolean } = {}): void {
    this.faults.push({ fault, remaining: options.times ?? 1, matches: options.matches ?? (() => true) });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  requestsTo(pathPattern: RegExp): FakeRequest[] {
    return this.requests.filter((request) => pathPattern.test(request.path));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async dispatch(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(incoming);
    const url = new URL(incoming.url ?? '/', 'http://fake');
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const request: FakeRequest = { method: incoming.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, headers: incoming.headers, body, rawBody };
    this.requests.push(request);

    const pending = this.faults.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
    if (pending) {
      pending.remaining -= 1;
      if (pending.remaining === 0) this.faults.splice(this.faults.indexOf(pending), 1);
      const fault = pending.fault;
      if (fault.kind === 'drop') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
        response.write('[{"id": 1, "name": "Half a pa');
        setTimeout(() => response.socket?.destroy(), 5);
        return;
      }
      if (fault.kind === 'malformed') {
        return send(response, { status: 200, headers: { 'content-type': 'application/json' } }, '{"this is": not json');
      }
      if (fault.kind === 'status') {
        const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        return send(response, { status: fault.status, headers, body: this.vendor.errorBody(fault.status, `Injected ${fault.status}`) });
      }
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
    }
    const answer = await this.vendor.handle(request, this);
    send(response, answer);
  }
}

function send(response: ServerResponse, answer: FakeResponse, rawText?: string): void {
  const text = rawText ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
  response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
