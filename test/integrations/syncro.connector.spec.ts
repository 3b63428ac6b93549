import { afterEach, describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ConnectorOptions } from '../../src/integrations/connector-definition.js';
import { PsaAuthError, PsaRateLimitError, PsaRequestError, PsaUnavailableError } from '../../src/integrations/errors.js';
import { RequestLimiter } from '../../src/integrations/http/request-limiter.js';
import { syncroDefinition } from '../../src/integrations/syncro/index.js';
import { SYNCRO_RATE_LIMIT, SyncroConnector } from '../../src/integrations/syncro/syncro.connector.js';
import { SyncroConfigDto, SyncroCredentialsDto } from '../../src/integrations/syncro/syncro.settings.js';
import { FakePsaServer, type FakeRequest } from '../../src/demo/psa/fake-psa-server.js';
import { generatePortfolio, type Portfolio, type PortfolioAsset } from '../../src/demo/psa/portfolio.js';
import { FakeSyncro, SYNCRO_API_PATH, SYNCRO_NOT_AUTHORIZED } from '../fakes/syncro/fake-syncro.js';
import { pagesOf, recordingSleep } from '../support/connector-helpers.js';

const API_KEY = 'T3st-Syncro-Key-0001';
// 70 customers, 140 contacts and 490 assets (seven per company: every asset kind): 3, 6 and 20 pages of Syncro's fixed 25.
const portfolio = generatePortfolio({ companies: 70, contactsPerCompany: 2, assetsPerCompany: 7 });
const FULL_SYNC_REQUESTS = 3 + 6 + 20;

/** The fake the current test started, stopped after it. */
let runningServer: FakePsaServer | undefined;
afterEach(async () => {
  await runningServer?.stop();
  runningServer = undefined;
});

async function startFake(options: { portfolio?: Portfolio; now?: () => number } = {}): Promise<{ server: FakePsaServer; fake: FakeSyncro }> {
  const fake = new FakeSyncro({ portfolio: options.portfolio ?? portfolio, apiKey: API_KEY, now: options.now });
  runningServer = await FakePsaServer.start(fake);
  return { server: runningServer, fake };
}

function connectTo(fakeServer: FakePsaServer, options: { apiKey?: string; path?: string; connector?: ConnectorOptions; limiter?: RequestLimiter } = {}): SyncroConnector {
  return new SyncroConnector({ baseUrl: `${fakeServer.url}${options.path ?? SYNCRO_API_PATH}` }, { apiKey: options.apiKey ?? API_KEY }, options.connector, options.limiter);
}



const describeRequest = (request: FakeRequest) => `${request.path}?${request.query.toString()}`;
const onPage = (path: string, page: number) => (request: FakeRequest) => request.path === `${SYNCRO_API_PATH}/${path}` && request.query.get('page') === String(page);
const ids = (records: { id: number }[]) => records.map((record) => String(record.id));

/** What the mapper must make of a portfolio asset the fake rendered as an agent device. */
function expectedAgentFields(asset: PortfolioAsset) {
  return {
    osName: asset.osName,
    osVersion: asset.osVersion,
    hostname: asset.hostname,
    lastSeenAt: asset.lastSeenAt,
    antivirusStatus: asset.antivirusStatus === 'Active' ? 'Antivirus detected' : 'No antivirus detected',
    patchStatus: asset.patchStatus,
    missingPatches: asset.missingPatches,
  };
}

