import { randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';

import { createReportStorage } from '../../src/reports/storage/create-report-storage.js';
import { LocalReportStorage } from '../../src/reports/storage/local-report-storage.js';
import { InvalidReportKeyError, ReportFileMissingError, reportKey, ReportStorageError, type ReportStorage } from '../../src/reports/storage/report-storage.js';
import { SupabaseReportStorage, type SupabaseReportStorageOptions } from '../../src/reports/storage/supabase-report-storage.js';
import { FakeSupabaseStorage, STORAGE_API_PATH, type RecordedRequest } from '../fakes/supabase-storage/fake-supabase-storage.js';
import { recordingSleep } from '../support/connector-helpers.js';

const SERVICE_ROLE_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.fake-service-role-signature';
const BUCKET = 'reports';
const TENANT = randomUUID();

const newKey = () => reportKey(TENANT, randomUUID());
/** Every byte value, bytes that are not UTF-8, and some bulk: what a text round trip would mangle. */
const pdfBytes = (size = 64 * 1024) => Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x00]), randomBytes(size)]);
const UNSAFE_KEYS = ['', '../escape.pdf', `${TENANT}/../../escape.pdf`, '/etc/passwd', 'tenant\\..\\escape.pdf', `${TENANT}//x.pdf`, `${TENANT}/./x.pdf`, `${TENANT}/`, 'nul\0.pdf'];

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected a rejection');
}

interface Harness {
  start(): Promise<ReportStorage>;
  stop(): Promise<void>;
}

function localHarness(): Harness {
  let directory = '';
  return {
    start: async () => {
      directory = await fs.mkdtemp(path.join(tmpdir(), 'rampart-reports-'));
      return createReportStorage({ kind: 'local', directory: path.join(directory, 'reports') });
    },
    stop: () => fs.rm(directory, { recursive: true, force: true }),
  };
}

function supabaseHarness(): Harness {
  let fake: FakeSupabaseStorage | undefined;
  return {
    start: async () => {
      fake = await FakeSupabaseStorage.start({ serviceRoleKey: SERVICE_ROLE_KEY, buckets: [BUCKET] });
      return createReportStorage({ kind: 'supabase', url: fake.url, serviceRoleKey: SERVICE_ROLE_KEY, bucket: BUCKET });
    },
    stop: async () => fake?.stop(),
  };
}

describe.each([
  { kind: 'local', harness: localHarness() },
  { kind: 'supabase', harness: supabaseHarness() },
])('$kind report storage', ({ kind, harness }) => {
  let storage: ReportStorage;
  beforeAll(async () => {
    storage = await harness.start();
  });
  afterAll(() => harness.stop());

  it('is the store the config asked for', () => {
    expect(storage.kind).toBe(kind);
  });

  it('gives back exactly the bytes it was given', async () => {
    const key = newKey();
    const pdf = pdfBytes(512 * 1024);
    await storage.put(key, pdf);
    const stored = await storage.get(key);
    expect(stored.length).toBe(pdf.length);
    expect(stored.equals(pdf)).toBe(true);
  });

  it('keeps a file written once: the same bytes again succeed, other bytes are refused', async () => {
    const key = newKey();
    const pdf = pdfBytes();
    await storage.put(key, pdf);
    await storage.put(key, Buffer.from(pdf));

    const refusal = await caught(storage.put(key, pdfBytes()));
    expect(refusal).toBeInstanceOf(ReportStorageError);
    expect(refusal.message).toContain('a different file is already stored under this key');
    expect(refusal.message).not.toContain(key);
    expect((await storage.get(key)).equals(pdf)).toBe(true);
  });

  it('reports a key with nothing stored under it as missing', async () => {
    const key = newKey();
    const missing = await caught(storage.get(key));
    expect(missing).toBeInstanceOf(ReportFileMissingError);
    expect((missing as ReportFileMissingError).key).toBe(key);
  });

  it('removes files, and removing what is not there is no error', async () => {
    const [kept, removed, neverStored] = [newKey(), newKey(), newKey()];
    await storage.put(kept, pdfBytes());
    await storage.put(removed, pdfBytes());

    await storage.remove([removed, neverStored, removed]);
    await expect(storage.get(removed)).rejects.toBeInstanceOf(ReportFileMissingError);
    await expect(storage.get(kept)).resolves.toBeInstanceOf(Buffer);
    await storage.remove([removed]);
    await storage.remove([]);
  });

  it('refuses keys that are not plain relative paths, before touching anything', async () => {
    for (const key of UNSAFE_KEYS) {
      await expect(storage.put(key, pdfBytes(16))).rejects.toBeInstanceOf(InvalidReportKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidReportKeyError);
      await expect(storage.remove([newKey(), key])).rejects.toBeInstanceOf(InvalidReportKeyError);
    }
  });
});

