import { randomBytes } from 'node:crypto';
import type { HaloAsset, HaloClient, HaloField, HaloSite, HaloUser } from '../../../src/integrations/halopsa/halopsa.types.js';
import type { FakeRequest, FakeResponse, FakeVendor } from '../../../src/demo/psa/fake-psa-server.js';
import type { Portfolio, PortfolioAsset, PortfolioCompany } from '../../../src/demo/psa/portfolio.js';

/**
 * The most rows the fake serves a page. docs/psa-apis.md states no ceiling; 1000 is the largest
 * page size it shows in use (HaloAPI's default), and a larger request is cut to it.
 */
export const HALO_MAX_PAGE_SIZE = 1000;
/** Hosted Halo's 429 text, as users report it. */
export const HALO_RATE_LIMIT_MESSAGE = 'Rate Limit Reached - 300 Requests per rolling 5 minute window.';
const HALO_REQUESTS_PER_WINDOW = 300;
const HALO_WINDOW_MS = 5 * 60_000;
/** ASP.NET Web API's text for a missing or dead bearer token, which Halo's API is built on. */
export const HALO_DENIED_MESSAGE = 'Authorization has been denied for this request.';

export interface FakeHalopsaOptions {
  portfolio: Portfolio;
  clientId: string;
  clientSecret: string;
  /** A hosted instance's tenant, required on the token URL; leave out for an on-premises one. */
  tenant?: string;
  /** `expires_in` of the tokens it issues; the fake refuses them after it, by its clock. */
  tokenLifetimeSeconds?: number;
  /** The clock tokens and the rate limit run on; a test shares it with the connector to skip time. */
  now?: () => number;
}

const TOP_LEVELS: Record<PortfolioCompany['type'], { id: number; name: string }> = {
  client: { id: 1, name: 'Clients' },
  prospect: { id: 2, name: 'Prospects' },
  vendor: { id: 3, name: 'Suppliers' },
};

const ASSET_TYPES: Record<PortfolioAsset['kind'], { id: number; name: string }> = {
  workstation: { id: 4, name: 'Laptop' },
  server: { id: 9, name: 'Server' },
  network: { id: 11, name: 'Firewall' },
  mobile: { id: 12, name: 'Mobile Phone' },
  other: { id: 15, name: 'Printer' },
};

/**
 * HaloPSA as docs/psa-apis.md §3 describes it, strictly: a client-credentials token from
 * `POST /auth/token[?tenant=]` (form-encoded, right grant, client and scope, else OAuth errors),
 * tokens that expire, `Authorization: Bearer` on every `/api/*` call, `pageinate=true&page_size&page_no`
 * paging with `record_count`, inactive clients and users only on request, users without
 * `client_id` (linked through their site), asset-type `fields` only with `includeassetfields=true`,
 * `lastupdatefromdate` on assets, paths and query keys without case, 300 requests per rolling 5 minutes.
 */
