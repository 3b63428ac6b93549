import { AUTOTASK_FILTER_OPERATORS, type AutotaskCompany, type AutotaskConfigurationItem, type AutotaskContact, type AutotaskEntityFields, type AutotaskFilter, type AutotaskPage } from '../../../src/integrations/autotask/autotask.types.js';
import type { FakePsaServer, FakeRequest, FakeResponse, FakeVendor } from '../../../src/demo/psa/fake-psa-server.js';
import type { Portfolio, PortfolioAsset, PortfolioCompany } from '../../../src/demo/psa/portfolio.js';

export const FAKE_AUTOTASK_USER = { username: 'api-user@fake-msp.example', integrationCode: 'RAMPARTFAKEINTEGRATION01', secret: 'correct horse battery staple' };

const MAX_RECORDS = 500;
const THREAD_LIMIT = 3;
const HOURLY_THRESHOLD = 10_000;

const COMPANY_TYPES: Record<PortfolioCompany['type'], number> = { client: 1, prospect: 3, vendor: 7 };
const ITEM_TYPES: Record<PortfolioAsset['kind'], number> = { workstation: 1, server: 2, network: 3, mobile: 4, other: 5 };
const ANTIVIRUS_STATUSES: Record<PortfolioAsset['antivirusStatus'], number> = { Active: 1, Disabled: 2, Outdated: 3 };
const PATCH_STATUSES: Record<PortfolioAsset['patchStatus'], number> = { 'Up to date': 1, 'Missing patches': 2 };

type AutotaskRecord = AutotaskCompany | AutotaskContact | AutotaskConfigurationItem;
type Entity = 'Companies' | 'Contacts' | 'ConfigurationItems';

/** What Autotask answers with a 500 to a query it cannot run. */
class QueryError extends Error {}

/**
 * Autotask REST v1.0 as strict as the real one: zone lookup first, the three credential headers on
 * every other call (Autotask's odd 500s for a wrong username or integration code, 401 for a wrong
 * secret), a filter on every query, `MaxRecords` capped at 500, id-keyset `nextPageUrl` cursors that
 * must be POSTed again (405 on GET), and the 3-concurrent-requests-per-endpoint thread limit.
 * The portfolio gets a zero account (company 0, the MSP itself) with one contact and one item.
 */
export class FakeAutotask implements FakeVendor {
  readonly zoneName = 'America East 3';
  /** Where the tenant's zone lives on the fake; `moveZone` moves it as Autotask moves tenants. */
  private zonePath = '/ATServicesRest/';
  private readonly retiredZonePaths: string[] = [];
  /** Requests other integrations already spent in the current hour. */
  requestsUsedElsewhere = 124;
  private authenticatedRequests = 0;
  /** Added to every zone call while it counts as in flight, so concurrent listings overlap. */
  latencyMs = 0;
  maxInFlight = 0;
  threadLimitRejections = 0;
  private readonly inFlight = new Map<string, number>();
  private readonly records: Record<Entity, AutotaskRecord[]>;
  /** Each entity's field names by lowercase name: Autotask matches filter fields without case. */
  private readonly fields: Record<Entity, Map<string, string>>;

  constructor(portfolio: Portfolio) {
    const zeroAccount: AutotaskCompany = { id: 0, companyName: 'Fake MSP (own company)', companyNumber: '0', companyType: 1, isActive: true, webAddress: 'www.fake-msp.example', lastActivityDate: '2026-05-01T00:00:00.000Z', lastTrackedModifiedDateTime: '2026-05-01T00:00:00.000Z', userDefinedFields: [] };
    const staff: AutotaskContact = { id: 1, companyID: 0, firstName: 'Own', lastName: 'Technician', emailAddress: 'tech@fake-msp.example', isActive: 1, lastModifiedDate: '2026-05-01T00:00:00.000Z', userDefinedFields: [] };
    const ownLaptop: AutotaskConfigurationItem = { id: 1, companyID: 0, configurationItemType: 1, referenceTitle: 'MSP-LT-01', isActive: true, lastModifiedTime: '2026-05-01T00:00:00.000Z', userDefinedFields: [] };
    this.records = {
      Companies: byId([zeroAccount, ...portfolio.companies.map(renderCompany)]),
      Contacts: byId([staff, ...portfolio.contacts.map(renderContact)]),
      ConfigurationItems: byId([ownLaptop, ...portfolio.assets.map(renderItem)]),
    };
    const fieldsOf = (records: AutotaskRecord[]) => new Map(records.flatMap((record) => Object.keys(record)).map((field) => [field.toLowerCase(), field]));
    this.fields = { Companies: fieldsOf(this.records.Companies), Contacts: fieldsOf(this.records.Contacts), ConfigurationItems: fieldsOf(this.records.ConfigurationItems) };
  }