describe('Syncro connector', () => {
  it('reads every page of customers, contacts and assets until meta.total_pages', async () => {
    const { server } = await startFake();
    const connector = connectTo(server);

    const companyPages = await pagesOf(connector.companies({}));
    expect(companyPages.map((page) => page.length)).toEqual([25, 25, 20]);
    const companies = companyPages.flat();
    expect(companies.map((company) => company.externalId)).toEqual(ids(portfolio.companies));
    const inactive = portfolio.companies.filter((company) => !company.active);
    expect(inactive.length).toBeGreaterThan(0);
    expect(companies.filter((company) => !company.active).map((company) => company.externalId)).toEqual(ids(inactive));
    expect(companies[0]).toMatchObject({ name: portfolio.companies[0]!.name, types: ['Business'], domains: [portfolio.companies[0]!.domain], updatedAt: portfolio.companies[0]!.updatedAt });

    const contactPages = await pagesOf(connector.contacts({}));
    expect(contactPages.map((page) => page.length)).toEqual([25, 25, 25, 25, 25, 15]);
    const contacts = contactPages.flat();
    expect(contacts.map((contact) => contact.externalId)).toEqual(ids(portfolio.contacts));
    expect(contacts[0]).toMatchObject({ companyExternalId: '1000', firstName: 'First0', lastName: 'Last1000', title: 'Office Manager', email: 'user0@c1000.example' });

    const assetPages = await pagesOf(connector.assets({}));
    expect(assetPages.map((page) => page.length)).toEqual([...Array<number>(19).fill(25), 15]);
    const assets = assetPages.flat();
    expect(assets.map((asset) => asset.externalId)).toEqual(ids(portfolio.assets));
    expect(assets.map((asset) => asset.kind)).toEqual(portfolio.assets.map((asset) => asset.kind));
    expect(new Set(assets.map((asset) => asset.kind))).toEqual(new Set(['workstation', 'server', 'network', 'mobile', 'other']));
    portfolio.assets.forEach((expected, index) => {
      if (expected.kind === 'workstation' || expected.kind === 'server') expect(assets[index]).toMatchObject(expectedAgentFields(expected));
      else expect(assets[index]).toMatchObject({ osName: null, antivirusStatus: null, patchStatus: null });
    });

    expect(connector.requestCount).toBe(FULL_SYNC_REQUESTS);
    expect(server.requests.map(describeRequest)).toEqual([
      ...[1, 2, 3].map((page) => `${SYNCRO_API_PATH}/customers?page=${page}&include_disabled=true`),
      ...[1, 2, 3, 4, 5, 6].map((page) => `${SYNCRO_API_PATH}/contacts?page=${page}`),
      ...Array.from({ length: 20 }, (_, index) => `${SYNCRO_API_PATH}/customer_assets?page=${index + 1}`),
    ]);
    expect(new Set(server.requests.map((request) => request.headers.authorization))).toEqual(new Set([`Bearer ${API_KEY}`]));
  });

  it('syncs incrementally by updated_at on the client, since Syncro offers no changed-since filter', async () => {
    const { server } = await startFake();
    const connector = connectTo(server);
    const since = new Date('2026-06-01T00:00:00Z');
    const changed = <T extends { updatedAt: Date }>(records: T[]) => records.filter((record) => record.updatedAt >= since);

    const companies = (await pagesOf(connector.companies({ changedSince: since }))).flat();
    const contacts = (await pagesOf(connector.contacts({ changedSince: since }))).flat();
    const assets = (await pagesOf(connector.assets({ changedSince: since }))).flat();

    for (const [got, all] of [
      [companies, portfolio.companies],
      [contacts, portfolio.contacts],
      [assets, portfolio.assets],
    ] as const) {
      const expected = changed<{ id: number; updatedAt: Date }>(all);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      expect(got.map((record) => record.externalId)).toEqual(ids(expected));
    }
    // Every page is still read: the filter cannot be pushed to Syncro.
    expect(connector.requestCount).toBe(FULL_SYNC_REQUESTS);
  });

  describe('rate limit of 180 requests a minute', () => {
    // 5,000 assets: 200 pages, more than one minute's allowance.
    const burst = generatePortfolio({ companies: 50, contactsPerCompany: 0, assetsPerCompany: 100, seed: 7 });

    it('keeps a burst of 200 requests inside any minute by waiting, drawing no 429', async () => {
      let clock = 0;
      const now = () => clock;
      const limiterSleep = recordingSleep((ms) => (clock += ms));
      const retrySleep = recordingSleep();
      const { server, fake } = await startFake({ portfolio: burst, now });
      const limiter = new RequestLimiter({ ...SYNCRO_RATE_LIMIT, now, sleep: limiterSleep.sleep });
      const connector = connectTo(server, { limiter, connector: { sleep: retrySleep.sleep } });

      expect((await pagesOf(connector.assets({}))).flat()).toHaveLength(5000);

      expect(connector.requestCount).toBe(200);
      expect(retrySleep.sleeps).toEqual([]);
      expect(limiterSleep.sleeps).toEqual([60_000]);
      expect(fake.admittedAt.filter((at) => at === 0)).toHaveLength(180);
      const busiestMinute = Math.max(...fake.admittedAt.map((start) => fake.admittedAt.filter((at) => at >= start && at < start + 60_000).length));
      expect(busiestMinute).toBe(180);
    });

    it("waits out Syncro's Retry-After when its own counter refuses a request", async () => {
      let clock = 0;
      const now = () => clock;
      const retrySleep = recordingSleep((ms) => (clock += ms));
      const { server } = await startFake({ portfolio: burst, now });
      // A limiter that lets everything through, so the fake's counter is what stops the burst.
      const unlimited = new RequestLimiter({ maxPerWindow: 10_000, windowMs: 60_000, now });
      const connector = connectTo(server, { limiter: unlimited, connector: { sleep: retrySleep.sleep } });

      expect((await pagesOf(connector.assets({}))).flat()).toHaveLength(5000);

      expect(retrySleep.sleeps).toEqual([60_000]);
      expect(connector.requestCount).toBe(201);
      expect(server.requests.filter(onPage('customer_assets', 181))).toHaveLength(2);
    });
  });

  it('honours an injected 429 with Retry-After and carries on', async () => {
    const { server } = await startFake();
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 7 }, { matches: onPage('customers', 2) });
    const retry = recordingSleep();
    const connector = connectTo(server, { connector: { sleep: retry.sleep } });

    expect((await pagesOf(connector.companies({}))).flat()).toHaveLength(70);
    expect(retry.sleeps).toEqual([7000]);
    expect(connector.requestCount).toBe(4);
  });

  it('gives up on a 429 storm with PsaRateLimitError after the policy’s attempts', async () => {
    const { server } = await startFake();
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 1 }, { times: 100 });
    const retry = recordingSleep();
    const connector = connectTo(server, { connector: { sleep: retry.sleep } });

    const failure = pagesOf(connector.companies({}));
    await expect(failure).rejects.toBeInstanceOf(PsaRateLimitError);
    await expect(failure).rejects.toThrow('Syncro rate limit: Injected 429');
    expect(connector.requestCount).toBe(6);
    expect(retry.sleeps).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('retries 5xx with backoff, then succeeds', async () => {
    const { server } = await startFake();
    server.inject({ kind: 'status', status: 502 }, { times: 2, matches: onPage('contacts', 3) });
    const retry = recordingSleep();
    const connector = connectTo(server, { connector: { sleep: retry.sleep } });

    expect((await pagesOf(connector.contacts({}))).flat()).toHaveLength(140);
    expect(connector.requestCount).toBe(8);
    expect(retry.sleeps).toHaveLength(2);
    expect(retry.sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(retry.sleeps[0]).toBeLessThanOrEqual(2000);
    expect(retry.sleeps[1]).toBeGreaterThanOrEqual(2000);
    expect(retry.sleeps[1]).toBeLessThanOrEqual(4000);
  });

  it('re-reads a page whose connection dropped mid-body, with no duplicates', async () => {
    const { server } = await startFake();
    server.inject({ kind: 'drop' }, { matches: onPage('customer_assets', 5) });
    const retry = recordingSleep();
    const connector = connectTo(server, { connector: { sleep: retry.sleep } });

    const assets = (await pagesOf(connector.assets({}))).flat();
    expect(assets.map((asset) => asset.externalId)).toEqual(ids(portfolio.assets));
    expect(connector.requestCount).toBe(21);
    expect(retry.sleeps).toHaveLength(1);
  });

  it('retries a malformed JSON body once, and fails with PsaUnavailableError when it persists', async () => {
    const { server } = await startFake();
    server.inject({ kind: 'malformed' }, { matches: onPage('customers', 3) });
    const connector = connectTo(server, { connector: { sleep: recordingSleep().sleep } });
    expect((await pagesOf(connector.companies({}))).flat()).toHaveLength(70);
    expect(connector.requestCount).toBe(4);

    server.inject({ kind: 'malformed' }, { times: 100 });
    const stubborn = connectTo(server, { connector: { sleep: recordingSleep().sleep } });
    const failure = pagesOf(stubborn.companies({}));
    await expect(failure).rejects.toBeInstanceOf(PsaUnavailableError);
    await expect(failure).rejects.toThrow(/Syncro sent a response that is not valid JSON/);
    expect(stubborn.requestCount).toBe(6);
  });

  it("fails a bad key at once with PsaAuthError and Syncro's own message", async () => {
    const { server } = await startFake();
    const retry = recordingSleep();
    const connector = connectTo(server, { apiKey: 'wrong-key', connector: { sleep: retry.sleep } });

    const failure = pagesOf(connector.companies({}));
    await expect(failure).rejects.toBeInstanceOf(PsaAuthError);
    await expect(failure).rejects.toThrow(`Syncro refused the credentials (401): ${SYNCRO_NOT_AUTHORIZED}`);
    expect(connector.requestCount).toBe(1);
    expect(retry.sleeps).toEqual([]);
  });

  it("reports Syncro's 404 text for a wrong base URL as PsaRequestError", async () => {
    const { server } = await startFake();
    const connector = connectTo(server, { path: '/api/v2' });
    const failure = connector.testConnection();
    await expect(failure).rejects.toBeInstanceOf(PsaRequestError);
    await expect(failure).rejects.toThrow('Syncro rejected the request (404): Not found');
  });

  it('tests the connection by reading the first page of each list', async () => {
    const { server } = await startFake();
    const connector = connectTo(server);

    await expect(connector.testConnection()).resolves.toEqual({ detail: 'Syncro: 70 customers, 140 contacts, 490 assets' });
    expect(server.requests.map(describeRequest)).toEqual([
      `${SYNCRO_API_PATH}/customers?page=1&include_disabled=true`,
      `${SYNCRO_API_PATH}/contacts?page=1`,
      `${SYNCRO_API_PATH}/customer_assets?page=1`,
    ]);
    await expect(connectTo(server, { apiKey: 'wrong-key' }).testConnection()).rejects.toBeInstanceOf(PsaAuthError);
  });

  it('reads mapped asset fields from Syncro asset custom fields and raw paths', async () => {
    const { server } = await startFake();
    const connector = connectTo(server, {
      connector: {
        fieldMapping: {
          osName: { customField: 'Operating System' },
          diskEncrypted: { customField: 'bitlocker' },
          warrantyEndsAt: { customField: 'Warranty Expiration' },
          lastBackupAt: { path: 'properties.Last Backup' },
        },
      },
    });

    const assets = (await pagesOf(connector.assets({}))).flat();
    portfolio.assets.forEach((expected, index) => {
      expect(assets[index]).toMatchObject({
        diskEncrypted: expected.diskEncrypted,
        warrantyEndsAt: new Date(expected.warrantyEndsAt.toISOString().slice(0, 10)),
        lastBackupAt: expected.lastBackupAt,
      });
    });
    const firewalls = assets.filter((asset) => asset.kind === 'network');
    expect(firewalls.length).toBeGreaterThan(0);
    expect(new Set(firewalls.map((asset) => asset.osName))).toEqual(new Set(['FortiOS']));
  });
});