export class FakeHalopsa implements FakeVendor {
  readonly clients: HaloClient[];
  readonly sites: HaloSite[];
  readonly users: HaloUser[];
  readonly assets: HaloAsset[];
  tokensIssued = 0;
  /** API calls refused for a missing, unknown or expired token. */
  deniedCalls = 0;
  private readonly tokens = new Map<string, number>();
  private readonly admittedAt: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: FakeHalopsaOptions) {
    this.now = options.now ?? Date.now;
    const companies = new Map(options.portfolio.companies.map((company) => [company.id, company]));
    this.clients = options.portfolio.companies.map(renderClient);
    this.sites = options.portfolio.companies.map((company) => ({ id: siteIdOf(company.id), name: 'Main', client_id: company.id, client_name: company.name, inactive: false }));
    this.users = options.portfolio.contacts.map((contact) => ({
      id: contact.id,
      name: `${contact.firstName} ${contact.lastName}`,
      firstname: contact.firstName,
      surname: contact.lastName,
      title: contact.title,
      emailaddress: contact.email,
      phonenumber: contact.phone,
      mobilenumber: '',
      site_id: siteIdOf(contact.companyId),
      site_name: 'Main',
      client_name: companies.get(contact.companyId)!.name,
      inactive: !contact.active,
    }));
    this.assets = options.portfolio.assets.map((asset) => renderAsset(asset, companies.get(asset.companyId)!));
  }

  /** Every token issued so far stops working, as when Halo's auth server restarts or the app's secret is rotated. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  handle(request: FakeRequest): FakeResponse {
    const throttled = this.throttle();
    if (throttled) return throttled;
    const path = request.path.toLowerCase().replace(/\/+$/, '');
    if (path === '/auth/token') return this.issueToken(request);
    if (!path.startsWith('/api/')) return notFound(request);
    if (!this.bearerIsValid(request)) {
      this.deniedCalls += 1;
      return { status: 401, headers: { 'www-authenticate': 'Bearer' }, body: this.errorBody(401, HALO_DENIED_MESSAGE) };
    }
    if (request.method !== 'GET') return { status: 405, body: this.errorBody(405, `The requested resource does not support http method '${request.method}'.`) };
    const query = lowerCaseKeys(request.query);
    switch (path) {
      case '/api/client':
        return list('clients', this.clients.filter((client) => activeFilter(query, client.inactive) && searchFilter(query, client.name)), query);
      case '/api/site':
        return list('sites', this.sites.filter((site) => activeFilter(query, site.inactive) && idFilter(query, 'client_id', site.client_id)), query);
      case '/api/users':
        return list(
          'users',
          this.users.filter((user) => activeFilter(query, user.inactive) && idFilter(query, 'site_id', user.site_id) && idFilter(query, 'client_id', clientIdOfSite(user.site_id)) && searchFilter(query, user.name)),
          query,
        );
      case '/api/asset':
        return this.listAssets(query);
      default:
        return notFound(request);
    }
  }

  errorBody(status: number, message: string): unknown {
    return { Message: status === 429 ? HALO_RATE_LIMIT_MESSAGE : message };
  }

  private issueToken(request: FakeRequest): FakeResponse {
    const oauthError = (status: number, error: string, description?: string): FakeResponse => ({ status, body: description ? { error, error_description: description } : { error } });
    if (request.method !== 'POST') return oauthError(400, 'invalid_request', 'The token endpoint only accepts POST.');
    if (!/^application\/x-www-form-urlencoded\b/i.test(String(request.headers['content-type'] ?? ''))) return oauthError(400, 'invalid_request', 'The request body must be form-encoded.');
    const form = new URLSearchParams(request.rawBody);
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
    // A wrong or missing tenant sends the client to an instance that does not know it.
    const tenantMatches = (request.query.get('tenant') ?? undefined) === this.options.tenant;
    if (!tenantMatches || form.get('client_id') !== this.options.clientId || form.get('client_secret') !== this.options.clientSecret) return oauthError(401, 'invalid_client');
    if (!(form.get('scope') ?? '').split(' ').includes('all')) return oauthError(400, 'invalid_scope');
    const lifetimeSeconds = this.options.tokenLifetimeSeconds ?? 3600;
    const accessToken = `halo-${++this.tokensIssued}-${randomBytes(12).toString('hex')}`;
    this.tokens.set(accessToken, this.now() + lifetimeSeconds * 1000);
    return { status: 200, body: { scope: 'all', token_type: 'Bearer', access_token: accessToken, expires_in: lifetimeSeconds, refresh_token: randomBytes(12).toString('hex'), id_token: randomBytes(12).toString('hex') } };
  }

  private bearerIsValid(request: FakeRequest): boolean {
    const token = /^Bearer (\S+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const expiresAt = token === undefined ? undefined : this.tokens.get(token);
    return expiresAt !== undefined && this.now() < expiresAt;
  }

  private listAssets(query: Map<string, string>): FakeResponse {
    const since = query.get('lastupdatefromdate');
    const sinceMs = since === undefined ? undefined : Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(since) ? since : `${since}Z`);
    if (sinceMs !== undefined && Number.isNaN(sinceMs)) return { status: 400, body: this.errorBody(400, `The value '${since}' is not valid for lastupdatefromdate.`) };
    const withFields = query.get('includeassetfields') === 'true';
    const assets = this.assets
      .filter((asset) => idFilter(query, 'client_id', asset.client_id) && idFilter(query, 'site_id', asset.site_id) && searchFilter(query, asset.inventory_number))
      .filter((asset) => sinceMs === undefined || Date.parse(`${asset.changehistory_last_updated}Z`) >= sinceMs)
      .map(({ fields, ...asset }) => (withFields ? { ...asset, fields } : asset));
    return list('assets', assets, query);
  }

  /** A rolling 5 minutes: the 301st request within it is refused until the oldest one ages out. */
  private throttle(): FakeResponse | undefined {
    const now = this.now();
    while (this.admittedAt.length > 0 && this.admittedAt[0]! <= now - HALO_WINDOW_MS) this.admittedAt.shift();
    if (this.admittedAt.length >= HALO_REQUESTS_PER_WINDOW) return { status: 429, body: this.errorBody(429, HALO_RATE_LIMIT_MESSAGE) };
    this.admittedAt.push(now);
    return undefined;
  }
}

function siteIdOf(companyId: number): number {
  return companyId * 10 + 1;
}

function clientIdOfSite(siteId: number | undefined): number | undefined {
  return siteId === undefined ? undefined : Math.floor(siteId / 10);
}

/** Halo's UTC without a zone or milliseconds: `2024-04-30T06:00:00`. */
export function haloTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