  /** The tenant now lives elsewhere: the old zone answers 401 and zone lookup names the new one. */
  moveZone(): void {
    this.retiredZonePaths.push(this.zonePath.toLowerCase());
    this.zonePath = `/zone${this.retiredZonePaths.length + 1}/ATServicesRest/`;
  }

  errorBody(_status: number, message: string): unknown {
    return { errors: [message] };
  }

  async handle(request: FakeRequest, server: FakePsaServer): Promise<FakeResponse> {
    const path = request.path.toLowerCase();
    if (path === '/atservicesrest/v1.0/zoneinformation') return this.zoneInformation(request, server);
    const apiRoot = `${this.zonePath.toLowerCase()}v1.0/`;
    if (this.retiredZonePaths.some((retired) => path.startsWith(`${retired}v1.0/`))) return fail(401, 'The user is not authorized in this zone.');
    if (!path.startsWith(apiRoot)) return fail(404, `No HTTP resource was found that matches the request URI '${request.path}'.`);
    const refused = this.authenticate(request);
    if (refused) return refused;
    this.authenticatedRequests += 1;

    const route = path.slice(apiRoot.length);
    const endpoint = route.split('/')[0]!;
    const inFlight = (this.inFlight.get(endpoint) ?? 0) + 1;
    this.inFlight.set(endpoint, inFlight);
    this.maxInFlight = Math.max(this.maxInFlight, [...this.inFlight.values()].reduce((sum, count) => sum + count, 0));
    try {
      if (inFlight > THREAD_LIMIT) {
        this.threadLimitRejections += 1;
        return fail(429, 'Itgenatr005: the thread threshold of 3 threads has been exceeded for this API tracking identifier and endpoint.');
      }
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      return this.route(route, request, `${server.url}${this.zonePath}V1.0/`);
    } finally {
      this.inFlight.set(endpoint, this.inFlight.get(endpoint)! - 1);
    }
  }

  private zoneInformation(request: FakeRequest, server: FakePsaServer): FakeResponse {
    const user = [...request.query.entries()].find(([key]) => key.toLowerCase() === 'user')?.[1];
    if (user?.toLowerCase() !== FAKE_AUTOTASK_USER.username) return fail(500, 'Zone information could not be determined');
    return { status: 200, body: { zoneName: this.zoneName, url: `${server.url}${this.zonePath}`, webUrl: `${server.url}/web/`, ci: 513558 } };
  }

  private authenticate(request: FakeRequest): FakeResponse | undefined {
    const { apiintegrationcode: integrationCode, username, secret } = request.headers;
    if (typeof integrationCode !== 'string' || typeof username !== 'string' || typeof secret !== 'string') {
      return fail(401, 'The ApiIntegrationCode, UserName and Secret headers are required.');
    }
    if (username.toLowerCase() !== FAKE_AUTOTASK_USER.username) return fail(500, 'Unable to find user with the given username.');
    if (integrationCode !== FAKE_AUTOTASK_USER.integrationCode) return fail(500, 'IntegrationCode is invalid.');
    if (secret !== FAKE_AUTOTASK_USER.secret) return fail(401, 'Invalid credentials: the secret does not match the user.');
    return undefined;
  }

  private route(route: string, request: FakeRequest, apiUrl: string): FakeResponse {
    if (route === 'thresholdinformation' && request.method === 'GET') {
      return { status: 200, body: { externalRequestThreshold: HOURLY_THRESHOLD, requestThresholdTimeframe: 60, currentTimeframeRequestCount: this.requestsUsedElsewhere + this.authenticatedRequests } };
    }
    const [entityPath, ...rest] = route.split('/');
    const entity = (Object.keys(this.records) as Entity[]).find((name) => name.toLowerCase() === entityPath);
    if (!entity) return fail(404, `No HTTP resource was found that matches the request URI '${request.path}'.`);
    const action = rest.join('/');
    if (action === 'entityinformation/fields' && request.method === 'GET') return { status: 200, body: ENTITY_FIELDS[entity] };
    if (action !== 'query' && action !== 'query/next') return fail(404, `No HTTP resource was found that matches the request URI '${request.path}'.`);
    if (request.method !== 'POST') return fail(405, "The requested resource does not support http method 'GET'.");
    try {
      return { status: 200, body: this.query(entity, request, apiUrl) };
    } catch (error) {
      if (error instanceof QueryError) return fail(500, error.message);
      throw error;
    }
  }

