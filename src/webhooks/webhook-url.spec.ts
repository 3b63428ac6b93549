import { describe, expect, it } from '@jest/globals';
import type { LookupAddress } from 'node:dns';
import { guardedLookup, isPublicAddress, webhookUrlProblem } from './webhook-url.js';

const strict = { allowPrivateNetworks: false };
const relaxed = { allowPrivateNetworks: true };

describe(isPublicAddress.name, () => {
  it.each(['8.8.8.8', '1.1.1.1', '52.95.110.1', '2606:4700:4700::1111', '64:ff9b::808:808', '64:ff9b::8.8.8.8'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
    '255.255.255.255', '::1', '::', 'fd12:3456::1', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'ff02::1', 'not-an-ip',
    // NAT64 (RFC 6052) reaches the IPv4 address in its last 32 bits.
    '64:ff9b::a00:1', '64:ff9b::7f00:1', '64:ff9b::169.254.169.254',
  ])('%s is not', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe(webhookUrlProblem.name, () => {
  it('accepts public https URLs, with a port, path and query', () => {
    expect(webhookUrlProblem('https://hooks.example.com/rampart', strict)).toBeUndefined();
    expect(webhookUrlProblem('https://hooks.example.com:8443/a/b?tenant=42', strict)).toBeUndefined();
    expect(webhookUrlProblem('https://8.8.8.8/hook', strict)).toBeUndefined();
  });

  it('requires https unless private networks are allowed', () => {
    expect(webhookUrlProblem('http://hooks.example.com/', strict)).toBe('url must use https');
    expect(webhookUrlProblem('http://hooks.example.com/', relaxed)).toBeUndefined();
    expect(webhookUrlProblem('ftp://hooks.example.com/', relaxed)).toBe('url must use https or http');
  });

  it('refuses what is not an absolute URL, or carries credentials or a fragment', () => {
    expect(webhookUrlProblem('hooks.example.com/rampart', strict)).toMatch(/absolute URL/);
    expect(webhookUrlProblem('https://user:pass@hooks.example.com/', strict)).toMatch(/user name or password/);
    expect(webhookUrlProblem('https://token@hooks.example.com/', relaxed)).toMatch(/user name or password/);
    expect(webhookUrlProblem('https://hooks.example.com/#x', strict)).toMatch(/fragment/);
    expect(webhookUrlProblem(`https://hooks.example.com/${'a'.repeat(2048)}`, strict)).toMatch(/at most 2048/);
  });

  it.each([
    'https://127.0.0.1/hook', 'https://10.0.0.5/', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/', 'https://[fd00::1]:8443/',
    'https://[::ffff:127.0.0.1]/', 'https://2130706433/', 'https://0x7f.1/', 'https://localhost/', 'https://LOCALHOST./', 'https://api.localhost/',
    'https://printer.local/', 'https://metadata.google.internal/',
  ])('refuses %s, which points at this machine or a private network', (url) => {
    expect(webhookUrlProblem(url, strict)).toMatch(/must not point at/);
    expect(webhookUrlProblem(url, relaxed)).toBeUndefined();
  });
});

describe(guardedLookup.name, () => {
  const resolver = (addresses: LookupAddress[]) =>
    ((_host: string, _options: unknown, callback: (error: Error | null, addresses: LookupAddress[]) => void) => callback(null, addresses)) as never;
  const run = (policy: typeof strict, addresses: LookupAddress[], all = false) =>
    new Promise<{ error: (Error & { code?: string }) | null; address: unknown }>((resolve) => {
      guardedLookup(policy, resolver(addresses))('hooks.example.com', { all }, (error, address) => resolve({ error, address }));
    });

  it('passes names that resolve only to public addresses', async () => {
    expect(await run(strict, [{ address: '93.184.216.34', family: 4 }])).toEqual({ error: null, address: '93.184.216.34' });
    expect((await run(strict, [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }], true)).address).toHaveLength(2);
  });

  it('refuses a name with any private address among its answers (DNS rebinding included)', async () => {
    const { error } = await run(strict, [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }]);
    expect(error?.code).toBe('ERR_RAMPART_BLOCKED_ADDRESS');
    expect(error?.message).toBe('hooks.example.com resolves to 10.0.0.7, a loopback, private or link-local address');
    expect((await run(relaxed, [{ address: '127.0.0.1', family: 4 }])).error).toBeNull();
  });
});
