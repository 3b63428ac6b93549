import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AutotaskConfigDto } from '../../src/integrations/autotask/autotask.settings.js';
import { autotaskDefinition } from '../../src/integrations/autotask/index.js';
import type { ConnectorOptions } from '../../src/integrations/connector-definition.js';
import { PsaAuthError, PsaRateLimitError, PsaUnavailableError } from '../../src/integrations/errors.js';
import type { PsaConnector } from '../../src/integrations/psa-connector.js';
import { FAKE_AUTOTASK_USER, FakeAutotask } from '../fakes/autotask/fake-autotask.js';
import { FakePsaServer, type FakeRequest } from '../../src/demo/psa/fake-psa-server.js';
import { generatePortfolio } from '../../src/demo/psa/portfolio.js';
import { pagesOf } from '../support/connector-helpers.js';

// 1,100 companies, 2,200 contacts and 3,300 items: 3, 5 and 7 pages of at most 500.
const portfolio = generatePortfolio({ companies: 1_100 });
const TYPE_NAMES = { client: 'Customer', prospect: 'Prospect', vendor: 'Vendor' } as const;

let vendor: FakeAutotask;
let server: FakePsaServer;
let delays: number[];

beforeEach(async () => {
  vendor = new FakeAutotask(portfolio);
  server = await FakePsaServer.start(vendor);
  delays = [];
});
afterEach(async () => {
  await server.stop();
});

function connect(overrides: Partial<typeof FAKE_AUTOTASK_USER> = {}, options: ConnectorOptions = {}): PsaConnector {
  const user = { ...FAKE_AUTOTASK_USER, ...overrides };
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return autotaskDefinition.create({ baseUrl: server.url, username: user.username, integrationCode: user.integrationCode }, { secret: user.secret }, { sleep, ...options });
}


async function all<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  return (await pagesOf(pages)).flat();
}

const zoneLookups = () => server.requestsTo(/^\/atservicesrest\/v1\.0\/zoneinformation$/i);
const queries = (entity: string) => server.requestsTo(new RegExp(`/V1\\.0/${entity}/query(/next)?$`, 'i'));
const unique = (ids: string[]) => new Set(ids).size;
const isCompanyQuery = (request: FakeRequest) => /\/Companies\/query/i.test(request.path);