describe('reportKey', () => {
  it('puts a report under its tenant', () => {
    const reportId = randomUUID();
    expect(reportKey(TENANT, reportId)).toBe(`${TENANT}/${reportId}.pdf`);
  });

  it.each([
    ['a tenant id that is no UUID', '../other-tenant', randomUUID()],
    ['a report id that is no UUID', TENANT, 'x/../../y'],
    ['an upper-case UUID, which would name a second file for the same report', TENANT.toUpperCase(), randomUUID()],
    ['an empty id', TENANT, ''],
  ])('refuses %s', (_, tenantId, reportId) => {
    expect(() => reportKey(tenantId, reportId)).toThrow(InvalidReportKeyError);
  });
});

describe('local report storage', () => {
  let directory: string;
  let root: string;
  let storage: LocalReportStorage;
  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(tmpdir(), 'rampart-local-reports-'));
    root = path.join(directory, 'reports');
    storage = new LocalReportStorage(root);
  });
  afterAll(() => fs.rm(directory, { recursive: true, force: true }));

  async function filesUnder(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
  }

  it('creates its directories 0700 and files 0600, named by the key', async () => {
    const key = newKey();
    await storage.put(key, pdfBytes());
    const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;
    expect(await modeOf(root)).toBe(0o700);
    expect(await modeOf(path.join(root, TENANT))).toBe(0o700);
    expect(await modeOf(path.join(root, ...key.split('/')))).toBe(0o600);
  });

  it('leaves no temporary files, and a reader never sees a file half written', async () => {
    const key = newKey();
    const pdf = pdfBytes(8 * 1024 * 1024);
    const progress = { writing: true };
    type Read = 'missing' | 'whole' | 'partial';
    const reads: Read[] = [];
    const written = storage.put(key, pdf).finally(() => (progress.writing = false));
    while (progress.writing) {
      const read = await storage.get(key).then(
        (bytes): Read => (bytes.equals(pdf) ? 'whole' : 'partial'),
        (error: unknown): Read => {
          if (error instanceof ReportFileMissingError) return 'missing';
          throw error;
        },
      );
      reads.push(read);
    }
    await written;
    expect(reads).not.toContain('partial');
    expect(reads.length).toBeGreaterThan(0);
    expect((await filesUnder(root)).filter((file) => !file.endsWith('.pdf'))).toEqual([]);
  });

  it('writes nothing outside its directory whatever the key', async () => {
    for (const key of UNSAFE_KEYS) await storage.put(key, pdfBytes(16)).catch(() => undefined);
    expect((await fs.readdir(directory)).toSorted()).toEqual(['reports']);
    expect((await filesUnder(root)).every((file) => file.startsWith(`${TENANT}${path.sep}`) && file.endsWith('.pdf'))).toBe(true);
  });

  it('names the store and the errno when the file system fails, not the key', async () => {
    const blocked = path.join(directory, 'not-a-directory');
    await fs.writeFile(blocked, 'a file where the report directory should be');
    const key = newKey();

    const failure = await caught(new LocalReportStorage(blocked).put(key, pdfBytes()));
    expect(failure).toBeInstanceOf(ReportStorageError);
    expect(failure.message).toMatch(/^Local report storage could not store a report file: not a directory in .+ \(status ENOTDIR\)$/);
    expect(failure.message).not.toContain(key);
    expect(failure.message).not.toContain(TENANT);
  });
});

