import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PsaAuthError, PsaRateLimitError, PsaRequestError, PsaUnavailableError } from '../../src/integrations/errors.js';
import { PsaHttpClient, parseRetryAfter } from '../../src/integrations/http/psa-http.client.js';
import { FakePsaServer } from '../../src/demo/psa/fake-psa-server.js';

let server: FakePsaServer;
const slept: number[] = [];

beforeAll(async () => {
  server = await FakePsaServer.start({
    handle: (request) => {
      if (request.headers.authorization !== 'Bearer good') return { status: 401, body: { message: 'Invalid API key' } };
      if (request.path === '/bad') return { status: 400, body: { message: 'Unknown field: colour' } };
      return { status: 200, body: { ok: true, path: request.path } };
    },
    errorBody: (_status, message) => ({ message }),
  });
});
afterAll(() => server.stop());

function client(token = 'good') {
  return new PsaHttpClient({
    vendor: 'TestPSA',
    baseUrl: server.url,
    headers: { Authorization: `Bearer ${token}` },
    describeError: (_status, body) => (body as { message?: string } | null)?.message,
    sleep: async (ms) => void slept.push(ms),
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    timeoutMs: 2000,
  });
}

describe(PsaHttpClient.name, () => {
  it('waits out Retry-After on 429, then succeeds', async () => {
    slept.length = 0;
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 3 }, { times: 2 });
    const http = client();
    await expect(http.request({ url: '/companies' })).resolves.toMatchObject({ status: 200, data: { ok: true } });
    expect(slept).toEqual([3000, 3000]);
    expect(http.requestCount).toBe(3);
  });

  it('gives up on a 429 storm with the vendor text', async () => {
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 1 }, { times: 10 });
    await expect(client().request({ url: '/companies' })).rejects.toThrow(PsaRateLimitError);
    server.clearFaults();
  });

  it('does not wait a Retry-After beyond the policy cap', async () => {
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 3600 });
    await expect(client().request({ url: '/companies' })).rejects.toThrow(/rate limit: Injected 429/);
  });

  it('backs off on 5xx, dropped connections and malformed JSON, with growing delays', async () => {
    slept.length = 0;
    server.inject({ kind: 'status', status: 503 });
    server.inject({ kind: 'drop' });
    server.inject({ kind: 'malformed' });
    await expect(client().request({ url: '/companies' })).resolves.toMatchObject({ status: 200 });
    expect(slept).toHaveLength(3);
    expect(slept[0]).toBeGreaterThanOrEqual(50);
    expect(slept[0]).toBeLessThanOrEqual(100);
    expect(slept[2]).toBeGreaterThanOrEqual(200);
    expect(slept[2]).toBeLessThanOrEqual(400);
  });

  it('fails with PsaUnavailableError when the server keeps sending broken JSON', async () => {
    server.inject({ kind: 'malformed' }, { times: 10 });
    await expect(client().request({ url: '/companies' })).rejects.toThrow(/not valid JSON/);
    server.clearFaults();
  });

  it('stops at once on 401 with the vendor message', async () => {
    const before = server.requests.length;
    await expect(client('wrong').request({ url: '/companies' })).rejects.toThrow(PsaAuthError);
    await expect(client('wrong').request({ url: '/companies' })).rejects.toThrow('TestPSA refused the credentials (401): Invalid API key');
    expect(server.requests.length - before).toBe(2);
  });

  it('reports other 4xx with the vendor text and does not retry', async () => {
    await expect(client().request({ url: '/bad' })).rejects.toThrow(PsaRequestError);
    await expect(client().request({ url: '/bad' })).rejects.toThrow('Unknown field: colour');
  });

  it('times out a slow server and retries', async () => {
    server.inject({ kind: 'slow', ms: 2500 });
    await expect(client().request({ url: '/companies' })).resolves.toMatchObject({ status: 200 });
  });

  it('reports an unreachable server as unavailable', async () => {
    const dead = new PsaHttpClient({ vendor: 'TestPSA', baseUrl: 'http://127.0.0.1:1', describeError: () => undefined, sleep: async () => {}, retry: { maxAttempts: 2 } });
    await expect(dead.request({ url: '/x' })).rejects.toThrow(PsaUnavailableError);
  });
});

describe(parseRetryAfter.name, () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