describe('the Syncro fake', () => {
  it('accepts the key as a Bearer header, a bare header or ?api_key=, and 401s otherwise', async () => {
    const { server } = await startFake();
    const customers = `${server.url}${SYNCRO_API_PATH}/customers`;
    expect((await fetch(customers, { headers: { Authorization: `Bearer ${API_KEY}` } })).status).toBe(200);
    expect((await fetch(customers, { headers: { Authorization: API_KEY } })).status).toBe(200);
    expect((await fetch(`${customers}?api_key=${API_KEY}`)).status).toBe(200);
    for (const attempt of [fetch(customers), fetch(customers, { headers: { Authorization: 'Bearer nope' } }), fetch(`${customers}?api_key=nope`)]) {
      const response = await attempt;
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: SYNCRO_NOT_AUTHORIZED });
    }
  });

  it('serves a fixed 25 a page whatever per_page says, hides disabled customers by default and filters by customer_id', async () => {
    const { server } = await startFake();
    const get = async (path: string) => (await fetch(`${server.url}${SYNCRO_API_PATH}${path}`, { headers: { Authorization: `Bearer ${API_KEY}` } })).json() as Promise<Record<string, unknown[] | Record<string, number>>>;
    const enabled = portfolio.companies.filter((company) => company.active).length;

    const wide = await get('/customers?per_page=100&page=1');
    expect(wide['customers']).toHaveLength(25);
    expect(wide['meta']).toEqual({ total_pages: Math.ceil(enabled / 25), total_entries: enabled, per_page: 25, page: 1 });
    expect((await get('/customers?include_disabled=true'))['meta']).toMatchObject({ total_entries: 70, total_pages: 3 });
    expect((await get('/contacts?customer_id=1001'))['contacts']).toHaveLength(2);
    expect((await get('/customer_assets?customer_id=1001'))['assets']).toHaveLength(7);
  });
});

