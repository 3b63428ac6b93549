import { promises as dnsPromises } from 'node:dns';
import type { TxtLookup } from '../evaluator.js';

export interface DnsTxtResolverOptions {
  /** Name servers as `host` or `host:port` (`127.0.0.1:5353`); empty uses the system resolvers. */
  servers: string[];
  /** How long to wait for one answer before retrying or giving up. */
  timeoutMs: number;
  /** Attempts per server before a lookup fails (default 2). */
  tries?: number;
  /** Lookups in flight at once (default 8), so a client with many domains does not flood the resolver. */
  concurrency?: number;
}

// The name does not exist or has no TXT record: an answer, not a failure.
const ABSENT_CODES = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

const DEFAULT_TRIES = 2;
const DEFAULT_CONCURRENCY = 8;

/** Looks up TXT records for DNS controls, producing the map `ClientEvidence.dns` holds. */
export class DnsTxtResolver {
  private readonly resolver: dnsPromises.Resolver;
  private readonly concurrency: number;

  constructor(options: DnsTxtResolverOptions) {
    this.resolver = new dnsPromises.Resolver({ timeout: options.timeoutMs, tries: options.tries ?? DEFAULT_TRIES });
    if (options.servers.length > 0) this.resolver.setServers(options.servers);
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  /** One entry per distinct name (lower-cased, no trailing dot); never rejects. */
  async lookupAll(names: string[]): Promise<Map<string, TxtLookup>> {
    const unique = [...new Set(names.map(normalizeName).filter((name) => name !== ''))];
    const lookups = await mapWithConcurrency(unique, this.concurrency, (name) => this.lookup(name));
    return new Map(unique.map((name, index) => [name, lookups[index]]));
  }

  private async lookup(name: string): Promise<TxtLookup> {
    try {
      const answers = await this.resolver.resolveTxt(name);
      // Each answer is one record split into character-strings of at most 255 octets; RFC 7208 §3.3 joins them as-is.
      return { records: answers.map((chunks) => chunks.join('')) };
    } catch (error) {
      return failedLookup(name, error);
    }
  }
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, '');
}

function failedLookup(name: string, error: unknown): TxtLookup {
  const code = errorCode(error);
  return ABSENT_CODES.has(code) ? { records: [] } : { error: `${code}: ${name}` };
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

/** Runs `task` over `items` with at most `limit` running at once, keeping results in input order. */
async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
