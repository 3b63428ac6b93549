import type { ConnectorOptions } from '../connector-definition.js';
import { PsaAuthError, PsaError, PsaRateLimitError, PsaUnavailableError } from '../errors.js';
import { PsaHttpClient, type PsaHttpOptions, type PsaRequest } from '../http/psa-http.client.js';
import { RequestLimiter } from '../http/request-limiter.js';
import { toText } from '../normalize.js';
import type { ConnectionTestResult, NormalizedAsset, NormalizedCompany, NormalizedContact, PsaConnector, SyncWindow } from '../psa-connector.js';
import { picklistsFrom, toAsset, toCompany, toContact, type AutotaskPicklists } from './autotask.mapper.js';
import type { AutotaskConfigDto, AutotaskCredentialsDto } from './autotask.settings.js';
import type {
  AutotaskCompany,
  AutotaskConfigurationItem,
  AutotaskContact,
  AutotaskEntityFields,
  AutotaskFilter,
  AutotaskPage,
  AutotaskQuery,
  AutotaskThresholdInformation,
  AutotaskZoneInformation,
} from './autotask.types.js';

type AutotaskEntity = 'Companies' | 'Contacts' | 'ConfigurationItems';

/** Autotask's largest page; more results come through `nextPageUrl`. */
const PAGE_SIZE = 500;
/** Autotask allows 10,000 requests per rolling hour per database and 3 concurrent requests per endpoint. */
const HOURLY_REQUEST_LIMIT = 10_000;
const CONCURRENT_REQUEST_LIMIT = 3;
/**
 * The hourly budget is shared with every other integration on the MSP's database, and at 100%
 * Autotask rejects them all. Stop while this share is still free rather than starve them.
 */
const THRESHOLD_RESERVE = 0.1;
/** Query pages between two looks at `ThresholdInformation` (one look costs one request). */
const THRESHOLD_CHECK_EVERY_PAGES = 50;
/**
 * Autotask answers 500, not 401, for an unknown username (at zone lookup: "Zone information could
 * not be determined"), an unknown integration code and missing permissions; these texts mark such a
 * 500 as a credentials problem.
 */
const AUTH_FAILURE_TEXT = /zone information could not be determined|unable to find user|user ?name|integration ?code|tracking identifier|not authori[sz]ed|unauthori[sz]ed|authenticat|credential|adequate permission/i;

interface Zone {
  name: string;
  /** `{zone url}V1.0/`: every entity path is relative to it. */
  apiUrl: string;
  http: PsaHttpClient;
}

/**
 * Autotask PSA REST v1.0. Asks the discovery host which zone the API user lives in, once per
 * connector, then queries that zone with POSTed JSON filters and follows `nextPageUrl` cursors,
 * re-POSTing the same body as Autotask requires. Company 0, the MSP's own organisation, and the
 * contacts and items filed under it are left out: they are not a client.
 */
export class AutotaskConnector implements PsaConnector {
  readonly kind = 'autotask' as const;
  private readonly discovery: PsaHttpClient;
  private readonly limiter = new RequestLimiter({ maxPerWindow: HOURLY_REQUEST_LIMIT, windowMs: 3_600_000, maxConcurrent: CONCURRENT_REQUEST_LIMIT });
  private zone: Promise<Zone> | null = null;
  /** Every zone Autotask has named to this connector: the only hosts that get the secret. */
  private readonly zoneOrigins = new Set<string>();
  private readonly picklists = new Map<AutotaskEntity, Promise<AutotaskPicklists>>();
  private headroomCheck: Promise<void> | null = null;
  private pagesSinceHeadroomCheck = 0;

  constructor(
    private readonly config: AutotaskConfigDto,
    private readonly credentials: AutotaskCredentialsDto,
    private readonly options: ConnectorOptions = {},
  ) {
    // Zone lookup needs no credentials and is exempt from the thread limit, so it skips the limiter.
    this.discovery = new PsaHttpClient({ ...this.httpOptions(), baseUrl: config.baseUrl });
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const usage = await this.send<AutotaskThresholdInformation>({ url: 'ThresholdInformation' });
    // Asked after the call, which may have found the tenant in a new zone.
    const zone = await this.currentZone();
    return { detail: `Autotask zone ${zone.name} (${zone.apiUrl}); ${describeUsage(usage)}` };
  }

