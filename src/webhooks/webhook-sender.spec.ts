import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook } from './webhook-sender.js';

const relaxed = { allowPrivateNetworks: true };
let server: Server;
let base: string;
const bodies: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      if (req.url === '/ok') res.writeHead(204).end();
      else if (req.url === '/moved') res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data' }).end();
      else if (req.url === '/chatty') res.writeHead(503).end(`${'overloaded '.repeat(100)}`);
      // '/silent' never answers.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const send = (path: string, timeoutMs?: number, policy = relaxed) => sendWebhook({ url: `${base}${path}`, body: '{"id":"1"}', headers: { 'Content-Type': 'application/json' } }, policy, { timeoutMs });

describe(sendWebhook.name, () => {
  it('reports a 2xx as success with the status and duration', async () => {
    expect(await send('/ok')).toEqual({ statusCode: 204, error: null, durationMs: expect.any(Number) });
    expect(bodies.at(-1)).toBe('{"id":"1"}');
  });

  it('does not follow redirects', async () => {
    const outcome = await send('/moved');
    expect(outcome.statusCode).toBe(302);
    expect(outcome.error).toBe('HTTP 302 (redirect to http://169.254.169.254/latest/meta-data; Rampart does not follow redirects)');
  });

  it('keeps a short excerpt of an error response', async () => {
    const outcome = await send('/chatty');
    expect(outcome.statusCode).toBe(503);
    expect(outcome.error!.startsWith('HTTP 503: overloaded overloaded')).toBe(true);
    expect(outcome.error!.length).toBeLessThanOrEqual(300);
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    expect(await send('/silent', 200)).toEqual({ statusCode: null, error: 'No response within 0.2 s', durationMs: expect.any(Number) });
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await sendWebhook({ url: `http://127.0.0.1:${port}/`, body: '{}', headers: {} }, relaxed);
    expect(outcome).toMatchObject({ statusCode: null, error: `Connection refused by 127.0.0.1:${port}` });
  });

  it('sends nothing to this machine unless private networks are allowed', async () => {
    const count = bodies.length;
    const strict = { allowPrivateNetworks: false };
    expect(await send('/ok', undefined, strict)).toEqual({ statusCode: null, error: 'Not sent: url must use https', durationMs: 0 });
    const local = await sendWebhook({ url: 'https://localhost:1/', body: '{}', headers: {} }, strict);
    expect(local.error).toBe('Not sent: url must not point at this machine or a local network name (localhost)');
    expect(bodies.length).toBe(count);
  });

  it('checks the addresses a name resolves to when it connects', async () => {
    const port = (server.address() as AddressInfo).port;
    const toLoopback = ((_host: string, _options: unknown, callback: (error: null, addresses: { address: string; family: number }[]) => void) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }])) as never;
    const count = bodies.length;
    const refused = await sendWebhook({ url: `https://hooks.example.test:${port}/ok`, body: '{}', headers: {} }, { allowPrivateNetworks: false }, { resolve: toLoopback });
    expect(refused).toMatchObject({ statusCode: null, error: 'Not sent: hooks.example.test resolves to 127.0.0.1, a loopback, private or link-local address' });
    expect(bodies.length).toBe(count);
    const allowed = await sendWebhook({ url: `http://hooks.example.test:${port}/ok`, body: '{}', headers: {} }, relaxed, { resolve: toLoopback });
    expect(allowed.statusCode).toBe(204);
  });
});