  private query(entity: Entity, request: FakeRequest, apiUrl: string): AutotaskPage<AutotaskRecord> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const filter = property(body, 'filter');
    if (!Array.isArray(filter) || filter.length === 0) throw new QueryError('A query must include a filter.');
    const fields = this.fields[entity];
    for (const condition of filter) validate(condition, fields, entity);
    const requested = property(body, 'maxRecords') ?? MAX_RECORDS;
    if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1) throw new QueryError('MaxRecords must be a whole number from 1 to 500.');
    const pageSize = Math.min(requested, MAX_RECORDS);

    const cursor = request.query.get('paging');
    const startId = cursor === null ? Number.NEGATIVE_INFINITY : (JSON.parse(cursor) as { nextIds: number[] }).nextIds[0]!;
    const matching = this.records[entity].filter((record) => record.id >= startId && filter.every((condition: AutotaskFilter) => matches(record, condition, fields)));
    const items = matching.slice(0, pageSize);
    const next = matching[pageSize];
    const paging = next && { pageSize, previousIds: [items[0]!.id], nextIds: [next.id] };
    return {
      items,
      pageDetails: {
        count: items.length,
        requestCount: pageSize,
        prevPageUrl: null,
        nextPageUrl: paging ? `${apiUrl}${entity}/query/next?paging=${encodeURIComponent(JSON.stringify(paging))}` : null,
      },
    };
  }
}

function fail(status: number, message: string): FakeResponse {
  return { status, body: { errors: [message] } };
}