  async *companies(window: SyncWindow): AsyncIterable<NormalizedCompany[]> {
    const picklists = await this.picklistsOf('Companies');
    // No plain last-modified stamp on companies: an edit moves lastTrackedModifiedDateTime, activity lastActivityDate.
    const changed = window.changedSince && [{ op: 'or' as const, items: [since('lastTrackedModifiedDateTime', window.changedSince), since('lastActivityDate', window.changedSince)] }];
    for await (const page of this.query<AutotaskCompany>('Companies', [{ op: 'gt', field: 'id', value: 0 }, ...(changed ?? [])])) {
      yield page.map((company) => toCompany(company, picklists));
    }
  }

  async *contacts(window: SyncWindow): AsyncIterable<NormalizedContact[]> {
    const changed = window.changedSince && [since('lastModifiedDate', window.changedSince)];
    for await (const page of this.query<AutotaskContact>('Contacts', [{ op: 'gt', field: 'companyID', value: 0 }, ...(changed ?? [])])) {
      yield page.map(toContact);
    }
  }

  async *assets(window: SyncWindow): AsyncIterable<NormalizedAsset[]> {
    const picklists = await this.picklistsOf('ConfigurationItems');
    const changed = window.changedSince && [since('lastModifiedTime', window.changedSince)];
    for await (const page of this.query<AutotaskConfigurationItem>('ConfigurationItems', [{ op: 'gt', field: 'companyID', value: 0 }, ...(changed ?? [])])) {
      yield page.map((item) => toAsset(item, picklists, this.options.fieldMapping));
    }
  }

  private async *query<T>(entity: AutotaskEntity, filter: AutotaskFilter[]): AsyncIterable<T[]> {
    const body: AutotaskQuery = { MaxRecords: PAGE_SIZE, filter };
    let url: string | null = `${entity}/query`;
    while (url !== null) {
      await this.ensureHeadroom();
      // The cursor URL is fetched with the same body: Autotask answers 405 to a GET on it.
      const page: AutotaskPage<T> = await this.send<AutotaskPage<T>>({ method: 'POST', url, body });
      if (!Array.isArray(page?.items)) throw new PsaUnavailableError(`Autotask answered ${entity} query without an items list`);
      if (page.items.length > 0) yield page.items;
      url = this.nextPageUrl(page.pageDetails?.nextPageUrl);
    }
  }

  /** The secret goes only to a zone Autotask named, never to a host a response merely mentions. */
  private nextPageUrl(nextPageUrl: string | null | undefined): string | null {
    const url = toText(nextPageUrl);
    if (url === null) return null;
    const origin = new URL(url).origin;
    if (!this.zoneOrigins.has(origin)) throw new PsaError(`Autotask sent a next page outside its zone (${origin})`);
    return url;
  }

  private picklistsOf(entity: AutotaskEntity): Promise<AutotaskPicklists> {
    let picklists = this.picklists.get(entity);
    if (!picklists) {
      picklists = this.send<AutotaskEntityFields>({ url: `${entity}/entityInformation/fields` }).then(picklistsFrom);
      // A failed lookup is asked again by the next listing rather than remembered.
      picklists.catch(() => this.picklists.delete(entity));
      this.picklists.set(entity, picklists);
    }
    return picklists;
  }

  /** Looks at the database's hourly usage before the first page and every so many pages after. */
  private async ensureHeadroom(): Promise<void> {
    if (this.headroomCheck === null || this.pagesSinceHeadroomCheck >= THRESHOLD_CHECK_EVERY_PAGES) {
      this.pagesSinceHeadroomCheck = 0;
      this.headroomCheck = this.checkHeadroom();
    }
    this.pagesSinceHeadroomCheck += 1;
    await this.headroomCheck;
  }

  private async checkHeadroom(): Promise<void> {
    const usage = await this.send<AutotaskThresholdInformation>({ url: 'ThresholdInformation' });
    const ceiling = usage.externalRequestThreshold * (1 - THRESHOLD_RESERVE);
    if (usage.currentTimeframeRequestCount >= ceiling) {
      throw new PsaRateLimitError(`Autotask request threshold nearly reached: ${describeUsage(usage)}; stopping to leave the rest to the database's other integrations`);
    }
  }

