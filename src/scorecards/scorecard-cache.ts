import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import { Database } from '../database/database.js';

/** Scorecards kept per process; a portfolio page is about 100 KB. */
const MAX_ENTRIES = 300;
/** Freshness flags are computed against the clock, so an entry lives at most this long even when nothing changed. */
const MAX_AGE_MS = 60_000;

interface Entry {
  version: string;
  storedAt: number;
  /** Shared by every request that asks while it is being computed, so a miss is computed once. */
  value: Promise<unknown>;
}

/**
 * Computed scorecards, reused while the tenant's data version (moved by triggers on every table a
 * scorecard reads) stays the same. The version is read before computing, so an entry is never
 * older than the version it is filed under; a request costs one primary-key read when nothing changed.
 */
@Injectable()
export class ScorecardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly database: Database) {}

  async through<T>(tenantId: string, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const version = await this.versionOf(tenantId);
    const cacheKey = `${tenantId}\n${key}`;
    const entry = this.entries.get(cacheKey);
    if (entry && entry.version === version && now - entry.storedAt < MAX_AGE_MS) {
      // Map order is insertion order: re-inserting keeps the most recently used last.
      this.entries.delete(cacheKey);
      this.entries.set(cacheKey, entry);
      return entry.value as Promise<T>;
    }
    const value = compute();
    const stored: Entry = { version, storedAt: now, value };
    this.entries.delete(cacheKey);
    this.entries.set(cacheKey, stored);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    // A failure (a 404, a lost connection) is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(cacheKey) === stored) this.entries.delete(cacheKey);
    });
    return value;
  }

  /** Read with the system handle: one statement, no transaction; the tenant id comes from authentication. */
  private async versionOf(tenantId: string): Promise<string> {
    const { rows } = await sql<{ version: string }>`select data_version::text as version from tenants where id = ${tenantId}`.execute(this.database.system);
    return rows[0]?.version ?? 'none';
  }
}

/** A query's cache key: its fields in a fixed order, whatever order the URL gave them in. */
export function queryKey(route: string, query: object): string {
  return `${route}?${JSON.stringify(Object.entries(query).toSorted(([a], [b]) => a.localeCompare(b)))}`;
}
