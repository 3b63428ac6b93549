import type { ConnectorOptions } from '../connector-definition.js';
import { PsaError, PsaUnavailableError } from '../errors.js';
import { PsaHttpClient, type PsaRequest } from '../http/psa-http.client.js';
import type { ConnectionTestResult, NormalizedAsset, NormalizedCompany, NormalizedContact, PsaConnector, SyncWindow } from '../psa-connector.js';
import { toText } from '../normalize.js';
import { mapCompany, mapConfiguration, mapContact } from './connectwise.mapper.js';
import type { ConnectwiseConfigDto, ConnectwiseCredentialsDto } from './connectwise.settings.js';
import type { ConnectwiseCompany, ConnectwiseConfiguration, ConnectwiseContact, ConnectwiseErrorBody, ConnectwiseSystemInfo } from './connectwise.types.js';

/** ConnectWise's hard limit; anything larger is silently cut to 1,000 and the default is 25. */
export const CONNECTWISE_PAGE_SIZE = 1000;

/**
 * Pins the response shape (company `types` as a list, among others) so a ConnectWise upgrade
 * cannot change fields under the mapper; `application/json` lets an older server answer anyway.
 */
const ACCEPT = 'application/vnd.connectwise.com+json; version=2022.1, application/json';

export class ConnectwiseConnector implements PsaConnector {
  readonly kind = 'connectwise' as const;
  private readonly http: PsaHttpClient;
  private readonly apiRoot: URL;

  constructor(
    config: ConnectwiseConfigDto,
    credentials: ConnectwiseCredentialsDto,
    private readonly options: ConnectorOptions = {},
  ) {
    this.apiRoot = new URL(config.baseUrl.replace(/\/*$/, '/'));
    const basic = Buffer.from(`${config.companyId}+${credentials.publicKey}:${credentials.privateKey}`, 'utf8').toString('base64');
    this.http = new PsaHttpClient({
      vendor: 'ConnectWise',
      baseUrl: config.baseUrl,
      headers: { Authorization: `Basic ${basic}`, clientId: config.clientId, Accept: ACCEPT },
      describeError: describeConnectwiseError,
      retry: options.retry,
      sleep: options.sleep,
      onRetry: options.onRetry,
    });
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const { data } = await this.http.request<ConnectwiseSystemInfo | null>({ url: 'system/info' });
    const version = toText(data?.version);
    const where = data?.isCloud === true ? 'cloud' : data?.isCloud === false ? 'on premises' : null;
    const timeZone = toText(data?.serverTimeZone);
    const facts = [where, timeZone].filter((fact): fact is string => fact !== null);
    return { detail: `ConnectWise Manage ${version ?? '(version not reported)'}${facts.length > 0 ? `, ${facts.join(', ')}` : ''}` };
  }

  async *companies(window: SyncWindow): AsyncIterable<NormalizedCompany[]> {
    for await (const page of this.pages<ConnectwiseCompany>('company/companies', window)) {
      yield page.map(mapCompany).filter((company) => company !== null);
    }
  }

  async *contacts(window: SyncWindow): AsyncIterable<NormalizedContact[]> {
    for await (const page of this.pages<ConnectwiseContact>('company/contacts', window)) {
      yield page.map(mapContact).filter((contact) => contact !== null);
    }
  }

  async *assets(window: SyncWindow): AsyncIterable<NormalizedAsset[]> {
    for await (const page of this.pages<ConnectwiseConfiguration>('company/configurations', window)) {
      yield page.map((configuration) => mapConfiguration(configuration, this.options.fieldMapping)).filter((asset) => asset !== null);
    }
  }

  /**
   * Every page of a list, following the `Link` header's rel="next" until a page has none. Ordered
   * by id so page boundaries stay put while the sync runs (ConnectWise's default order is not
   * documented). Empty pages are not yielded.
   */
  private async *pages<T>(path: string, window: SyncWindow): AsyncIterable<T[]> {
    const conditions = listConditions(window);
    let request: PsaRequest = { url: path, params: { ...(conditions ? { conditions } : {}), orderBy: 'id asc', pageSize: CONNECTWISE_PAGE_SIZE, page: 1 } };
    for (;;) {
      const response = await this.http.request<unknown>(request);
      if (!Array.isArray(response.data)) {
        throw new PsaUnavailableError(`ConnectWise answered ${path} with something other than a list`, response.status);
      }
      if (response.data.length > 0) yield response.data as T[];
      const next = nextPageLink(response.headers.link);
      if (next === null) return;
      request = { url: this.sameOriginOnly(next) };
    }
  }

  /**
   * ConnectWise sends absolute links (a relative one is read against the API root). The Basic
   * credentials go with every request, so a link to another host is never followed.
   */
  private sameOriginOnly(link: string): string {
    let url: URL;
    try {
      url = new URL(link, this.apiRoot);
    } catch {
      throw new PsaError(`ConnectWise sent a next-page link that is not a URL: ${link}`);
    }
    if (url.origin !== this.apiRoot.origin) {
      throw new PsaError(`ConnectWise sent a next-page link to ${url.origin}, not the configured ${this.apiRoot.origin}; check the base URL matches the address ConnectWise calls itself by`);
    }
    return url.href;
  }
}

/**
 * The `conditions` for a sync window. ConnectWise stamps records to the second and compares
 * `[date]` literals without fractions, so the start is floored to the second; `>=` keeps records
 * changed in that very second (seen twice at worst, never missed).
 */
export function listConditions(window: SyncWindow): string | undefined {
  if (!window.changedSince) return undefined;
  const since = new Date(Math.floor(window.changedSince.getTime() / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  return `_info/lastUpdated >= [${since}]`;
}

/** The rel="next" target of a `Link` header (`<url>; rel="next", <url>; rel="last"`), or null. */
export function nextPageLink(header: string | undefined): string | null {
  if (!header) return null;
  for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const relations = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(match[2] ?? '')?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (relations.includes('next') && match[1]) return match[1];
  }
  return null;
}

/** `{code, message, errors: [{message, field}]}` as one line: "UserNotAuthenticated" or "conditions is invalid (conditions: Unknown field ...)". */
export function describeConnectwiseError(_status: number, body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { code, message, errors } = body as Partial<ConnectwiseErrorBody>;
  const headline = toText(message) ?? toText(code);
  if (headline === null) return undefined;
  const details = (errors ?? [])
    .map((error) => {
      const text = toText(error.message);
      if (text === null || text === headline) return null;
      const where = toText(error.field);
      return where ? `${where}: ${text}` : text;
    })
    .filter((detail) => detail !== null);
  return details.length > 0 ? `${headline} (${details.join('; ')})` : headline;
}