describe('Autotask connector', () => {
  it('lists every company, contact and item over keyset pages, re-POSTing the filter, without the zero account', async () => {
    const connector = connect();
    const companyPages = await pagesOf(connector.companies({}));
    const contactPages = await pagesOf(connector.contacts({}));
    const assetPages = await pagesOf(connector.assets({}));

    expect(companyPages.map((page) => page.length)).toEqual([500, 500, 100]);
    expect(contactPages.map((page) => page.length)).toEqual([500, 500, 500, 500, 200]);
    expect(assetPages.map((page) => page.length)).toEqual([500, 500, 500, 500, 500, 500, 300]);
    const companies = companyPages.flat();
    expect(unique(companies.map((company) => company.externalId))).toBe(1_100);
    expect(companies.some((company) => company.externalId === '0')).toBe(false);
    expect(contactPages.flat().every((contact) => contact.companyExternalId !== '0')).toBe(true);

    // One zone lookup, two picklist reads, one threshold look and one request per page: 19 in all.
    expect(zoneLookups()).toHaveLength(1);
    expect(zoneLookups()[0]!.headers.secret).toBeUndefined();
    expect(queries('Companies')).toHaveLength(3);
    expect(queries('Contacts')).toHaveLength(5);
    expect(queries('ConfigurationItems')).toHaveLength(7);
    expect(server.requestsTo(/entityInformation\/fields$/i).map((request) => request.path)).toEqual(['/ATServicesRest/V1.0/Companies/entityInformation/fields', '/ATServicesRest/V1.0/ConfigurationItems/entityInformation/fields']);
    expect(server.requestsTo(/ThresholdInformation$/i)).toHaveLength(1);
    expect(server.requests).toHaveLength(19);

    const expectedFilters = {
      Companies: [{ op: 'gt', field: 'id', value: 0 }],
      Contacts: [{ op: 'gt', field: 'companyID', value: 0 }],
      ConfigurationItems: [{ op: 'gt', field: 'companyID', value: 0 }],
    };
    for (const [entity, filter] of Object.entries(expectedFilters)) {
      const sent = queries(entity);
      expect(sent.map((request) => request.method)).toEqual(sent.map(() => 'POST'));
      expect(sent.map((request) => request.body)).toEqual(sent.map(() => ({ MaxRecords: 500, filter })));
      expect(sent.slice(1).every((request) => request.path.endsWith('/query/next') && request.query.has('paging'))).toBe(true);
    }
    for (const request of server.requests.filter((candidate) => !zoneLookups().includes(candidate))) {
      expect(request.headers).toMatchObject({ apiintegrationcode: FAKE_AUTOTASK_USER.integrationCode, username: FAKE_AUTOTASK_USER.username, secret: FAKE_AUTOTASK_USER.secret });
    }
  });

  it('normalises every record as the portfolio has it', async () => {
    const connector = connect();
    const companies = new Map((await all(connector.companies({}))).map((company) => [company.externalId, company]));
    for (const source of portfolio.companies) {
      expect(companies.get(String(source.id))).toMatchObject({ name: source.name, types: [TYPE_NAMES[source.type]], active: source.active, domains: [source.domain], updatedAt: source.updatedAt, status: null });
    }
    const contacts = new Map((await all(connector.contacts({}))).map((contact) => [contact.externalId, contact]));
    for (const source of portfolio.contacts) {
      expect(contacts.get(String(source.id))).toMatchObject({ companyExternalId: String(source.companyId), firstName: source.firstName, lastName: source.lastName, email: source.email, phone: source.phone, title: source.title, active: true });
    }
    const assets = new Map((await all(connector.assets({}))).map((asset) => [asset.externalId, asset]));
    expect(assets.size).toBe(portfolio.assets.length);
    for (const source of portfolio.assets) {
      expect(assets.get(String(source.id))).toMatchObject({
        companyExternalId: String(source.companyId),
        kind: source.kind,
        hostname: source.hostname,
        serialNumber: source.serialNumber,
        osName: source.osName,
        osVersion: source.osVersion,
        antivirusStatus: source.antivirusStatus,
        patchStatus: source.patchStatus,
        missingPatches: source.missingPatches,
        warrantyEndsAt: source.warrantyEndsAt,
        updatedAt: source.updatedAt,
        active: true,
        diskEncrypted: null,
      });
    }
  });

  it('syncs incrementally: only records changed since, asked with the last-modified filter on every page', async () => {
    const changedSince = new Date('2026-09-01T00:00:00Z');
    const connector = connect();
    const companies = await all(connector.companies({ changedSince }));
    const contacts = await all(connector.contacts({ changedSince }));
    const assets = await all(connector.assets({ changedSince }));

    const changed = <T extends { id: number; updatedAt: Date }>(records: T[]) => records.filter((record) => record.updatedAt >= changedSince).map((record) => String(record.id)).toSorted();
    expect(companies.map((company) => company.externalId).toSorted()).toEqual(changed(portfolio.companies));
    expect(contacts.map((contact) => contact.externalId).toSorted()).toEqual(changed(portfolio.contacts));
    expect(assets.map((asset) => asset.externalId).toSorted()).toEqual(changed(portfolio.assets));
    expect(assets.length).toBeGreaterThan(500);
    expect(companies.length).toBeLessThan(portfolio.companies.length / 2);

    const value = '2026-09-01T00:00:00.000';
    const companyFilter = [{ op: 'gt', field: 'id', value: 0 }, { op: 'or', items: [{ op: 'gte', field: 'lastTrackedModifiedDateTime', value }, { op: 'gte', field: 'lastActivityDate', value }] }];
    expect(queries('Companies').map((request) => request.body)).toEqual([{ MaxRecords: 500, filter: companyFilter }]);
    expect(queries('Contacts').map((request) => request.body)).toEqual([{ MaxRecords: 500, filter: [{ op: 'gt', field: 'companyID', value: 0 }, { op: 'gte', field: 'lastModifiedDate', value }] }]);
    const itemQueries = queries('ConfigurationItems');
    expect(itemQueries).toHaveLength(2);
    expect(itemQueries.map((request) => request.body)).toEqual(itemQueries.map(() => ({ MaxRecords: 500, filter: [{ op: 'gt', field: 'companyID', value: 0 }, { op: 'gte', field: 'lastModifiedTime', value }] })));
  });

  it('waits out a 429 for as long as Retry-After says', async () => {
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 7 }, { times: 2, matches: isCompanyQuery });
    const companies = await all(connect().companies({}));
    expect(unique(companies.map((company) => company.externalId))).toBe(1_100);
    expect(delays).toEqual([7_000, 7_000]);
    expect(queries('Companies')).toHaveLength(5);
  });

  it('gives up on a storm of 429s with a rate-limit error', async () => {
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 1 }, { times: 100, matches: isCompanyQuery });
    await expect(all(connect().companies({}))).rejects.toThrow(PsaRateLimitError);
    await expect(all(connect().companies({}))).rejects.toThrow(/Autotask rate limit: Injected 429/);
    // Six attempts each, five waits of a second between them.
    expect(delays).toEqual(Array.from({ length: 10 }, () => 1_000));
  });

  it('retries a 5xx and carries on from the same cursor', async () => {
    server.inject({ kind: 'status', status: 503 }, { times: 2, matches: (request) => /\/Contacts\/query\/next$/i.test(request.path) });
    const contacts = await all(connect().contacts({}));
    expect(contacts).toHaveLength(2_200);
    expect(unique(contacts.map((contact) => contact.externalId))).toBe(2_200);
    expect(delays).toHaveLength(2);
    expect(queries('Contacts')).toHaveLength(7);
  });

  it('survives a connection dropped mid-page without duplicates', async () => {
    server.inject({ kind: 'drop' }, { matches: (request) => /\/ConfigurationItems\/query\/next$/i.test(request.path) });
    const assets = await all(connect().assets({}));
    expect(assets).toHaveLength(3_300);
    expect(unique(assets.map((asset) => asset.externalId))).toBe(3_300);
    expect(queries('ConfigurationItems')).toHaveLength(8);
  });

  it('retries malformed JSON, and fails as unavailable when it persists', async () => {
    server.inject({ kind: 'malformed' }, { matches: isCompanyQuery });
    expect(await all(connect().companies({}))).toHaveLength(1_100);

    server.inject({ kind: 'malformed' }, { times: 100, matches: isCompanyQuery });
    const failure = all(connect({}, { retry: { maxAttempts: 3 } }).companies({}));
    await expect(failure).rejects.toThrow(PsaUnavailableError);
    await expect(failure).rejects.toThrow(/not valid JSON/);
  });

  it("refuses a wrong secret at once with Autotask's message", async () => {
    const failure = connect({ secret: 'wrong' }).companies({});
    await expect(all(failure)).rejects.toThrow(PsaAuthError);
    const error = await connect({ secret: 'wrong' }).testConnection().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PsaAuthError);
    expect((error as PsaAuthError).message).toBe('Autotask refused the credentials (401): Invalid credentials: the secret does not match the user.');
    expect((error as PsaAuthError).status).toBe(401);
    expect(delays).toEqual([]);
    // Per connector: the zone lookup, the refused call, one more lookup in case the tenant moved.
    expect(zoneLookups()).toHaveLength(4);
    expect(server.requests).toHaveLength(6);
  });

  it("reads Autotask's 500s for an unknown username or integration code as credentials errors", async () => {
    const badUser = await connect({ username: 'nobody@fake-msp.example' }, { retry: { maxAttempts: 2 } }).testConnection().catch((caught: unknown) => caught);
    expect(badUser).toBeInstanceOf(PsaAuthError);
    expect((badUser as Error).message).toMatch(/Zone information could not be determined/);

    const badCode = await connect({ integrationCode: 'NOT-OURS' }, { retry: { maxAttempts: 2 } }).testConnection().catch((caught: unknown) => caught);
    expect(badCode).toBeInstanceOf(PsaAuthError);
    expect((badCode as Error).message).toMatch(/IntegrationCode is invalid\./);
  });

  it('never has more than 3 requests in flight, however many listings run at once', async () => {
    vendor.latencyMs = 15;
    const connector = connect();
    const results = await Promise.all([all(connector.companies({})), all(connector.contacts({})), all(connector.assets({})), all(connector.companies({})), all(connector.contacts({}))]);
    expect(results.map((records) => records.length)).toEqual([1_100, 2_200, 3_300, 1_100, 2_200]);
    expect(vendor.maxInFlight).toBe(3);
    expect(vendor.threadLimitRejections).toBe(0);
    expect(zoneLookups()).toHaveLength(1);
  });

  it('tests the connection with the zone and a cheap authenticated call', async () => {
    const result = await connect().testConnection();
    expect(result.detail).toBe(`Autotask zone America East 3 (${server.url}/ATServicesRest/V1.0/); 125 of 10,000 API requests used in the current 60-minute window`);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /atservicesrest/v1.0/zoneInformation', 'GET /ATServicesRest/V1.0/ThresholdInformation']);
    expect(zoneLookups()[0]!.query.get('user')).toBe(FAKE_AUTOTASK_USER.username);
  });

  it('stops before querying when the database has nearly spent its hourly threshold', async () => {
    vendor.requestsUsedElsewhere = 9_000;
    await expect(all(connect().companies({}))).rejects.toThrow(
      new PsaRateLimitError("Autotask request threshold nearly reached: 9,002 of 10,000 API requests used in the current 60-minute window; stopping to leave the rest to the database's other integrations"),
    );
    expect(queries('Companies')).toHaveLength(0);
  });

  it('looks at the threshold again every 50 pages and stops mid-run once it is nearly spent', async () => {
    const smallVendor = new FakeAutotask(generatePortfolio({ companies: 10 }));
    const smallServer = await FakePsaServer.start(smallVendor);
    try {
      const connector = autotaskDefinition.create({ baseUrl: smallServer.url, username: FAKE_AUTOTASK_USER.username, integrationCode: FAKE_AUTOTASK_USER.integrationCode }, { secret: FAKE_AUTOTASK_USER.secret });
      for (let listing = 0; listing < 50; listing++) expect(await all(connector.companies({}))).toHaveLength(10);
      expect(smallServer.requestsTo(/ThresholdInformation$/i)).toHaveLength(1);
      smallVendor.requestsUsedElsewhere = 9_500;
      await expect(all(connector.companies({}))).rejects.toThrow(PsaRateLimitError);
      expect(smallServer.requestsTo(/ThresholdInformation$/i)).toHaveLength(2);
      expect(smallServer.requestsTo(/\/Companies\/query/i)).toHaveLength(50);
    } finally {
      await smallServer.stop();
    }
  });

  it('follows the tenant to a new zone when the old one starts answering 401, mid-listing', async () => {
    const connector = connect();
    const pages: string[][] = [];
    for await (const page of connector.companies({})) {
      pages.push(page.map((company) => company.externalId));
      if (pages.length === 1) vendor.moveZone();
    }
    expect(unique(pages.flat())).toBe(1_100);
    expect(pages.flat()).toHaveLength(1_100);
    expect(zoneLookups()).toHaveLength(2);
    expect(queries('Companies').map((request) => request.path)).toEqual([
      '/ATServicesRest/V1.0/Companies/query',
      '/ATServicesRest/V1.0/Companies/query/next',
      '/zone2/ATServicesRest/V1.0/Companies/query/next',
      '/zone2/ATServicesRest/V1.0/Companies/query/next',
    ]);
  });

  it('reads mapped asset fields from user-defined fields', async () => {
    const connector = connect({}, { fieldMapping: { diskEncrypted: { customField: 'Disk Encryption' }, antivirusProduct: { customField: 'antivirus product' }, lastBackupAt: { customField: 'Last Backup' } } });
    const assets = new Map((await all(connector.assets({}))).map((asset) => [asset.externalId, asset]));
    for (const source of portfolio.assets) {
      expect(assets.get(String(source.id))).toMatchObject({ diskEncrypted: source.diskEncrypted, antivirusProduct: source.antivirusProduct, lastBackupAt: source.lastBackupAt });
    }
  });
});

