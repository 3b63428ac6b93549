import type { SyncroAsset, SyncroContact, SyncroCustomer } from '../../../src/integrations/syncro/syncro.types.js';
import type { FakeRequest, FakeResponse, FakeVendor } from '../../../src/demo/psa/fake-psa-server.js';
import type { Portfolio, PortfolioAsset, PortfolioCompany } from '../../../src/demo/psa/portfolio.js';

/** Where Syncro serves API v1: `https://{subdomain}.syncromsp.com/api/v1`. */
export const SYNCRO_API_PATH = '/api/v1';
const SYNCRO_PAGE_SIZE = 25;
const SYNCRO_REQUESTS_PER_MINUTE = 180;
/** Syncro's 401 text (swagger example), also what it says to a token without the permission. */
export const SYNCRO_NOT_AUTHORIZED = 'Not authorized. Please ask account admin to update your group permissions.';
const MINUTE_MS = 60_000;

export interface FakeSyncroOptions {
  portfolio: Portfolio;
  apiKey: string;
  /** The clock of the per-IP minute counter; a test shares it with the connector's limiter. */
  now?: () => number;
}

/**
 * Syncro API v1 as docs/psa-apis.md §4 describes it, strictly: the token as `Authorization: Bearer`,
 * a bare `Authorization` or `?api_key=` and nothing else; a fixed 25 records a page whatever
 * `per_page` says; `meta` with total_pages, total_entries, per_page and page; disabled customers
 * only with `include_disabled=true`; 180 requests a minute from the one (loopback) address.
 */
export class FakeSyncro implements FakeVendor {
  readonly customers: SyncroCustomer[];
  readonly contacts: SyncroContact[];
  readonly assets: SyncroAsset[];
  /** When each request the minute counter let through arrived, by the fake's clock: the whole history, so tests can inspect any minute. */
  readonly admittedAt: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: FakeSyncroOptions) {
    this.now = options.now ?? Date.now;
    const companies = new Map(options.portfolio.companies.map((company) => [company.id, company]));
    this.customers = options.portfolio.companies.map(renderCustomer);
    this.contacts = options.portfolio.contacts.map((contact) => ({
      id: contact.id,
      name: `${contact.firstName} ${contact.lastName}`,
      customer_id: contact.companyId,
      email: contact.email,
      phone: contact.phone,
      mobile: null,
      properties: { title: contact.title },
      created_at: syncroTime(contact.updatedAt),
      updated_at: syncroTime(contact.updatedAt),
    }));
    this.assets = options.portfolio.assets.map((asset) => renderAsset(asset, companies.get(asset.companyId)!));
  }

  handle(request: FakeRequest): FakeResponse {
    const throttled = this.throttle();
    if (throttled) return throttled;
    if (!this.authorized(request)) return { status: 401, body: this.errorBody(401, SYNCRO_NOT_AUTHORIZED) };
    if (request.method !== 'GET') return { status: 404, body: this.errorBody(404, 'Not found') };
    const customerId = request.query.get('customer_id');
    const ofCustomer = (record: { customer_id: number }) => customerId === null || String(record.customer_id) === customerId;
    switch (request.path) {
      case `${SYNCRO_API_PATH}/customers`: {
        const includeDisabled = request.query.get('include_disabled') === 'true';
        return page('customers', this.customers.filter((customer) => includeDisabled || !customer.disabled), request);
      }
      case `${SYNCRO_API_PATH}/contacts`:
        return page('contacts', this.contacts.filter(ofCustomer), request);
      case `${SYNCRO_API_PATH}/customer_assets`:
        return page('assets', this.assets.filter(ofCustomer), request);
      default:
        return { status: 404, body: this.errorBody(404, 'Not found') };
    }
  }

  errorBody(status: number, message: string): unknown {
    if (status === 404) return { message };
    if (status === 422) return { success: false, message: [message], params: {} };
    return { error: message };
  }

  /** A sliding minute: the 181st request within 60 s is refused until the oldest one ages out. */
  private throttle(): FakeResponse | undefined {
    const now = this.now();
    const inLastMinute = this.admittedAt.filter((at) => at > now - MINUTE_MS);
    if (inLastMinute.length >= SYNCRO_REQUESTS_PER_MINUTE) {
      const retryAfterSeconds = Math.ceil((inLastMinute[0]! + MINUTE_MS - now) / 1000);
      return {
        status: 429,
        headers: { 'retry-after': String(retryAfterSeconds) },
        body: this.errorBody(429, `Rate limit exceeded: ${SYNCRO_REQUESTS_PER_MINUTE} requests per minute per IP address`),
      };
    }
    this.admittedAt.push(now);
    return undefined;
  }

  private authorized(request: FakeRequest): boolean {
    const header = request.headers.authorization;
    const presented = [request.query.get('api_key'), header, header?.replace(/^Bearer /, '')];
    return presented.includes(this.options.apiKey);
  }
}