  private async send<T>(request: PsaRequest): Promise<T> {
    const zone = await this.currentZone();
    try {
      return await requestIn<T>(zone, request);
    } catch (error) {
      if (!(error instanceof PsaAuthError && error.status === 401)) throw error;
      // A 401 from a zone that answered before can mean the tenant moved: ask for the zone again, once.
      const moved = await this.rediscover(zone);
      if (moved === null) throw error;
      const url = request.url.startsWith(zone.apiUrl) ? moved.apiUrl + request.url.slice(zone.apiUrl.length) : request.url;
      return requestIn<T>(moved, { ...request, url });
    }
  }

  private currentZone(): Promise<Zone> {
    if (this.zone === null) {
      const zone = this.discoverZone();
      // A failed lookup is not cached: the next call asks again.
      zone.catch(() => {
        if (this.zone === zone) this.zone = null;
      });
      this.zone = zone;
    }
    return this.zone;
  }

  /** The zone again if Autotask now names a different one, else null. Concurrent callers share one lookup. */
  private async rediscover(stale: Zone): Promise<Zone | null> {
    if (this.zone !== null && (await this.zone.catch(() => null)) === stale) this.zone = null;
    const fresh = await this.currentZone();
    return fresh.apiUrl === stale.apiUrl ? null : fresh;
  }

  private async discoverZone(): Promise<Zone> {
    let zone: AutotaskZoneInformation;
    try {
      zone = (await this.discovery.request<AutotaskZoneInformation>({ url: 'atservicesrest/v1.0/zoneInformation', params: { user: this.config.username } })).data;
    } catch (error) {
      throw asAuthError(error);
    }
    const zoneUrl = toText(zone?.url);
    if (zoneUrl === null) throw new PsaUnavailableError(`Autotask zone lookup for ${this.config.username} named no zone URL`);
    const apiUrl = `${zoneUrl.replace(/\/*$/, '/')}V1.0/`;
    this.zoneOrigins.add(new URL(apiUrl).origin);
    return {
      name: toText(zone.zoneName) ?? new URL(apiUrl).host,
      apiUrl,
      http: new PsaHttpClient({
        ...this.httpOptions(),
        baseUrl: apiUrl,
        headers: { ApiIntegrationCode: this.config.integrationCode, UserName: this.config.username, Secret: this.credentials.secret },
        limiter: this.limiter,
      }),
    };
  }

  private httpOptions(): Omit<PsaHttpOptions, 'baseUrl'> {
    return { vendor: 'Autotask', describeError: describeAutotaskError, retry: this.options.retry, sleep: this.options.sleep, onRetry: this.options.onRetry };
  }
}

/** Autotask's error body is `{"errors": ["...", ...]}`. */
export function describeAutotaskError(_status: number, body: unknown): string | undefined {
  const errors = body !== null && typeof body === 'object' ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return undefined;
  const messages = errors.map(toText).filter((message): message is string => message !== null);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

async function requestIn<T>(zone: Zone, request: PsaRequest): Promise<T> {
  try {
    return (await zone.http.request<T>(request)).data;
  } catch (error) {
    throw asAuthError(error);
  }
}

/** A 500 whose text is about the user, the integration code or permissions is a credentials problem. */
function asAuthError(error: unknown): unknown {
  return error instanceof PsaUnavailableError && error.status === 500 && AUTH_FAILURE_TEXT.test(error.message) ? new PsaAuthError(error.message, error.status) : error;
}

function describeUsage(usage: AutotaskThresholdInformation): string {
  const [used, threshold] = [usage.currentTimeframeRequestCount, usage.externalRequestThreshold].map((count) => count.toLocaleString('en-US'));
  return `${used} of ${threshold} API requests used in the current ${usage.requestThresholdTimeframe}-minute window`;
}

/** Autotask datetimes are UTC and filters take them as `yyyy-mm-ddThh:mm:ss.ms`, without a zone suffix. */
function since(field: string, changedSince: Date): AutotaskFilter {
  return { op: 'gte', field, value: changedSince.toISOString().replace(/Z$/, '') };
}
