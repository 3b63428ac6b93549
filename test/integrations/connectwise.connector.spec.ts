import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ConnectorOptions } from '../../src/integrations/connector-definition.js';
import { PsaAuthError, PsaError, PsaRateLimitError, PsaRequestError, PsaUnavailableError } from '../../src/integrations/errors.js';
import { describeConnectwiseError, listConditions, nextPageLink } from '../../src/integrations/connectwise/connectwise.connector.js';
import { connectwiseDefinition, type ConnectwiseConfigDto, type ConnectwiseCredentialsDto } from '../../src/integrations/connectwise/index.js';
import { CONNECTWISE_API_PATH, FAKE_CONNECTWISE_ACCOUNT, FakeConnectwise } from '../../src/demo/psa/fake-connectwise.js';
import { FakePsaServer, type FakeRequest } from '../../src/demo/psa/fake-psa-server.js';
import { generatePortfolio } from '../../src/demo/psa/portfolio.js';
import { pagesOf } from '../support/connector-helpers.js';

/*
 * 2,101 companies, 4,202 contacts and 6,303 configurations: at ConnectWise's 1,000 a page that is
 * 3, 5 and 7 pages, so every list crosses a page boundary and ends on a short last page.
 */
const portfolio = generatePortfolio({ companies: 2101, contactsPerCompany: 2, assetsPerCompany: 3 });
const COMPANIES = /\/company\/companies$/;
const CONTACTS = /\/company\/contacts$/;
const CONFIGURATIONS = /\/company\/configurations$/;

const fake = new FakeConnectwise({ portfolio });
let server: FakePsaServer;

beforeAll(async () => {
  server = await FakePsaServer.start(fake);
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  server.requests.length = 0;
  server.clearFaults();
});

function configFor(target: FakePsaServer, overrides: Partial<ConnectwiseConfigDto> = {}): ConnectwiseConfigDto {
  return { baseUrl: `${target.url}${CONNECTWISE_API_PATH}`, companyId: FAKE_CONNECTWISE_ACCOUNT.companyId, clientId: FAKE_CONNECTWISE_ACCOUNT.clientId, ...overrides };
}

const credentials: ConnectwiseCredentialsDto = { publicKey: FAKE_CONNECTWISE_ACCOUNT.publicKey, privateKey: FAKE_CONNECTWISE_ACCOUNT.privateKey };