function page(key: 'customers' | 'contacts' | 'assets', records: unknown[], request: FakeRequest): FakeResponse {
  // Syncro ignores `per_page`; a missing or unreadable `page` is the first.
  const requested = Number.parseInt(request.query.get('page') ?? '1', 10);
  const number = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const slice = records.slice((number - 1) * SYNCRO_PAGE_SIZE, number * SYNCRO_PAGE_SIZE);
  const meta = { total_pages: Math.ceil(records.length / SYNCRO_PAGE_SIZE), total_entries: records.length, per_page: SYNCRO_PAGE_SIZE, page: number };
  return { status: 200, body: { [key]: slice, meta } };
}

/** Syncro stamps times in the account's own zone, not UTC (§4.8 pitfall 6); this account is on UTC−5. */
function syncroTime(date: Date): string {
  return new Date(date.getTime() - 5 * 3_600_000).toISOString().replace('Z', '-05:00');
}

function renderCustomer(company: PortfolioCompany): SyncroCustomer {
  // Syncro has no prospects or vendors among customers: every portfolio company is a business customer.
  return {
    id: company.id,
    firstname: null,
    lastname: null,
    fullname: null,
    business_name: company.name,
    business_then_name: company.name,
    business_and_full_name: company.name,
    email: `accounts@${company.domain}`,
    phone: null,
    mobile: null,
    disabled: !company.active,
    properties: {},
    created_at: syncroTime(company.updatedAt),
    updated_at: syncroTime(company.updatedAt),
  };
}

/** Asset types for the kinds the Syncro agent does not run on, named as an account might name them. */
const NON_AGENT_ASSET_TYPES: Record<Exclude<PortfolioAsset['kind'], 'workstation' | 'server'>, string> = {
  network: 'Firewall',
  mobile: 'Mobile Device',
  other: 'Linux Appliance',
};

/**
 * Workstations and servers are agent-managed "Syncro Device"s with inventory and RMM state; other
 * kinds carry only custom fields. Encryption, warranty and backup sit in custom fields on every
 * asset, as Syncro accounts keep them (scripts fill them in).
 */
function renderAsset(asset: PortfolioAsset, company: PortfolioCompany): SyncroAsset {
  const customFields: Record<string, unknown> = {
    BitLocker: asset.diskEncrypted ? 'Encrypted' : 'Not encrypted',
    'Warranty Expiration': asset.warrantyEndsAt.toISOString().slice(0, 10),
    'Last Backup': syncroTime(asset.lastBackupAt),
  };
  const common = {
    id: asset.id,
    name: asset.hostname,
    customer_id: asset.companyId,
    contact_id: null,
    asset_serial: asset.serialNumber,
    customer: { id: company.id, business_name: company.name, business_then_name: company.name, disabled: !company.active },
    created_at: syncroTime(asset.updatedAt),
    updated_at: syncroTime(asset.updatedAt),
  };
  if (asset.kind !== 'workstation' && asset.kind !== 'server') {
    return { ...common, asset_type: NON_AGENT_ASSET_TYPES[asset.kind], properties: { ...customFields, 'Operating System': asset.osName, 'OS Version': asset.osVersion }, rmm_store: null };
  }
  return {
    ...common,
    asset_type: 'Syncro Device',
    properties: {
      ...customFields,
      kabuto_information: {
        last_synced_at: syncroTime(asset.lastSeenAt),
        last_user: 'office',
        general: { name: asset.hostname, domain: 'CORP', ip: '203.0.113.10', manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', serial_number: asset.serialNumber, form_factor: asset.kind === 'server' ? 'Server' : 'Desktop' },
        os: { name: asset.osName, build: '22631', windows_release_version: asset.osVersion, os_architecture: '64-bit', last_boot_time: null, pending_reboot: false },
      },
    },
    rmm_store: {
      triggers: { no_av_triggered: asset.antivirusStatus === 'Active' ? 'false' : 'true', firewall_triggered: 'false', agent_offline_triggered: 'false' },
      windows_updates: { wu_on: 'true', wu_available: String(asset.missingPatches), wu_latest: asset.lastSeenAt.toISOString().slice(0, 10) },
    },
  };
}