function renderClient(company: PortfolioCompany): HaloClient & Record<string, unknown> {
  const topLevel = TOP_LEVELS[company.type];
  return {
    id: company.id,
    name: company.name,
    toplevel_id: topLevel.id,
    toplevel_name: topLevel.name,
    inactive: !company.active,
    colour: '#2bd3c6',
    notes: '',
    main_site_id: siteIdOf(company.id),
    customertype: 0,
    stopped: 0,
    accountsid: `ACC${company.id}`,
    customfields: [{ id: 145, name: 'CFDomain', label: 'Primary Domain', type: 0, value: company.domain, display: company.domain }],
  };
}

function field(id: number, name: string, value: unknown, display: string = String(value)): HaloField {
  return { id, name, value, display };
}

function renderAsset(asset: PortfolioAsset, company: PortfolioCompany): HaloAsset & Record<string, unknown> {
  const type = ASSET_TYPES[asset.kind];
  const dayFirst = (date: Date) => date.toISOString().replace(/^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d).*$/, '$3/$2/$1 $4');
  return {
    id: asset.id,
    inventory_number: `INV-${asset.id}`,
    key_field: asset.hostname,
    key_field2: asset.serialNumber,
    key_field3: '',
    client_id: company.id,
    client_name: company.name,
    site_id: siteIdOf(company.id),
    site_name: 'Main',
    assettype_id: type.id,
    assettype_name: type.name,
    status_id: asset.active ? 1 : 2,
    status_name: asset.active ? 'Active' : 'Retired',
    inactive: !asset.active,
    username: '',
    manufacturer_name: 'Contoso Hardware',
    warranty_start: '1900-01-01T00:00:00',
    warranty_end: haloTime(asset.warrantyEndsAt),
    changehistory_last_updated: haloTime(asset.updatedAt),
    fields: [
      field(1, 'Operating System', asset.osName),
      field(2, 'OS Version', asset.osVersion),
      field(12, 'Last Seen', haloTime(asset.lastSeenAt), dayFirst(asset.lastSeenAt)),
      field(14, 'Antivirus', asset.antivirusProduct),
      // A lookup: Halo sends the option's id as the value and its text as the display.
      field(15, 'Antivirus Status', ['Active', 'Disabled', 'Outdated'].indexOf(asset.antivirusStatus) + 1, asset.antivirusStatus),
      field(16, 'Patch Status', asset.patchStatus),
      field(17, 'Missing Patches', String(asset.missingPatches)),
      field(18, 'BitLocker', asset.diskEncrypted ? 'Encrypted' : 'Not Encrypted'),
      field(19, 'Last Backup', haloTime(asset.lastBackupAt), dayFirst(asset.lastBackupAt)),
    ],
    customfields: [{ id: 201, name: 'CFRmmDeviceName', label: 'RMM Device Name', type: 0, value: `${asset.hostname.toLowerCase()}.rmm.example`, display: `${asset.hostname.toLowerCase()}.rmm.example` }],
  };
}

function lowerCaseKeys(query: URLSearchParams): Map<string, string> {
  return new Map([...query].map(([key, value]) => [key.toLowerCase(), value]));
}

/** Active records only unless `includeinactive=true`; `includeactive=false` leaves the active ones out. */
function activeFilter(query: Map<string, string>, inactive: boolean | undefined): boolean {
  return inactive === true ? query.get('includeinactive') === 'true' : query.get('includeactive') !== 'false';
}

function idFilter(query: Map<string, string>, key: string, id: number | undefined): boolean {
  const wanted = query.get(key);
  return wanted === undefined || Number(wanted) === id;
}

function searchFilter(query: Map<string, string>, text: string | undefined): boolean {
  const search = query.get('search')?.toLowerCase();
  return search === undefined || (text ?? '').toLowerCase().includes(search);
}

function notFound(request: FakeRequest): FakeResponse {
  return { status: 404, body: { Message: `No HTTP resource was found that matches the request URI '${request.path}'.` } };
}

/** `pageinate=true` pages by `page_size` (cut to the ceiling) and 1-based `page_no`; without it, `count` caps the rows. */
function list<Row>(key: string, rows: Row[], query: Map<string, string>): FakeResponse {
  if (query.get('pageinate') !== 'true') {
    const count = Number(query.get('count') ?? rows.length);
    return { status: 200, body: { record_count: rows.length, [key]: rows.slice(0, count) } };
  }
  const pageSize = Number(query.get('page_size') ?? 50);
  const pageNo = Number(query.get('page_no') ?? 1);
  if (!Number.isInteger(pageSize) || pageSize < 1 || !Number.isInteger(pageNo) || pageNo < 1) {
    return { status: 400, body: { Message: 'page_size and page_no must be whole numbers from 1.' } };
  }
  const served = Math.min(pageSize, HALO_MAX_PAGE_SIZE);
  return { status: 200, body: { page_no: pageNo, page_size: served, record_count: rows.length, [key]: rows.slice((pageNo - 1) * served, pageNo * served) } };
}