describe('Supabase report storage against the Storage API', () => {
  let fake: FakeSupabaseStorage;
  beforeAll(async () => {
    fake = await FakeSupabaseStorage.start({ serviceRoleKey: SERVICE_ROLE_KEY, buckets: [BUCKET, 'small'], fileSizeLimit: 256 * 1024 });
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.requests.length = 0;
    fake.clearFaults();
  });

  function connect(options: SupabaseReportStorageOptions & { serviceRoleKey?: string; bucket?: string; url?: string } = {}) {
    const { sleeps, sleep } = recordingSleep();
    const storage = new SupabaseReportStorage({ url: options.url ?? fake.url, serviceRoleKey: options.serviceRoleKey ?? SERVICE_ROLE_KEY, bucket: options.bucket ?? BUCKET }, { sleep, ...options });
    return { storage, sleeps };
  }
  const objectPath = (key: string) => `${STORAGE_API_PATH}/object/${BUCKET}/${key}`;
  const describeRequest = (request: RecordedRequest) => `${request.method} ${request.path}`;

  it('uploads with the service-role key, as a PDF, never overwriting', async () => {
    const { storage } = connect();
    const key = newKey();
    const pdf = pdfBytes();
    await storage.put(key, pdf);

    expect(fake.requests.map(describeRequest)).toEqual([`POST ${objectPath(key)}`]);
    const [upload] = fake.requests;
    expect(upload!.headers).toMatchObject({
      authorization: `Bearer ${SERVICE_ROLE_KEY}`,
      apikey: SERVICE_ROLE_KEY,
      'content-type': 'application/pdf',
      'x-upsert': 'false',
      'cache-control': 'max-age=3600',
    });
    expect(upload!.body.equals(pdf)).toBe(true);
    const stored = fake.objects(BUCKET).get(key);
    expect(stored?.contentType).toBe('application/pdf');
    expect(stored?.bytes.equals(pdf)).toBe(true);
  });

  it('downloads through GET /object/{bucket}/{key}', async () => {
    const { storage } = connect();
    const key = newKey();
    const pdf = pdfBytes();
    fake.objects(BUCKET).set(key, { id: randomUUID(), bytes: pdf, contentType: 'application/pdf', cacheControl: 'no-cache', createdAt: new Date() });

    expect((await storage.get(key)).equals(pdf)).toBe(true);
    expect(fake.requests.map(describeRequest)).toEqual([`GET ${objectPath(key)}`]);
  });

  it('refuses a wrong key, naming the status and neither the key nor the report', async () => {
    const wrongKey = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.wrong-signature';
    const { storage, sleeps } = connect({ serviceRoleKey: wrongKey });
    const key = newKey();

    for (const attempt of [storage.put(key, pdfBytes()), storage.get(key), storage.remove([key])]) {
      const failure = await caught(attempt);
      expect(failure).toBeInstanceOf(ReportStorageError);
      expect(failure.message).toMatch(/^Supabase Storage could not (store|read|remove) a report file: Invalid API key \(status 401\)$/);
      expect(failure.message).not.toContain(wrongKey);
    }
    expect(sleeps).toEqual([]);
    expect(fake.objects(BUCKET).has(key)).toBe(false);
  });

  it('says the bucket is missing rather than that the file is', async () => {
    const { storage } = connect({ bucket: 'no-such-bucket' });
    const key = newKey();

    const upload = await caught(storage.put(key, pdfBytes()));
    expect(upload).toBeInstanceOf(ReportStorageError);
    expect(upload.message).toBe('Supabase Storage could not store a report file: Bucket not found (status 404, code NoSuchBucket)');
    const download = await caught(storage.get(key));
    expect(download).toBeInstanceOf(ReportStorageError);
    expect(download.message).toBe('Supabase Storage could not read a report file: Bucket not found (status 404, code NoSuchBucket)');
  });

  it("refuses a file over the bucket's size limit without retrying", async () => {
    const { storage, sleeps } = connect({ bucket: 'small' });
    const failure = await caught(storage.put(newKey(), pdfBytes(300 * 1024)));
    expect(failure).toBeInstanceOf(ReportStorageError);
    expect(failure.message).toBe('Supabase Storage could not store a report file: The object exceeded the maximum allowed size (status 413, code EntityTooLarge)');
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a 503 from the gateway with a short backoff', async () => {
    const { storage, sleeps } = connect();
    const key = newKey();
    fake.inject({ kind: 'status', status: 503 }, { times: 2 });

    await storage.put(key, pdfBytes());
    expect(fake.requests.map(describeRequest)).toEqual(Array(3).fill(`POST ${objectPath(key)}`));
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(125);
    expect(sleeps[0]).toBeLessThanOrEqual(250);
    expect(sleeps[1]).toBeGreaterThanOrEqual(250);
    expect(sleeps[1]).toBeLessThanOrEqual(500);
    expect(fake.objects(BUCKET).has(key)).toBe(true);
  });

  it('waits as long as a 429 Retry-After says', async () => {
    const { storage, sleeps } = connect();
    const key = newKey();
    await storage.put(key, pdfBytes());
    fake.inject({ kind: 'status', status: 429, retryAfterSeconds: 7 });

    await storage.get(key);
    expect(sleeps).toEqual([7000]);
  });

  it('gives up after a bounded number of tries, naming the last status', async () => {
    const { storage, sleeps } = connect({ maxAttempts: 3 });
    fake.inject({ kind: 'status', status: 503 }, { times: 5 });

    const failure = await caught(storage.get(newKey()));
    expect(failure).toBeInstanceOf(ReportStorageError);
    expect(failure.message).toBe('Supabase Storage could not read a report file: failure to get a peer from the ring-balancer (status 503)');
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('retries a download whose connection was cut', async () => {
    const { storage, sleeps } = connect();
    const key = newKey();
    const pdf = pdfBytes();
    await storage.put(key, pdf);
    fake.requests.length = 0;
    fake.inject({ kind: 'drop' });

    expect((await storage.get(key)).equals(pdf)).toBe(true);
    expect(fake.requests.map(describeRequest)).toEqual([`GET ${objectPath(key)}`, `GET ${objectPath(key)}`]);
    expect(sleeps).toHaveLength(1);
  });

  it('accepts its own upload when the answer was lost: the retry finds the same bytes already stored', async () => {
    const { storage } = connect();
    const key = newKey();
    const pdf = pdfBytes();
    fake.inject({ kind: 'lose-answer' }, { matches: (request) => request.method === 'POST' });

    await storage.put(key, pdf);
    expect(fake.requests.map(describeRequest)).toEqual([`POST ${objectPath(key)}`, `POST ${objectPath(key)}`, `GET ${objectPath(key)}`]);
    expect(fake.objects(BUCKET).get(key)?.bytes.equals(pdf)).toBe(true);
  });

  it('refuses different bytes under a key that is taken, leaving the stored file alone', async () => {
    const { storage } = connect();
    const key = newKey();
    const pdf = pdfBytes();
    await storage.put(key, pdf);

    const failure = await caught(storage.put(key, pdfBytes()));
    expect(failure).toBeInstanceOf(ReportStorageError);
    expect(failure.message).toBe('Supabase Storage could not store a report file: a different file is already stored under this key (status 409, code KeyAlreadyExists)');
    expect(fake.objects(BUCKET).get(key)?.bytes.equals(pdf)).toBe(true);
  });

  it('removes in batches of 1,000, the most one Storage request may name', async () => {
    const { storage } = connect();
    const objects = fake.objects(BUCKET);
    const keys = Array.from({ length: 2500 }, newKey);
    for (const key of keys.slice(0, 2400)) objects.set(key, { id: randomUUID(), bytes: Buffer.from('%PDF'), contentType: 'application/pdf', cacheControl: 'no-cache', createdAt: new Date() });

    await storage.remove(keys);
    const deletes = fake.requests.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => request.path)).toEqual(Array(3).fill(`${STORAGE_API_PATH}/object/${BUCKET}`));
    const batches = deletes.map((request) => (JSON.parse(request.body.toString('utf8')) as { prefixes: string[] }).prefixes);
    expect(batches.map((batch) => batch.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(keys);
    expect(keys.filter((key) => objects.has(key))).toEqual([]);
  });

  it('gives a request that gets no answer a time limit, and retries it', async () => {
    const { storage, sleeps } = connect({ requestTimeoutMs: 100, maxAttempts: 2 });
    fake.inject({ kind: 'stall' }, { times: 2 });

    const failure = await caught(storage.get(newKey()));
    expect(failure).toBeInstanceOf(ReportStorageError);
    expect(failure.message).toBe('Supabase Storage could not read a report file: no answer from Storage: the request timed out');
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('names the network failure when Storage cannot be reached', async () => {
    const closed = await FakeSupabaseStorage.start({ serviceRoleKey: SERVICE_ROLE_KEY, buckets: [BUCKET] });
    const url = closed.url;
    await closed.stop();
    const { storage, sleeps } = connect({ url, maxAttempts: 2 });

    const failure = await caught(storage.get(newKey()));
    expect(failure).toBeInstanceOf(ReportStorageError);
    expect(failure.message).toBe('Supabase Storage could not read a report file: no answer from Storage: fetch failed (code ECONNREFUSED)');
    expect(sleeps).toHaveLength(1);
  });
});

describe('the fake Storage server', () => {
  let fake: FakeSupabaseStorage;
  beforeAll(async () => {
    fake = await FakeSupabaseStorage.start({ serviceRoleKey: SERVICE_ROLE_KEY, buckets: [BUCKET] });
  });
  afterAll(() => fake.stop());

  const call = async (method: string, route: string, headers: Record<string, string>, body?: string) => {
    const response = await fetch(`${fake.url}${STORAGE_API_PATH}${route}`, { method, headers, body });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const bothKeys = { apikey: SERVICE_ROLE_KEY, authorization: `Bearer ${SERVICE_ROLE_KEY}` };

  it('wants the key in apikey, as the gateway does', async () => {
    expect(await call('GET', `/object/${BUCKET}/a.pdf`, { authorization: `Bearer ${SERVICE_ROLE_KEY}` })).toEqual({
      status: 401,
      body: { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' },
    });
  });

  it('answers a bad or absent token as Storage does: AccessDenied, a schema error, or (on the open GET route) no such bucket', async () => {
    const wrongToken = { apikey: SERVICE_ROLE_KEY, authorization: 'Bearer not-a-jwt' };
    expect(await call('POST', `/object/${BUCKET}/a.pdf`, { ...wrongToken, 'content-type': 'application/pdf' }, '%PDF')).toEqual({
      status: 400,
      body: { statusCode: '403', code: 'AccessDenied', error: 'Unauthorized', message: 'Invalid Compact JWS' },
    });
    expect(await call('POST', `/object/${BUCKET}/a.pdf`, { apikey: SERVICE_ROLE_KEY, 'content-type': 'application/pdf' }, '%PDF')).toEqual({
      status: 400,
      body: { statusCode: '400', code: 'InvalidRequest', error: 'Error', message: "headers must have required property 'authorization'" },
    });
    expect(await call('GET', `/object/${BUCKET}/a.pdf`, wrongToken)).toEqual({
      status: 400,
      body: { statusCode: '404', code: 'NoSuchBucket', error: 'Bucket not found', message: 'Bucket not found' },
    });
    expect(await call('GET', `/object/authenticated/${BUCKET}/a.pdf`, wrongToken)).toMatchObject({ status: 400, body: { statusCode: '403', code: 'AccessDenied' } });
  });

  it('answers a missing object with the NoSuchKey body', async () => {
    expect(await call('GET', `/object/authenticated/${BUCKET}/absent.pdf`, bothKeys)).toEqual({
      status: 400,
      body: { statusCode: '404', code: 'NoSuchKey', error: 'not_found', message: 'Object not found' },
    });
  });

  it('returns the rows it deleted and refuses more than 1,000 names', async () => {
    await call('POST', `/object/${BUCKET}/t/one.pdf`, { ...bothKeys, 'content-type': 'application/pdf' }, '%PDF-1');
    const deleted = await call('DELETE', `/object/${BUCKET}`, { ...bothKeys, 'content-type': 'application/json' }, JSON.stringify({ prefixes: ['t/one.pdf', 't/absent.pdf'] }));
    expect(deleted).toMatchObject({ status: 200, body: [{ name: 't/one.pdf', bucket_id: BUCKET, metadata: { size: 6, mimetype: 'application/pdf' } }] });

    const tooMany = JSON.stringify({ prefixes: Array.from({ length: 1001 }, (_, index) => `t/${index}.pdf`) });
    expect(await call('DELETE', `/object/${BUCKET}`, { ...bothKeys, 'content-type': 'application/json' }, tooMany)).toEqual({
      status: 400,
      body: { statusCode: '400', code: 'InvalidRequest', error: 'InvalidRequest', message: 'Bulk object requests are limited to 1000 objects per request.' },
    });
  });
});