/** JSON keys of a query body are case-insensitive at Autotask (`filter`/`Filter`). */
function property(body: Record<string, unknown>, name: string): unknown {
  return Object.entries(body).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

function byId<T extends { id: number }>(records: T[]): T[] {
  return records.toSorted((a, b) => a.id - b.id);
}

function validate(condition: unknown, fields: Map<string, string>, entity: Entity): void {
  const { op, field, items, udf } = (condition ?? {}) as Partial<AutotaskFilter>;
  if (!AUTOTASK_FILTER_OPERATORS.includes(op as AutotaskFilter['op'])) throw new QueryError(`Unsupported filter operator '${String(op)}'.`);
  if (op === 'and' || op === 'or') {
    if (!Array.isArray(items) || items.length === 0) throw new QueryError(`The '${op}' operator needs items.`);
    for (const item of items) validate(item, fields, entity);
    return;
  }
  if (typeof field !== 'string') throw new QueryError(`The '${op}' operator needs a field.`);
  if (!udf && !fields.has(field.toLowerCase())) throw new QueryError(`Unable to find ${field} in the ${entity} entity.`);
}

function matches(record: AutotaskRecord, condition: AutotaskFilter, fields: Map<string, string>): boolean {
  if (condition.op === 'and') return condition.items!.every((item) => matches(record, item, fields));
  if (condition.op === 'or') return condition.items!.some((item) => matches(record, item, fields));
  const actual = condition.udf
    ? record.userDefinedFields?.find((udf) => udf.name.toLowerCase() === condition.field!.toLowerCase())?.value
    : (record as unknown as Record<string, unknown>)[fields.get(condition.field!.toLowerCase())!];
  const present = actual !== null && actual !== undefined && actual !== '';
  const expected = condition.value;
  switch (condition.op) {
    case 'exist':
      return present;
    case 'notExist':
      return !present;
    case 'in':
    case 'notIn': {
      const found = Array.isArray(expected) && expected.some((value) => compare(actual, value) === 0);
      return condition.op === 'in' ? found : !found;
    }
    case 'noteq':
      return compare(actual, expected) !== 0;
    case 'beginsWith':
      return present && String(actual).toLowerCase().startsWith(String(expected).toLowerCase());
    case 'endsWith':
      return present && String(actual).toLowerCase().endsWith(String(expected).toLowerCase());
    case 'contains':
      return present && String(actual).toLowerCase().includes(String(expected).toLowerCase());
    default: {
      const order = compare(actual, expected);
      if (order === null) return false;
      return { eq: order === 0, gt: order > 0, gte: order >= 0, lt: order < 0, lte: order <= 0 }[condition.op]!;
    }
  }
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Numbers as numbers, datetimes as instants (UTC when no zone is given), text without case; null when incomparable. */
function compare(actual: unknown, expected: unknown): number | null {
  if (actual === null || actual === undefined) return null;
  if (typeof actual === 'number' || typeof actual === 'boolean') {
    if (typeof expected !== 'number' && typeof expected !== 'boolean' && typeof expected !== 'string') return null;
    const wanted = Number(expected);
    return Number.isNaN(wanted) ? null : Math.sign(Number(actual) - wanted);
  }
  const text = String(actual);
  if (DATE_TIME.test(text) && typeof expected === 'string' && DATE_TIME.test(expected)) {
    const instant = (value: string) => Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
    return Math.sign(instant(text) - instant(expected));
  }
  return text.toLowerCase().localeCompare(String(expected).toLowerCase());
}

function renderCompany(company: PortfolioCompany): AutotaskCompany {
  const stamp = company.updatedAt.toISOString();
  return {
    id: company.id,
    companyName: company.name,
    companyNumber: String(company.id),
    companyType: COMPANY_TYPES[company.type],
    isActive: company.active,
    webAddress: `www.${company.domain}`,
    createDate: '2020-01-01T00:00:00.000Z',
    lastActivityDate: stamp,
    lastTrackedModifiedDateTime: stamp,
    userDefinedFields: [],
  };
}

function renderContact(contact: Portfolio['contacts'][number]): AutotaskContact {
  return {
    id: contact.id,
    companyID: contact.companyId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    title: contact.title,
    emailAddress: contact.email,
    phone: contact.phone,
    mobilePhone: '',
    isActive: contact.active ? 1 : 0,
    lastActivityDate: contact.updatedAt.toISOString(),
    lastModifiedDate: contact.updatedAt.toISOString(),
    userDefinedFields: [],
  };
}

function renderItem(asset: PortfolioAsset): AutotaskConfigurationItem {
  return {
    id: asset.id,
    companyID: asset.companyId,
    configurationItemType: ITEM_TYPES[asset.kind],
    configurationItemCategoryID: 1,
    referenceTitle: asset.hostname,
    serialNumber: asset.serialNumber,
    isActive: asset.active,
    lastModifiedTime: asset.updatedAt.toISOString(),
    warrantyExpirationDate: asset.warrantyEndsAt.toISOString(),
    rmmDeviceAuditHostname: asset.hostname,
    rmmDeviceAuditOperatingSystem: `${asset.osName} ${asset.osVersion}`,
    rmmDeviceAuditAntivirusStatusID: ANTIVIRUS_STATUSES[asset.antivirusStatus],
    rmmDeviceAuditPatchStatusID: PATCH_STATUSES[asset.patchStatus],
    rmmDeviceAuditMissingPatchCount: asset.missingPatches,
    dattoLastCheckInDateTime: null,
    // Autotask has no standard field for these; MSPs keep them in user-defined fields.
    userDefinedFields: [
      { name: 'Disk Encryption', value: asset.diskEncrypted ? 'Encrypted' : 'Not encrypted' },
      { name: 'Antivirus Product', value: asset.antivirusProduct },
      { name: 'Last Backup', value: asset.lastBackupAt.toISOString() },
    ],
  };
}

function picklist(name: string, labels: Record<number, string>): AutotaskEntityFields['fields'][number] {
  return { name, dataType: 'integer', isPickList: true, picklistValues: Object.entries(labels).map(([value, label]) => ({ value, label, isActive: true })) };
}

const ENTITY_FIELDS: Record<Entity, AutotaskEntityFields> = {
  Companies: { fields: [{ name: 'id', dataType: 'long', isPickList: false }, picklist('companyType', { 1: 'Customer', 2: 'Lead', 3: 'Prospect', 4: 'Dead', 6: 'Cancellation', 7: 'Vendor', 8: 'Partner' })] },
  Contacts: { fields: [{ name: 'id', dataType: 'long', isPickList: false }] },
  ConfigurationItems: {
    fields: [
      { name: 'id', dataType: 'long', isPickList: false },
      picklist('configurationItemType', { 1: 'Workstation', 2: 'Server', 3: 'Network Device', 4: 'Mobile Device', 5: 'Printer' }),
      picklist('rmmDeviceAuditAntivirusStatusID', { 1: 'Active', 2: 'Disabled', 3: 'Outdated' }),
      picklist('rmmDeviceAuditPatchStatusID', { 1: 'Up to date', 2: 'Missing patches' }),
    ],
  },
};
