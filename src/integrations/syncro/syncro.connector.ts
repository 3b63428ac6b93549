import type { ConnectorOptions } from '../connector-definition.js';
import { PsaError } from '../errors.js';
import { PsaHttpClient, type RetryPolicy } from '../http/psa-http.client.js';
import { RequestLimiter } from '../http/request-limiter.js';
import type { ConnectionTestResult, NormalizedAsset, NormalizedCompany, NormalizedContact, PsaConnector, SyncWindow } from '../psa-connector.js';
import { mapSyncroAsset, mapSyncroContact, mapSyncroCustomer } from './syncro.mapper.js';
import type { SyncroConfigDto, SyncroCredentialsDto } from './syncro.settings.js';
import type { SyncroAsset, SyncroListMeta } from './syncro.types.js';

/** Syncro's published limit: "180 requests per minute per IP address". */
export const SYNCRO_RATE_LIMIT = { maxPerWindow: 180, windowMs: 60_000 } as const;

/**
 * Syncro documents no Retry-After on its 429 and counts a rolling minute, so backoff must be able
 * to outwait a minute (1–2 s doubling to 16–32 s: about a minute over five retries) rather than the
 * shared default's fifteen seconds.
 */
const SYNCRO_RETRY: Partial<RetryPolicy> = { baseDelayMs: 2_000, maxDelayMs: 60_000 };

/** The list endpoints the connector reads, each with the key its records arrive under. */
const LISTS = {
  customers: { path: 'customers', key: 'customers' },
  contacts: { path: 'contacts', key: 'contacts' },
  assets: { path: 'customer_assets', key: 'assets' },
} as const;
type ListName = keyof typeof LISTS;

/**
 * Syncro (SyncroMSP) API v1. Pages are a fixed 25 records, numbered from 1, until
 * `meta.total_pages`. None of the three list endpoints takes a changed-since filter (customers
 * filter by name, email and ids; contacts and assets only by customer and type), so an incremental
 * sync still reads every page and keeps the records whose `updated_at` is at or after the window.
 */
export class SyncroConnector implements PsaConnector {
  readonly kind = 'syncro' as const;
  private readonly http: PsaHttpClient;

  constructor(
    config: SyncroConfigDto,
    credentials: SyncroCredentialsDto,
    private readonly options: ConnectorOptions = {},
    // One limiter per connector: the sync engine runs one connector per integration at a time.
    limiter: RequestLimiter = new RequestLimiter(SYNCRO_RATE_LIMIT),
  ) {
    this.http = new PsaHttpClient({
      vendor: 'Syncro',
      baseUrl: config.baseUrl,
      // The header rather than `?api_key=`: Syncro accepts both, and a header keeps the key out of URLs and logs.
      headers: { Authorization: `Bearer ${credentials.apiKey}` },
      describeError: describeSyncroError,
      retry: { ...SYNCRO_RETRY, ...options.retry },
      limiter,
      sleep: options.sleep,
      onRetry: options.onRetry,
    });
  }

  /** Requests sent, retries included. */
  get requestCount(): number {
    return this.http.requestCount;
  }

  /** Reads the first page of each list, so a token missing any of the three permissions fails here. */
  async testConnection(): Promise<ConnectionTestResult> {
    const totals: string[] = [];
    for (const name of Object.keys(LISTS) as ListName[]) {
      const { meta, records } = await this.fetchPage(name, 1);
      totals.push(`${meta?.total_entries ?? records.length} ${name}`);
    }
    return { detail: `Syncro: ${totals.join(', ')}` };
  }

  companies(window: SyncWindow): AsyncIterable<NormalizedCompany[]> {
    return this.list('customers', window, mapSyncroCustomer);
  }

  contacts(window: SyncWindow): AsyncIterable<NormalizedContact[]> {
    return this.list('contacts', window, mapSyncroContact);
  }

  assets(window: SyncWindow): AsyncIterable<NormalizedAsset[]> {
    return this.list('assets', window, (raw: SyncroAsset) => mapSyncroAsset(raw, this.options.fieldMapping));
  }

  private async *list<Raw, Normalized extends { updatedAt: Date | null }>(name: ListName, window: SyncWindow, map: (raw: Raw) => Normalized): AsyncIterable<Normalized[]> {
    const since = window.changedSince?.getTime();
    for (let page = 1; ; page++) {
      const { meta, records } = await this.fetchPage<Raw>(name, page);
      // Without a server-side filter, records unchanged since the window are dropped here; one
      // without `updated_at` is kept, since it cannot be shown unchanged.
      const kept = records.map(map).filter((record) => since === undefined || record.updatedAt === null || record.updatedAt.getTime() >= since);
      if (kept.length > 0) yield kept;
      // `total_pages` ends the loop; an empty page ends it too, should `meta` ever be missing.
      const totalPages = meta?.total_pages;
      if (records.length === 0 || (typeof totalPages === 'number' && page >= totalPages)) return;
    }
  }

  private async fetchPage<Raw>(name: ListName, page: number): Promise<{ meta: SyncroListMeta | undefined; records: Raw[] }> {
    const { path, key } = LISTS[name];
    // Disabled customers are hidden unless asked for; the sync needs them to mark clients inactive.
    const params = name === 'customers' ? { page, include_disabled: true } : { page };
    const { data } = await this.http.request<Record<string, unknown> | null>({ url: path, params });
    const records = data?.[key];
    if (!Array.isArray(records)) throw new PsaError(`Syncro answered /${path} without a "${key}" list`);
    return { meta: data?.['meta'] as SyncroListMeta | undefined, records: records as Raw[] };
  }
}

/**
 * Syncro's error bodies: `{"error": "..."}` (401), `{"message": "..."}` (404),
 * `{"success": false, "message": ["..."]}` and `{"errors": "..."}` (422).
 */
export function describeSyncroError(_status: number, body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const fields = body as Record<string, unknown>;
  for (const value of [fields['error'], fields['message'], fields['errors']]) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (Array.isArray(value) && value.length > 0) return value.map(String).join('; ');
  }
  return undefined;
}