describe('Autotask definition', () => {
  it('accepts a loopback discovery host and the Autotask defaults, and refuses what is not a URL', async () => {
    expect(autotaskDefinition).toMatchObject({ kind: 'autotask', label: 'Autotask PSA', defaultClientTypes: ['Customer'] });
    const config = (baseUrl: string) => plainToInstance(AutotaskConfigDto, { baseUrl, username: FAKE_AUTOTASK_USER.username, integrationCode: 'CODE' });
    expect(await validate(config('http://127.0.0.1:4321'))).toEqual([]);
    expect(await validate(config('https://webservices.autotask.net'))).toEqual([]);
    expect((await validate(config('webservices.autotask.net'))).map((error) => error.property)).toEqual(['baseUrl']);
  });
});

describe('fake Autotask', () => {
  const headers = { ApiIntegrationCode: FAKE_AUTOTASK_USER.integrationCode, UserName: FAKE_AUTOTASK_USER.username, Secret: FAKE_AUTOTASK_USER.secret, 'Content-Type': 'application/json' };
  const post = (path: string, body: unknown, extra: Record<string, string> = headers) => fetch(`${server.url}${path}`, { method: 'POST', headers: extra, body: JSON.stringify(body) });

  it('is as strict as Autotask: a filter is required, fields and operators are checked, pages cap at 500', async () => {
    const noFilter = await post('/ATServicesRest/V1.0/Companies/query', { MaxRecords: 10 });
    expect([noFilter.status, await noFilter.json()]).toEqual([500, { errors: ['A query must include a filter.'] }]);
    const badField = await post('/ATServicesRest/V1.0/Companies/query', { filter: [{ op: 'eq', field: 'colour', value: 1 }] });
    expect([badField.status, await badField.json()]).toEqual([500, { errors: ['Unable to find colour in the Companies entity.'] }]);
    const badOp = await post('/ATServicesRest/V1.0/Companies/query', { filter: [{ op: 'like', field: 'id', value: 1 }] });
    expect(badOp.status).toBe(500);

    const page = (await (await post('/ATServicesRest/V1.0/companies/QUERY', { MaxRecords: 1_000, Filter: [{ op: 'exist', field: 'ID' }] })).json()) as { items: unknown[]; pageDetails: { nextPageUrl: string; requestCount: number } };
    expect(page.items).toHaveLength(500);
    expect(page.pageDetails.requestCount).toBe(500);
    const nextByGet = await fetch(page.pageDetails.nextPageUrl, { headers });
    expect(nextByGet.status).toBe(405);
  });

  it('answers 401 when a credential header is missing', async () => {
    const { Secret: _secret, ...withoutSecret } = headers;
    const refused = await post('/ATServicesRest/V1.0/Companies/query', { filter: [{ op: 'gte', field: 'id', value: 0 }] }, withoutSecret);
    expect([refused.status, await refused.json()]).toEqual([401, { errors: ['The ApiIntegrationCode, UserName and Secret headers are required.'] }]);
  });
});