describe('syncroDefinition', () => {
  it('describes Syncro and makes its connector', () => {
    expect(syncroDefinition).toMatchObject({ kind: 'syncro', label: 'Syncro', configType: SyncroConfigDto, credentialsType: SyncroCredentialsDto, defaultClientTypes: [] });
    expect(syncroDefinition.create({ baseUrl: 'https://acme.syncromsp.com/api/v1' }, { apiKey: API_KEY }).kind).toBe('syncro');
  });

  it('validates the base URL and API key', async () => {
    const configErrors = async (baseUrl: unknown) => (await validate(plainToInstance(SyncroConfigDto, { baseUrl }))).map((error) => error.property);
    expect(await configErrors('https://acme.syncromsp.com/api/v1')).toEqual([]);
    expect(await configErrors('http://127.0.0.1:4010/api/v1')).toEqual([]);
    expect(await configErrors('acme.syncromsp.com')).toEqual(['baseUrl']);
    expect(await configErrors('ftp://acme.syncromsp.com')).toEqual(['baseUrl']);
    expect(await validate(plainToInstance(SyncroCredentialsDto, { apiKey: API_KEY }))).toEqual([]);
    expect((await validate(plainToInstance(SyncroCredentialsDto, { apiKey: '' }))).map((error) => error.property)).toEqual(['apiKey']);
  });
});
