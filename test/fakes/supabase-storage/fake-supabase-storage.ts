import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Where the API gateway serves Storage on a Supabase project URL. */
export const STORAGE_API_PATH = '/storage/v1';
/** `MAX_OBJECTS_PER_REQUEST` in supabase/storage src/storage/limits.ts. */
export const STORAGE_DELETE_LIMIT = 1000;

export interface FakeSupabaseStorageOptions {
  /** The one key the fake accepts, as `Authorization: Bearer` and as `apikey`. */
  serviceRoleKey: string;
  /** Private buckets that exist. */
  buckets: string[];
  /** Largest object in bytes (the project's upload limit, or the bucket's `file_size_limit`); none when unset. */
  fileSizeLimit?: number;
}

export interface StoredObject {
  id: string;
  bytes: Buffer;
  contentType: string;
  cacheControl: string;
  createdAt: Date;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path without the query string, e.g. `/storage/v1/object/reports/t/r.pdf`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Faults a test orders for the next matching requests. `status` is the gateway answering 503 or
 * Storage answering 429 (`SlowDown`); `drop` cuts the connection before Storage sees the request;
 * `stall` never answers (until `stop`); `lose-answer` lets the request do its work (an upload is
 * stored) and then cuts the connection instead of answering.
 */
export type StorageFault = { kind: 'status'; status: 429 | 503; retryAfterSeconds?: number } | { kind: 'drop' } | { kind: 'stall' } | { kind: 'lose-answer' };

interface PendingFault {
  fault: StorageFault;
  remaining: number;
  matches: (request: RecordedRequest) => boolean;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  bytes?: Buffer;
}

/**
 * Supabase Storage's object API for the calls supabase-js makes to upload, download and delete, as
 * supabase/storage (src/http/routes/object, src/internal/errors) answers them: errors as HTTP 400
 * with the meaningful status in the body's `statusCode` (500 stays 500), bodies
 * `{statusCode, code, error, message}`; an absent `authorization` header fails the route's schema,
 * a bad token is `AccessDenied`, except on `GET /object/{bucket}/...`, which lets an invalid token
 * through as `anon` and so calls a private bucket "not found".
 *
 * In front, a gateway that wants the key in `apikey` as well. Storage never reads that header and
 * the self-hosted Kong routes /storage/v1 without key-auth; the fake insists anyway, in the hosted
 * gateway's words, so a client that drops or garbles the header is caught.
 */
export class FakeSupabaseStorage {
  readonly requests: RecordedRequest[] = [];
  private readonly buckets: Map<string, Map<string, StoredObject>>;
  private readonly faults: PendingFault[] = [];
  private readonly sockets = new Set<Socket>();
  private server!: Server;

  private constructor(private readonly options: FakeSupabaseStorageOptions) {
    this.buckets = new Map(options.buckets.map((bucket) => [bucket, new Map()]));
  }