/** A connector whose retries take no time; `delays` records every wait it asked for. */
function connect(options: { config?: Partial<ConnectwiseConfigDto>; credentials?: Partial<ConnectwiseCredentialsDto>; fake?: FakePsaServer } & ConnectorOptions = {}) {
  const delays: number[] = [];
  const connector = connectwiseDefinition.create(configFor(options.fake ?? server, options.config), { ...credentials, ...options.credentials }, {
    ...options,
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { connector, delays };
}


const pageNumbers = (requests: FakeRequest[]) => requests.map((request) => request.query.get('page'));
const onPage = (pattern: RegExp, page: number) => (request: FakeRequest) => pattern.test(request.path) && request.query.get('page') === String(page);
/** ConnectWise stamps to the second; the fake renders the portfolio the same way. */
const toSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

describe('ConnectWise connector against the fake ConnectWise', () => {
  it('imports every company, contact and configuration in pages of 1,000 by following Link rel="next"', async () => {
    const { connector } = connect();

    const companyPages = await pagesOf(connector.companies({}));
    const contactPages = await pagesOf(connector.contacts({}));
    const assetPages = await pagesOf(connector.assets({}));

    expect(companyPages.map((page) => page.length)).toEqual([1000, 1000, 101]);
    expect(contactPages.map((page) => page.length)).toEqual([1000, 1000, 1000, 1000, 202]);
    expect(assetPages.map((page) => page.length)).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 303]);
    expect(server.requests).toHaveLength(3 + 5 + 7);
    expect(pageNumbers(server.requestsTo(COMPANIES))).toEqual(['1', '2', '3']);
    expect(pageNumbers(server.requestsTo(CONFIGURATIONS))).toEqual(['1', '2', '3', '4', '5', '6', '7']);

    const first = server.requestsTo(CONTACTS)[0]!;
    expect(first.path).toBe(`${CONNECTWISE_API_PATH}/company/contacts`);
    expect(Object.fromEntries(first.query)).toEqual({ orderBy: 'id asc', pageSize: '1000', page: '1' });
    const basic = Buffer.from(`${FAKE_CONNECTWISE_ACCOUNT.companyId}+${FAKE_CONNECTWISE_ACCOUNT.publicKey}:${FAKE_CONNECTWISE_ACCOUNT.privateKey}`).toString('base64');
    expect(first.headers).toMatchObject({ authorization: `Basic ${basic}`, clientid: FAKE_CONNECTWISE_ACCOUNT.clientId });

    const companies = companyPages.flat();
    expect(new Set(companies.map((company) => company.externalId)).size).toBe(2101);
    for (const expected of portfolio.companies) {
      const company = companies.find((candidate) => candidate.externalId === String(expected.id));
      expect(company).toMatchObject({
        name: expected.name,
        types: [{ client: 'Client', prospect: 'Prospect', vendor: 'Vendor' }[expected.type]],
        active: expected.active,
        domains: [expected.domain],
        updatedAt: toSecond(expected.updatedAt),
      });
    }
    expect(companies.filter((company) => !company.active)).toHaveLength(portfolio.companies.filter((company) => !company.active).length);

    const contacts = new Map(contactPages.flat().map((contact) => [contact.externalId, contact]));
    expect(contacts.size).toBe(4202);
    for (const expected of portfolio.contacts) {
      expect(contacts.get(String(expected.id))).toMatchObject({
        companyExternalId: String(expected.companyId),
        firstName: expected.firstName,
        lastName: expected.lastName,
        email: expected.email,
        phone: expected.phone.replace(/\D/g, ''),
        title: expected.title,
        active: true,
      });
    }

    const assets = new Map(assetPages.flat().map((asset) => [asset.externalId, asset]));
    expect(assets.size).toBe(6303);
    for (const expected of portfolio.assets) {
      expect(assets.get(String(expected.id))).toMatchObject({
        companyExternalId: String(expected.companyId),
        kind: expected.kind,
        hostname: expected.hostname,
        serialNumber: expected.serialNumber,
        osName: expected.osName,
        osVersion: expected.osVersion,
        warrantyEndsAt: toSecond(expected.warrantyEndsAt),
        lastBackupAt: toSecond(expected.lastBackupAt),
        lastSeenAt: toSecond(expected.updatedAt),
        antivirusStatus: null,
        active: true,
      });
    }
  });

  it('asks only for records changed since the window start, filtering on _info/lastUpdated', async () => {
    const { connector } = connect();
    // Fractions of a second are floored: ConnectWise compares whole seconds.
    const changedSince = new Date('2026-08-01T00:00:00.750Z');
    const cutoff = new Date('2026-08-01T00:00:00Z');

    const companies = (await pagesOf(connector.companies({ changedSince }))).flat();
    const contactPages = await pagesOf(connector.contacts({ changedSince }));
    const assets = (await pagesOf(connector.assets({ changedSince }))).flat();

    const changed = <T extends { id: number; updatedAt: Date }>(records: T[]) => records.filter((record) => record.updatedAt >= cutoff).map((record) => String(record.id)).toSorted();
    expect(companies.map((company) => company.externalId).toSorted()).toEqual(changed(portfolio.companies));
    expect(contactPages.flat().map((contact) => contact.externalId).toSorted()).toEqual(changed(portfolio.contacts));
    expect(assets.map((asset) => asset.externalId).toSorted()).toEqual(changed(portfolio.assets));
    expect(companies.length).toBeGreaterThan(0);
    expect(companies.length).toBeLessThan(portfolio.companies.length);
    expect(contactPages.length).toBeGreaterThan(1);

    // Every request, next pages included, carries the filter.
    expect(server.requests.length).toBeGreaterThanOrEqual(4);
    for (const request of server.requests) expect(request.query.get('conditions')).toBe('_info/lastUpdated >= [2026-08-01T00:00:00Z]');
    expect(pageNumbers(server.requestsTo(CONTACTS))).toEqual(contactPages.map((_page, index) => String(index + 1)));
  });

  it('waits out Retry-After on a 429, then carries on from the same page', async () => {
    const { connector, delays } = connect();
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 7 }, { times: 2, matches: onPage(COMPANIES, 2) });

    const companies = (await pagesOf(connector.companies({}))).flat();

    expect(companies).toHaveLength(2101);
    expect(delays).toEqual([7000, 7000]);
    expect(pageNumbers(server.requestsTo(COMPANIES))).toEqual(['1', '2', '2', '2', '3']);
  });

  it('gives up with PsaRateLimitError when the 429s outlast the retry budget', async () => {
    const { connector, delays } = connect();
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 1 }, { times: 50, matches: onPage(COMPANIES, 1) });

    const attempt = pagesOf(connector.companies({}));

    await expect(attempt).rejects.toThrow(PsaRateLimitError);
    await expect(attempt).rejects.toThrow(/ConnectWise rate limit: Injected 429/);
    expect(server.requests).toHaveLength(6);
    expect(delays).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('retries a 5xx with backoff and then succeeds', async () => {
    const { connector, delays } = connect();
    server.inject({ kind: 'status', status: 503 }, { matches: onPage(COMPANIES, 1) });

    const companies = (await pagesOf(connector.companies({}))).flat();

    expect(companies).toHaveLength(2101);
    expect(server.requests).toHaveLength(4);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(250);
    expect(delays[0]).toBeLessThanOrEqual(500);
  });

  it('re-reads a page whose connection dropped mid-response, without duplicates', async () => {
    const { connector, delays } = connect();
    server.inject({ kind: 'drop' }, { matches: onPage(COMPANIES, 2) });

    const pages = await pagesOf(connector.companies({}));
    const ids = pages.flat().map((company) => company.externalId);

    expect(pages.map((page) => page.length)).toEqual([1000, 1000, 101]);
    expect(new Set(ids).size).toBe(2101);
    expect(pageNumbers(server.requestsTo(COMPANIES))).toEqual(['1', '2', '2', '3']);
    expect(delays).toHaveLength(1);
  });

  it('retries a malformed JSON body once, and fails with PsaUnavailableError when it persists', async () => {
    const recovering = connect();
    server.inject({ kind: 'malformed' }, { matches: onPage(CONFIGURATIONS, 3) });
    expect((await pagesOf(recovering.connector.assets({}))).flat()).toHaveLength(6303);
    expect(server.requestsTo(CONFIGURATIONS)).toHaveLength(8);
    expect(recovering.delays).toHaveLength(1);

    server.requests.length = 0;
    const failing = connect();
    server.inject({ kind: 'malformed' }, { times: 6, matches: onPage(CONFIGURATIONS, 1) });
    const attempt = pagesOf(failing.connector.assets({}));
    await expect(attempt).rejects.toThrow(PsaUnavailableError);
    await expect(attempt).rejects.toThrow(/not valid JSON/);
    expect(server.requests).toHaveLength(6);
  });

  it('fails at once with PsaAuthError and ConnectWise\'s message for wrong keys or a missing or unknown clientId', async () => {
    const wrongKey = connect({ credentials: { privateKey: 'not-the-key' } }).connector;
    await expect(pagesOf(wrongKey.companies({}))).rejects.toThrow(new PsaAuthError('ConnectWise refused the credentials (401): UserNotAuthenticated'));

    const wrongCompany = connect({ config: { companyId: 'someoneelse' } }).connector;
    await expect(wrongCompany.testConnection()).rejects.toThrow(/UserNotAuthenticated/);

    const noClientId = connect({ config: { clientId: '' } }).connector;
    await expect(noClientId.testConnection()).rejects.toThrow(new PsaAuthError('ConnectWise refused the credentials (401): A clientId header is required. Register an integration at https://developer.connectwise.com/ClientID'));

    const unknownClientId = connect({ config: { clientId: '00000000-0000-4000-8000-000000000000' } }).connector;
    const failure = await unknownClientId.testConnection().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PsaAuthError);
    expect((failure as PsaAuthError).status).toBe(401);
    expect((failure as PsaAuthError).message).toMatch(/clientId 00000000-0000-4000-8000-000000000000 is not registered/);

    // Auth failures are never retried.
    expect(server.requests).toHaveLength(4);
  });

  it('tests the connection with /system/info and reports what ConnectWise says about itself', async () => {
    const { connector } = connect();

    await expect(connector.testConnection()).resolves.toEqual({ detail: 'ConnectWise Manage v2024.1.108975, cloud, Eastern Standard Time' });
    expect(server.requests.map((request) => request.path)).toEqual([`${CONNECTWISE_API_PATH}/system/info`]);
  });
});

