import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Longest URL a webhook may have. */
export const MAX_URL_LENGTH = 2048;

export interface UrlPolicy {
  /** Development and tests: allow `http://` and hosts on loopback, private and link-local networks. */
  allowPrivateNetworks: boolean;
}

/**
 * Addresses a webhook must not reach unless private networks are allowed: this machine, the
 * networks behind it (cloud metadata at 169.254.169.254 included) and addresses that are not
 * unicast internet addresses at all. IPv4-mapped IPv6 addresses are checked as their IPv4 address.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const NAT64 = new BlockList();
NAT64.addSubnet('64:ff9b::', 96, 'ipv6');

/** Whether `address` (an IP literal) is a public unicast address; anything that is not an IP is not. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6 && NAT64.check(address, 'ipv6')) return isPublicAddress(embeddedIpv4(address));
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function groups(part: string): string[] {
  return part === '' ? [] : part.split(':');
}

/** The IPv4 address in the last 32 bits of an IPv6 address: where a NAT64 gateway would connect. */
function embeddedIpv4(address: string): string {
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const expanded = [...groups(head), ...Array<string>(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
  // A dotted tail (64:ff9b::10.0.0.1) is already IPv4.
  const last = expanded.at(-1)!;
  if (last.includes('.')) return last;
  const [high, low] = expanded.slice(-2).map((group) => Number.parseInt(group, 16));
  return [high! >> 8, high! & 255, low! >> 8, low! & 255].join('.');
}

/** Host names that always mean this machine or the local network, whatever DNS says. */
function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal') || name.endsWith('.home.arpa');
}

/** The host of a parsed URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Why `raw` cannot be a webhook URL, or undefined when it can. Checked without DNS (at
 * registration the name may not resolve yet); the delivery checks every address it resolves to.
 */
export function webhookUrlProblem(raw: string, policy: UrlPolicy): string | undefined {
  if (raw.length > MAX_URL_LENGTH) return `url must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute URL, e.g. https://example.com/rampart/webhooks';
  }
  if (url.protocol !== 'https:' && !(policy.allowPrivateNetworks && url.protocol === 'http:')) {
    return policy.allowPrivateNetworks ? 'url must use https or http' : 'url must use https';
  }
  if (url.username || url.password) return 'url must not contain a user name or password; Rampart signs each request instead';
  if (url.hash) return 'url must not contain a fragment (#…)';
  if (policy.allowPrivateNetworks) return undefined;
  const host = hostOf(url);
  if (isIP(host) !== 0 && !isPublicAddress(host)) return `url must not point at a loopback, private or link-local address (${host})`;
  if (isLocalName(host)) return `url must not point at this machine or a local network name (${host})`;
  return undefined;
}

export class BlockedAddressError extends Error {
  readonly code = 'ERR_RAMPART_BLOCKED_ADDRESS';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for outgoing sockets that refuses names resolving to any non-public address. It runs
 * when the connection is made, so the address connected to is the address checked (no window for
 * DNS rebinding between a check and the request).
 */
export function guardedLookup(policy: UrlPolicy, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return ((hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const blocked = policy.allowPrivateNetworks ? undefined : list.find((entry) => !isPublicAddress(entry.address));
      if (blocked) return callback(new BlockedAddressError(`${hostname} resolves to ${blocked.address}, a loopback, private or link-local address`), []);
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      if ('all' in options && options.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  }) as LookupFunction;
}
