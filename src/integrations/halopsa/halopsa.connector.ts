import type { ConnectorOptions } from '../connector-definition.js';
import { PsaAuthError, PsaRequestError, PsaUnavailableError } from '../errors.js';
import { PsaHttpClient } from '../http/psa-http.client.js';
import { RequestLimiter } from '../http/request-limiter.js';
import { applyFieldMapping, toInteger, toText } from '../normalize.js';
import type { ConnectionTestResult, NormalizedAsset, NormalizedCompany, NormalizedContact, PsaConnector, SyncWindow } from '../psa-connector.js';
import { mapAsset, mapClient, mapUser, readHaloField } from './halopsa.mapper.js';
import type { HalopsaConfigDto, HalopsaCredentialsDto } from './halopsa.settings.js';
import type { HaloAsset, HaloClient, HaloClientList, HaloErrorBody, HaloPage, HaloSite, HaloTokenResponse, HaloUser } from './halopsa.types.js';

/** Few large pages: hosted Halo allows only 300 requests per rolling 5 minutes (HaloAPI's default). */
export const HALOPSA_PAGE_SIZE = 1000;

/** Hosted Halo's reported limit: "300 Requests per rolling 5 minute window". */
const DEFAULT_REQUESTS_PER_FIVE_MINUTES = 300;

/** A token is replaced this long before Halo says it expires, so no request carries a dying one. */
const TOKEN_EXPIRY_MARGIN_MS = 60_000;

/** Halo's token lifetime, assumed when a token response leaves `expires_in` out. */
const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

/**
 * Halo's 429 carries no Retry-After and its window rolls over 5 minutes, so back off in seconds,
 * not milliseconds (HaloAPI waits 5 s doubling to 60 s).
 */
const HALO_RETRY = { baseDelayMs: 5_000, maxDelayMs: 60_000 };

/** What tests tune beyond `ConnectorOptions`: smaller pages to page through few records, and the clock. */
export interface HalopsaTuning {
  pageSize?: number;
  now?: () => number;
}

type ListParams = Record<string, string | number | boolean | undefined>;

export class HalopsaConnector implements PsaConnector {
  readonly kind = 'halopsa' as const;
  private readonly api: PsaHttpClient;
  private readonly tokens: HaloTokenSource;
  private readonly pageSize: number;
  private readonly instance: string;

  constructor(
    config: HalopsaConfigDto,
    credentials: HalopsaCredentialsDto,
    private readonly options: ConnectorOptions = {},
    tuning: HalopsaTuning = {},
  ) {
    // People paste the "Resource Server" Halo shows (…/api); the API paths below add /api themselves.
    this.instance = config.baseUrl.replace(/\/+$/, '').replace(/\/api$/i, '');
    this.pageSize = tuning.pageSize ?? HALOPSA_PAGE_SIZE;
    // One budget for the token and API calls alike: both count against the instance's quota.
    const limiter = new RequestLimiter({ maxPerWindow: config.requestsPerFiveMinutes ?? DEFAULT_REQUESTS_PER_FIVE_MINUTES, windowMs: 5 * 60_000 });
    const shared = {
      vendor: 'HaloPSA',
      describeError: describeHalopsaError,
      limiter,
      retry: { ...HALO_RETRY, ...options.retry },
      sleep: options.sleep,
      onRetry: options.onRetry,
    };
    const authUrl = (config.authUrl ?? `${this.instance}/auth`).replace(/\/+$/, '');
    this.tokens = new HaloTokenSource(new PsaHttpClient({ ...shared, baseUrl: authUrl }), credentials, config.tenant, tuning.now ?? Date.now);
    this.api = new PsaHttpClient({
      ...shared,
      baseUrl: `${this.instance}/api`,
      // Asked per attempt, so a retry after a long 429 wait picks up a token refreshed meanwhile.
      authorize: async () => ({ Authorization: `Bearer ${await this.tokens.current()}` }),
    });
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const page = await this.get<HaloClientList>('Client', { pageinate: true, page_size: 1, page_no: 1, includeactive: true, includeinactive: true });
    const clients = toInteger(page.record_count);
    return { detail: `HaloPSA at ${new URL(this.instance).host}${clients === null ? '' : `, ${clients} clients readable`}` };
  }

  // Halo's client list has no changed-since filter and its records no last-modified stamp, so
  // every sync reads all clients; there are few next to assets.
  async *companies(_window: SyncWindow): AsyncIterable<NormalizedCompany[]> {
    for await (const page of this.pages<HaloClient>('Client', 'clients', { includeactive: true, includeinactive: true })) {
      yield page.map(mapClient);
    }
  }

  // As for clients: Halo users have no changed-since filter and no last-modified stamp.
  async *contacts(_window: SyncWindow): AsyncIterable<NormalizedContact[]> {
    let siteClients: Map<number, number> | undefined;
    for await (const page of this.pages<HaloUser>('Users', 'users', { includeactive: true, includeinactive: true, excludeagents: true })) {
      // Users belong to a site and the list may leave client_id out; then the site says whose they are.
      if (!siteClients && page.some((user) => !validId(user.client_id))) siteClients = await this.siteClients();
      const contacts: NormalizedContact[] = [];
      for (const user of page) {
        const clientId = validId(user.client_id) ? user.client_id : siteClients?.get(toInteger(user.site_id) ?? -1);
        // A user whose site is gone from the site list belongs to no client Rampart could hold.
        if (clientId !== undefined) contacts.push(mapUser(user, String(clientId)));
      }
      yield contacts;
    }
  }