describe('ConnectWise connector on a small portfolio', () => {
  // Seven configurations a company cover every portfolio kind (workstation ×3, server, network, mobile, other).
  const small = generatePortfolio({ companies: 4, contactsPerCompany: 1, assetsPerCompany: 7, seed: 7 });
  let smallServer: FakePsaServer;
  beforeAll(async () => {
    smallServer = await FakePsaServer.start(new FakeConnectwise({ portfolio: small }));
  });
  afterAll(async () => {
    await smallServer.stop();
  });

  it('tells asset kinds from configuration type names and reads RMM data through the field mapping', async () => {
    const { connector } = connect({
      fake: smallServer,
      fieldMapping: {
        antivirusProduct: { customField: 'Antivirus Product' },
        antivirusStatus: { customField: 'Antivirus Status' },
        lastSeenAt: { customField: 'Last Check-In' },
        patchStatus: { customField: 'Patch Status' },
        missingPatches: { customField: 'Missing Patches' },
        diskEncrypted: { customField: 'BitLocker Enabled?' },
      },
    });

    const assets = (await pagesOf(connector.assets({}))).flat();

    expect(assets).toHaveLength(28);
    expect(smallServer.requests).toHaveLength(1);
    for (const expected of small.assets) {
      expect(assets.find((asset) => asset.externalId === String(expected.id))).toMatchObject({
        kind: expected.kind,
        antivirusProduct: expected.antivirusProduct,
        antivirusStatus: expected.antivirusStatus,
        lastSeenAt: toSecond(expected.lastSeenAt),
        patchStatus: expected.patchStatus,
        missingPatches: expected.missingPatches,
        diskEncrypted: expected.diskEncrypted,
      });
    }
  });
});