  static async start(options: FakeSupabaseStorageOptions): Promise<FakeSupabaseStorage> {
    const fake = new FakeSupabaseStorage(options);
    fake.server = createServer((request, response) => void fake.dispatch(request, response));
    fake.server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The project URL, as `createClient` takes it. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The objects in a bucket by name; a test may add or change some. */
  objects(bucket: string): Map<string, StoredObject> {
    const objects = this.buckets.get(bucket);
    if (!objects) throw new Error(`The fake has no bucket "${bucket}"`);
    return objects;
  }

  /** The next `times` requests that `matches` accepts meet `fault`. */
  inject(fault: StorageFault, options: { times?: number; matches?: (request: RecordedRequest) => boolean } = {}): void {
    this.faults.push({ fault, remaining: options.times ?? 1, matches: options.matches ?? (() => true) });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async dispatch(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const request: RecordedRequest = { method: incoming.method ?? 'GET', path: decodeURIComponent(url.pathname), headers: incoming.headers, body };
    this.requests.push(request);

    const fault = this.takeFault(request);
    if (fault?.kind === 'drop') return void response.socket?.destroy();
    if (fault?.kind === 'stall') return;
    if (fault?.kind === 'status') return send(response, faultAnswer(fault));
    const answer = this.answer(request);
    if (fault?.kind === 'lose-answer') return void response.socket?.destroy();
    send(response, answer);
  }

  private takeFault(request: RecordedRequest): StorageFault | undefined {
    const pending = this.faults.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
    if (!pending) return undefined;
    pending.remaining -= 1;
    if (pending.remaining === 0) this.faults.splice(this.faults.indexOf(pending), 1);
    return pending.fault;
  }

  private answer(request: RecordedRequest): Answer {
    const gateway = this.gatewayRefusal(request.headers);
    if (gateway) return gateway;
    if (!request.path.startsWith(`${STORAGE_API_PATH}/`)) return { status: 404, body: { message: 'no Route matched with those values' } };
    const route = request.path.slice(STORAGE_API_PATH.length);
    const download = request.method === 'GET' ? /^\/object\/(?:(?<authenticated>authenticated)\/)?(?<bucket>[^/]+)\/(?<name>.+)$/.exec(route)?.groups : undefined;
    if (download) {
      // GET /object/{bucket}/* lets a missing or invalid token through as anon (`allowInvalidJwt`); the authenticated form checks it.
      const refusal = download.authenticated ? this.tokenRefusal(request.headers) : undefined;
      if (refusal) return refusal;
      if (!this.validToken(request.headers)) return noSuchBucket();
      return this.download(download.bucket, download.name);
    }
    const upload = request.method === 'POST' ? /^\/object\/(?<bucket>[^/]+)\/(?<name>.+)$/.exec(route)?.groups : undefined;
    if (upload) return this.tokenRefusal(request.headers) ?? this.upload(upload.bucket, upload.name, request);
    const removal = request.method === 'DELETE' ? /^\/object\/(?<bucket>[^/]+)$/.exec(route)?.groups : undefined;
    if (removal) return this.tokenRefusal(request.headers) ?? this.deleteObjects(removal.bucket, request.body);
    return routeNotFound(request.method, route);
  }

  /** The key check, worded as Supabase's hosted gateway words it for its other APIs. */
  private gatewayRefusal(headers: IncomingHttpHeaders): Answer | undefined {
    if (headers.apikey === undefined) return { status: 401, body: { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' } };
    if (headers.apikey !== this.options.serviceRoleKey) return { status: 401, body: { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' } };
    return undefined;
  }

  /** Storage verifies `Authorization: Bearer <jwt>` itself: no header fails the route's schema, a bad token is AccessDenied with jose's message. */
  private tokenRefusal(headers: IncomingHttpHeaders): Answer | undefined {
    if (headers.authorization === undefined) {
      return { status: 400, body: { statusCode: '400', code: 'InvalidRequest', error: 'Error', message: "headers must have required property 'authorization'" } };
    }
    if (this.validToken(headers)) return undefined;
    const token = headers.authorization.replace(/^Bearer\s+/i, '');
    return storageError('403', 'AccessDenied', 'Unauthorized', token.split('.').length === 3 ? 'signature verification failed' : 'Invalid Compact JWS');
  }

  private validToken(headers: IncomingHttpHeaders): boolean {
    return headers.authorization?.replace(/^Bearer\s+/i, '') === this.options.serviceRoleKey;
  }

  /** `uploadFromRequest`: the bucket, then the declared size against the limit, then (without x-upsert) the name, then the store. */
  private upload(bucket: string, name: string, request: RecordedRequest): Answer {
    const objects = this.buckets.get(bucket);
    if (!objects) return noSuchBucket();
    const limit = this.options.fileSizeLimit;
    if (limit !== undefined && Number(request.headers['content-length'] ?? request.body.length) > limit) {
      return storageError('413', 'EntityTooLarge', 'Payload too large', 'The object exceeded the maximum allowed size');
    }
    const upsert = request.headers['x-upsert'] === 'true';
    const existing = objects.get(name);
    if (existing && !upsert) return storageError('409', 'KeyAlreadyExists', 'Duplicate', 'The resource already exists');
    const id = existing?.id ?? randomUUID();
    objects.set(name, {
      id,
      bytes: request.body,
      contentType: request.headers['content-type'] ?? 'application/octet-stream',
      cacheControl: request.headers['cache-control'] ?? 'no-cache',
      createdAt: existing?.createdAt ?? new Date(),
    });
    return { status: 200, body: { Id: id, Key: `${bucket}/${name}` } };
  }

  private download(bucket: string, name: string): Answer {
    const objects = this.buckets.get(bucket);
    if (!objects) return noSuchBucket();
    const object = objects.get(name);
    if (!object) return storageError('404', 'NoSuchKey', 'not_found', 'Object not found');
    return {
      status: 200,
      headers: {
        'content-type': object.contentType,
        'cache-control': object.cacheControl,
        etag: `"${createHash('md5').update(object.bytes).digest('hex')}"`,
        'last-modified': object.createdAt.toUTCString(),
      },
      bytes: object.bytes,
    };
  }

  /** Exact names (`name = ANY($2)`); absent ones are skipped, and an unknown bucket simply deletes nothing. */
  private deleteObjects(bucket: string, body: Buffer): Answer {
    let prefixes: unknown;
    try {
      prefixes = (JSON.parse(body.toString('utf8')) as { prefixes?: unknown }).prefixes;
    } catch {
      return { status: 400, body: { statusCode: '400', code: 'InvalidRequest', error: 'Bad Request', message: 'Body is not valid JSON but content-type is set to \'application/json\'' } };
    }
    if (!Array.isArray(prefixes) || prefixes.length === 0 || prefixes.some((prefix) => typeof prefix !== 'string')) {
      return { status: 400, body: { statusCode: '400', code: 'InvalidRequest', error: 'Error', message: 'body/prefixes must be a non-empty array of strings' } };
    }
    if (prefixes.length > STORAGE_DELETE_LIMIT) {
      return storageError('400', 'InvalidRequest', 'InvalidRequest', `Bulk object requests are limited to ${STORAGE_DELETE_LIMIT} objects per request.`);
    }
    const objects = this.buckets.get(bucket) ?? new Map<string, StoredObject>();
    const deleted = (prefixes as string[]).flatMap((name) => {
      const object = objects.get(name);
      if (!object) return [];
      objects.delete(name);
      return [renderObjectRow(bucket, name, object)];
    });
    return { status: 200, body: deleted };
  }
}

/** A StorageBackendError as the error handler sends it: HTTP 400 unless the error is a 500. */
function storageError(statusCode: string, code: string, error: string, message: string): Answer {
  return { status: statusCode === '500' ? 500 : 400, body: { statusCode, code, error, message } };
}

function noSuchBucket(): Answer {
  return storageError('404', 'NoSuchBucket', 'Bucket not found', 'Bucket not found');
}

function routeNotFound(method: string, route: string): Answer {
  return { status: 404, body: { statusCode: '404', error: 'Not Found', message: `Route ${method}:${route} not found`, code: 'InvalidRequest' } };
}

function faultAnswer(fault: Extract<StorageFault, { kind: 'status' }>): Answer {
  const headers = fault.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(fault.retryAfterSeconds) };
  if (fault.status === 429) {
    return { status: 429, headers, body: { statusCode: '429', error: 'too_many_connections', code: 'SlowDown', message: 'Too many connections issued to the database' } };
  }
  return { status: 503, headers, body: { message: 'failure to get a peer from the ring-balancer' } };
}

/** A row of storage.objects as `RETURNING *` gives it (the service role owns nothing: no owner). */
function renderObjectRow(bucket: string, name: string, object: StoredObject): Record<string, unknown> {
  const at = object.createdAt.toISOString();
  return {
    name,
    bucket_id: bucket,
    owner: null,
    owner_id: null,
    version: null,
    id: object.id,
    updated_at: at,
    created_at: at,
    last_accessed_at: at,
    metadata: { eTag: `"${createHash('md5').update(object.bytes).digest('hex')}"`, size: object.bytes.length, mimetype: object.contentType, cacheControl: object.cacheControl, lastModified: at, contentLength: object.bytes.length, httpStatusCode: 200 },
    user_metadata: null,
  };
}

function send(response: ServerResponse, answer: Answer): void {
  if (answer.bytes) {
    response.writeHead(answer.status, { 'content-length': String(answer.bytes.length), ...answer.headers });
    response.end(answer.bytes);
    return;
  }
  const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
  response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