  async *assets(window: SyncWindow): AsyncIterable<NormalizedAsset[]> {
    const changedSince = window.changedSince ? { lastupdatefromdate: haloDateTime(window.changedSince) } : {};
    for await (const page of this.pages<HaloAsset>('Asset', 'assets', { includeassetfields: true, ...changedSince })) {
      yield page
        .map(mapAsset)
        .filter((asset) => asset !== null)
        .map((asset) => applyFieldMapping(asset, this.options.fieldMapping, readHaloField));
    }
  }

  private async siteClients(): Promise<Map<number, number>> {
    const siteClients = new Map<number, number>();
    for await (const page of this.pages<HaloSite>('Site', 'sites', { includeinactive: true })) {
      for (const site of page) if (validId(site.client_id)) siteClients.set(site.id, site.client_id);
    }
    return siteClients;
  }

  /**
   * Pages through a list until `record_count` rows have come, so N rows take exactly
   * ceil(N / page size) requests; Halo may serve fewer rows a page than asked, which this tolerates.
   */
  private async *pages<Row>(resource: string, key: 'clients' | 'users' | 'sites' | 'assets', filters: ListParams): AsyncGenerator<Row[]> {
    let received = 0;
    for (let pageNo = 1; ; pageNo++) {
      const page = await this.get<(HaloPage & Partial<Record<typeof key, Row[]>>) | null>(resource, { pageinate: true, page_size: this.pageSize, page_no: pageNo, ...filters });
      const rows = page?.[key];
      if (!Array.isArray(rows)) throw new PsaUnavailableError(`HaloPSA answered /api/${resource} without a "${key}" list`);
      received += rows.length;
      if (rows.length > 0) yield rows;
      const total = toInteger(page?.record_count);
      if (rows.length === 0 || (total === null ? rows.length < this.pageSize : received >= total)) return;
    }
  }

  /** A 401 means the token died early (revoked, or the server restarted): one new token, one retry. */
  private async get<T>(resource: string, params: ListParams): Promise<T> {
    const token = await this.tokens.current();
    try {
      return (await this.api.request<T>({ url: resource, params })).data;
    } catch (error) {
      if (!(error instanceof PsaAuthError) || error.status !== 401) throw error;
      this.tokens.discard(token);
      return (await this.api.request<T>({ url: resource, params })).data;
    }
  }
}

/** The client-credentials token, fetched once and reused until shortly before it expires. */
class HaloTokenSource {
  private cached: { accessToken: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly auth: PsaHttpClient,
    private readonly credentials: HalopsaCredentialsDto,
    private readonly tenant: string | undefined,
    private readonly now: () => number,
  ) {}

  /** The token to send; concurrent callers share one token request. */
  current(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve(this.cached.accessToken);
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forgets `token` if it is still the cached one, so calls that all failed with it refresh once. */
  discard(token: string): void {
    if (this.cached?.accessToken === token) this.cached = undefined;
  }

  private async fetch(): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret, scope: 'all' });
    let data: HaloTokenResponse | null;
    try {
      ({ data } = await this.auth.request<HaloTokenResponse | null>({
        method: 'POST',
        url: 'token',
        // Hosted Halo serves many tenants from one auth server; on premises there is only one.
        params: { tenant: this.tenant },
        body: form,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }));
    } catch (error) {
      // Our grant never changes, so any refusal (400 invalid_client, unauthorized_client, unknown
      // tenant) is about the credentials or tenant the user entered.
      if (error instanceof PsaRequestError) throw new PsaAuthError(error.message, error.status);
      throw error;
    }
    const accessToken = toText(data?.access_token);
    if (!accessToken) throw new PsaUnavailableError('HaloPSA answered the token request without an access_token');
    const lifetimeMs = (toInteger(data?.expires_in) ?? DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
    // Half the lifetime at most, so a short-lived token is still used more than once.
    this.cached = { accessToken, renewAt: this.now() + lifetimeMs - Math.min(TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2) };
    return accessToken;
  }
}

/** `client_id` and site ids are 0 or missing when unset. */
function validId(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Halo takes UTC as `yyyy-MM-ddTHH:mm:ss`, without a zone. */
function haloDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** The text from whichever error body Halo sent; plain-text bodies are shown shortened. */
export function describeHalopsaError(_status: number, body: unknown): string | undefined {
  if (typeof body === 'string') return toText(body.slice(0, 200)) ?? undefined;
  if (body === null || typeof body !== 'object') return undefined;
  const error = body as HaloErrorBody;
  const oauth = toText(error.error);
  if (oauth) return [oauth, toText(error.error_description)].filter((part) => part !== null).join(': ');
  return toText(error.errorMessage) ?? toText(error.Message) ?? toText(error.message) ?? undefined;
}