describe('ConnectWise connector and next-page links', () => {
  let strayServer: FakePsaServer;
  beforeAll(async () => {
    const portfolioOfTwoPages = generatePortfolio({ companies: 1001, contactsPerCompany: 0, assetsPerCompany: 0 });
    strayServer = await FakePsaServer.start(new FakeConnectwise({ portfolio: portfolioOfTwoPages, linkOrigin: 'http://cw-internal.example:8080' }));
  });
  afterAll(async () => {
    await strayServer.stop();
  });

  it('never sends the credentials to a host other than the configured one', async () => {
    const { connector } = connect({ fake: strayServer });

    const attempt = pagesOf(connector.companies({}));

    await expect(attempt).rejects.toThrow(PsaError);
    await expect(attempt).rejects.toThrow(/next-page link to http:\/\/cw-internal\.example:8080/);
    expect(strayServer.requests).toHaveLength(1);
  });
});

describe('the fake ConnectWise is as strict as the real one', () => {
  const account = FAKE_CONNECTWISE_ACCOUNT;
  const headers = {
    Authorization: `Basic ${Buffer.from(`${account.companyId}+${account.publicKey}:${account.privateKey}`).toString('base64')}`,
    clientId: account.clientId,
  };
  const list = (query: string) => fetch(`${server.url}${CONNECTWISE_API_PATH}/company/companies?${query}`, { headers });

  it('caps pageSize at 1,000 and pages 25 at a time when it is left out', async () => {
    const capped = await list('pageSize=5000');
    expect(((await capped.json()) as unknown[]).length).toBe(1000);
    expect(capped.headers.get('link')).toContain('rel="next"');

    const defaulted = await list('page=85');
    expect(((await defaulted.json()) as unknown[]).length).toBe(1);
    expect(defaulted.headers.get('link')).not.toContain('rel="next"');
    expect(defaulted.headers.get('link')).toContain('rel="prev"');
  });

  it('answers conditions it cannot parse, or fields it does not have, with ConnectWise\'s 400 body', async () => {
    // types is a list: ConnectWise filters it with childConditions, not conditions.
    for (const conditions of ['lastUpdated > 2026-01-01', 'name=\'Acme\'', 'favouriteColour="blue"', 'types/name="Client"', 'id in (1,2)', '(deletedFlag=false']) {
      const response = await list(new URLSearchParams({ conditions }).toString());
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'InvalidObject', errors: [{ field: 'conditions' }] });
    }
    const combined = await list(new URLSearchParams({ conditions: 'deletedFlag=false and (status/name="Inactive" or name like "%Dental%") and LastUpdated >= [2026-01-01T00:00:00Z]', pageSize: '1000' }).toString());
    expect(combined.status).toBe(200);
    const expected = fake
      .records('company')
      .filter((company) => company.deletedFlag === false && ((company.status as { name: string }).name === 'Inactive' || String(company.name).includes('Dental')))
      .map((company) => company.id);
    expect(expected.length).toBeGreaterThan(10);
    expect(((await combined.json()) as { id: number }[]).map((company) => company.id)).toEqual(expected);
  });

  it('turns a 400 into PsaRequestError carrying ConnectWise\'s text, without retrying', async () => {
    const { connector, delays } = connect();
    server.inject({ kind: 'status', status: 400 });

    await expect(pagesOf(connector.companies({}))).rejects.toThrow(new PsaRequestError('ConnectWise rejected the request (400): Injected 400'));
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe('ConnectWise wire details', () => {
  it('finds rel="next" among the other relations, and nothing on a last page', () => {
    const base = 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0/company/companies?conditions=id%20in%20(1%2C2)&pageSize=2';
    expect(nextPageLink(`<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=1>; rel="first", <${base}&page=9>; rel="last"`)).toBe(`${base}&page=3`);
    expect(nextPageLink(`<${base}&page=8>; rel="prev", <${base}&page=1>; rel="first"`)).toBeNull();
    expect(nextPageLink(undefined)).toBeNull();
    expect(nextPageLink('')).toBeNull();
  });

  it('reads ConnectWise error bodies, field errors included, and nothing else', () => {
    expect(describeConnectwiseError(401, { code: 'ConnectWiseApi', message: 'UserNotAuthenticated', errors: null })).toBe('UserNotAuthenticated');
    expect(
      describeConnectwiseError(400, {
        code: 'InvalidObject',
        message: 'Company object is invalid',
        errors: [{ code: 'ObjectExists', message: 'Company ID already in use.', resource: 'company', field: 'identifier' }, { code: 'Other', message: 'Company object is invalid' }],
      }),
    ).toBe('Company object is invalid (identifier: Company ID already in use.)');
    expect(describeConnectwiseError(404, { code: 'NotFound', message: '' })).toBe('NotFound');
    expect(describeConnectwiseError(429, '<html>Cloudflare</html>')).toBeUndefined();
    expect(describeConnectwiseError(500, [])).toBeUndefined();
  });

  it('filters a window on _info/lastUpdated to the whole second, and a full sync not at all', () => {
    expect(listConditions({ changedSince: new Date('2026-03-04T05:06:07.999Z') })).toBe('_info/lastUpdated >= [2026-03-04T05:06:07Z]');
    expect(listConditions({})).toBeUndefined();
  });
});

describe('ConnectWise settings', () => {
  const configErrors = async (config: Record<string, string>) =>
    (await validate(plainToInstance(connectwiseDefinition.configType, config))).map((error) => error.property);
  const valid = { baseUrl: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0', companyId: 'harbormsp', clientId: FAKE_CONNECTWISE_ACCOUNT.clientId };

  it('accepts a cloud API root and a loopback fake, and refuses the site address without /apis/3.0', async () => {
    expect(await configErrors(valid)).toEqual([]);
    expect(await configErrors({ ...valid, baseUrl: `http://127.0.0.1:4010${CONNECTWISE_API_PATH}/` })).toEqual([]);
    expect(await configErrors({ ...valid, baseUrl: 'https://na.myconnectwise.net' })).toEqual(['baseUrl']);
  });

  it('refuses what would break the Basic credentials or is not a clientId', async () => {
    expect(await configErrors({ ...valid, companyId: 'harbor+msp', clientId: 'my-client' })).toEqual(['companyId', 'clientId']);
    const credentialErrors = await validate(plainToInstance(connectwiseDefinition.credentialsType, { publicKey: 'ab:cd', privateKey: '' }));
    expect(credentialErrors.map((error) => error.property)).toEqual(['publicKey', 'privateKey']);
  });
});
