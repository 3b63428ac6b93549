import { afterEach, describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ConnectorOptions } from '../../src/integrations/connector-definition.js';
import { PsaAuthError, PsaRateLimitError, PsaUnavailableError } from '../../src/integrations/errors.js';
import { HalopsaConnector, type HalopsaTuning } from '../../src/integrations/halopsa/halopsa.connector.js';
import { halopsaDefinition } from '../../src/integrations/halopsa/index.js';
import { HalopsaConfigDto, type HalopsaCredentialsDto } from '../../src/integrations/halopsa/halopsa.settings.js';
import { FakeHalopsa, HALO_DENIED_MESSAGE, HALO_MAX_PAGE_SIZE, HALO_RATE_LIMIT_MESSAGE, haloTime } from '../fakes/halopsa/fake-halopsa.js';
import { FakePsaServer, type FakeRequest } from '../../src/demo/psa/fake-psa-server.js';
import { generatePortfolio, type Portfolio } from '../../src/demo/psa/portfolio.js';
import { pagesOf, recordingSleep } from '../support/connector-helpers.js';

const CREDENTIALS: HalopsaCredentialsDto = { clientId: 'rampart-importer', clientSecret: 's3cret/with+odd=chars&more' };
const TENANT = 'msp';
const PAGE_SIZE = 10;
// 25 clients, 50 users and 75 assets: 3, 5 and 8 pages of 10, and 3 pages of sites to place the users.
const portfolio = generatePortfolio({ companies: 25, contactsPerCompany: 2, assetsPerCompany: 3 });
const PAGES = { client: 3, users: 5, site: 3, asset: 8 };

/** The fake the current test started, stopped after it. */
let runningServer: FakePsaServer | undefined;
afterEach(async () => {
  await runningServer?.stop();
  runningServer = undefined;
});

async function startFake(options: { portfolio?: Portfolio; tenant?: string | null; now?: () => number; tokenLifetimeSeconds?: number } = {}): Promise<{ server: FakePsaServer; fake: FakeHalopsa }> {
  const fake = new FakeHalopsa({
    portfolio: options.portfolio ?? portfolio,
    ...CREDENTIALS,
    tenant: options.tenant === null ? undefined : (options.tenant ?? TENANT),
    now: options.now,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
  });
  runningServer = await FakePsaServer.start(fake);
  return { server: runningServer, fake };
}

function connectTo(
  server: FakePsaServer,
  options: { config?: Partial<HalopsaConfigDto>; credentials?: Partial<HalopsaCredentialsDto>; connector?: ConnectorOptions; tuning?: HalopsaTuning } = {},
): HalopsaConnector {
  return new HalopsaConnector({ baseUrl: server.url, tenant: TENANT, ...options.config }, { ...CREDENTIALS, ...options.credentials }, options.connector, { pageSize: PAGE_SIZE, ...options.tuning });
}


/** A clock the test moves by hand, shared by the fake's tokens and the connector's token cache. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let time = Date.parse('2026-06-01T00:00:00Z');
  return { now: () => time, advance: (ms) => (time += ms) };
}


const to = (resource: string) => new RegExp(`^/api/${resource}$`, 'i');
const TOKEN_PATH = /^\/auth\/token$/;
const onPage = (resource: string, page: number) => (request: FakeRequest) => to(resource).test(request.path) && request.query.get('page_no') === String(page);
const bearerOf = (request: FakeRequest) => String(request.headers.authorization);
const apiCalls = (server: FakePsaServer) => server.requests.filter((request) => request.path.startsWith('/api/'));

describe('HalopsaConnector against a strict fake HaloPSA', () => {
  it('syncs every client, user and asset in the fewest pages with one token', async () => {
    const { server, fake } = await startFake();
    const connector = connectTo(server);

    const [companies, contacts, assets] = await Promise.all([pagesOf(connector.companies({})), pagesOf(connector.contacts({})), pagesOf(connector.assets({}))]);

    expect(companies.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(contacts.map((page) => page.length)).toEqual([10, 10, 10, 10, 10]);
    expect(assets.map((page) => page.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 5]);
    expect(companies.flat().map((company) => company.externalId)).toEqual(portfolio.companies.map((company) => String(company.id)));
    expect(contacts.flat().map((contact) => [contact.externalId, contact.companyExternalId])).toEqual(portfolio.contacts.map((contact) => [String(contact.id), String(contact.companyId)]));
    expect(assets.flat().map((asset) => asset.externalId)).toEqual(portfolio.assets.map((asset) => String(asset.id)));

    // ceil(N / 10) list calls each, the sites once, and a single token for all three lists running at once.
    expect(server.requestsTo(TOKEN_PATH)).toHaveLength(1);
    expect(fake.tokensIssued).toBe(1);
    expect(server.requestsTo(to('client'))).toHaveLength(PAGES.client);
    expect(server.requestsTo(to('users'))).toHaveLength(PAGES.users);
    expect(server.requestsTo(to('site'))).toHaveLength(PAGES.site);
    expect(server.requestsTo(to('asset'))).toHaveLength(PAGES.asset);
    expect(server.requests).toHaveLength(1 + PAGES.client + PAGES.users + PAGES.site + PAGES.asset);
    expect(new Set(apiCalls(server).map(bearerOf)).size).toBe(1);
    expect(fake.deniedCalls).toBe(0);
  });

  it('asks for the token as Halo documents: form-encoded client credentials, scope all, tenant on the URL', async () => {
    const { server } = await startFake();
    await connectTo(server).testConnection();
    const [tokenRequest] = server.requestsTo(TOKEN_PATH);
    expect(tokenRequest).toMatchObject({ method: 'POST', query: new URLSearchParams({ tenant: TENANT }) });
    expect(tokenRequest!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(tokenRequest!.rawBody))).toEqual({ grant_type: 'client_credentials', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret, scope: 'all' });
  });

  it('pages with pageinate, asks for inactive records and asset fields, and never asks for agents', async () => {
    const { server } = await startFake();
    const connector = connectTo(server);
    await pagesOf(connector.companies({}));
    await pagesOf(connector.contacts({}));
    await pagesOf(connector.assets({}));
    const query = (resource: string) => Object.fromEntries(server.requestsTo(to(resource))[1]!.query);
    expect(query('client')).toEqual({ pageinate: 'true', page_size: '10', page_no: '2', includeactive: 'true', includeinactive: 'true' });
    expect(query('users')).toEqual({ pageinate: 'true', page_size: '10', page_no: '2', includeactive: 'true', includeinactive: 'true', excludeagents: 'true' });
    expect(query('asset')).toEqual({ pageinate: 'true', page_size: '10', page_no: '2', includeassetfields: 'true' });
  });

  it('maps Halo records: top level as type, inactive flags, asset-type fields', async () => {
    const { server } = await startFake();
    const connector = connectTo(server);
    const companies = (await pagesOf(connector.companies({}))).flat();
    const assets = (await pagesOf(connector.assets({}))).flat();

    const typeNames = { client: 'Clients', prospect: 'Prospects', vendor: 'Suppliers' };
    expect(companies.map((company) => [company.types, company.active])).toEqual(portfolio.companies.map((company) => [[typeNames[company.type]], company.active]));
    expect(companies.some((company) => !company.active)).toBe(true);

    const seconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
    expect(assets).toEqual(
      portfolio.assets.map((asset) =>
        expect.objectContaining({
          externalId: String(asset.id),
          companyExternalId: String(asset.companyId),
          kind: asset.kind,
          name: `INV-${asset.id}`,
          hostname: asset.hostname,
          serialNumber: asset.serialNumber,
          osName: asset.osName,
          osVersion: asset.osVersion,
          lastSeenAt: seconds(asset.lastSeenAt),
          antivirusProduct: asset.antivirusProduct,
          antivirusStatus: asset.antivirusStatus,
          patchStatus: asset.patchStatus,
          missingPatches: asset.missingPatches,
          diskEncrypted: asset.diskEncrypted,
          warrantyEndsAt: seconds(asset.warrantyEndsAt),
          lastBackupAt: seconds(asset.lastBackupAt),
          active: asset.active,
          updatedAt: seconds(asset.updatedAt),
        }),
      ),
    );
  });

  it('follows record_count when Halo serves fewer rows than the page size asked for', async () => {
    const large = generatePortfolio({ companies: 2500, contactsPerCompany: 0, assetsPerCompany: 0 });
    const { server } = await startFake({ portfolio: large });
    const pages = await pagesOf(connectTo(server, { tuning: { pageSize: 5000 } }).companies({}));
    expect(pages.map((page) => page.length)).toEqual([HALO_MAX_PAGE_SIZE, HALO_MAX_PAGE_SIZE, 500]);
    expect(server.requestsTo(to('client'))).toHaveLength(3);
  });

  it('reaches an on-premises Halo without a tenant, from the pasted resource-server URL', async () => {
    const { server } = await startFake({ tenant: null });
    const connector = connectTo(server, { config: { baseUrl: `${server.url}/api/`, tenant: undefined } });
    expect((await pagesOf(connector.companies({}))).flat()).toHaveLength(25);
    expect([...server.requestsTo(TOKEN_PATH)[0]!.query]).toEqual([]);
  });

  it('reads the token from a separate authorisation server URL', async () => {
    const { server } = await startFake();
    const connector = connectTo(server, { config: { baseUrl: 'http://127.0.0.1:9', authUrl: `${server.url}/auth/` }, connector: { sleep: recordingSleep().sleep } });
    // The API root is unreachable on purpose: only the token request may go to the auth URL.
    await expect(connector.testConnection()).rejects.toThrow(/did not answer|ECONNREFUSED/);
    expect(server.requestsTo(TOKEN_PATH)).toHaveLength(1);
  });
});

describe('HalopsaConnector tokens', () => {
  it('reuses one token until shortly before it expires, then fetches exactly one more', async () => {
    const clock = manualClock();
    const { server, fake } = await startFake({ now: clock.now, tokenLifetimeSeconds: 3600 });
    const connector = connectTo(server, { tuning: { now: clock.now } });

    let pageNo = 0;
    for await (const page of connector.assets({})) {
      expect(page.length).toBeGreaterThan(0);
      pageNo += 1;
      // 50 minutes in: still well inside the hour. Then 59 minutes 10 s: Halo would still take
      // the token for 50 s, but the connector replaces it inside its one-minute margin.
      if (pageNo === 1) clock.advance(50 * 60_000);
      if (pageNo === 2) clock.advance(9 * 60_000 + 10_000);
    }

    expect(fake.tokensIssued).toBe(2);
    expect(fake.deniedCalls).toBe(0);
    const bearers = server.requestsTo(to('asset')).map(bearerOf);
    expect(bearers).toHaveLength(PAGES.asset);
    expect(new Set(bearers.slice(0, 2)).size).toBe(1);
    expect(new Set(bearers.slice(2)).size).toBe(1);
    expect(bearers[2]).not.toBe(bearers[0]);
  });

  it('on a 401 mid-run fetches a new token and retries that call once', async () => {
    const { server, fake } = await startFake();
    const connector = connectTo(server);

    const assets = [];
    let pageNo = 0;
    for await (const page of connector.assets({})) {
      assets.push(...page);
      if (++pageNo === 3) fake.revokeTokens();
    }

    expect(assets).toHaveLength(portfolio.assets.length);
    expect(fake.tokensIssued).toBe(2);
    expect(fake.deniedCalls).toBe(1);
    expect(server.requestsTo(to('asset')).map((request) => request.query.get('page_no'))).toEqual(['1', '2', '3', '4', '4', '5', '6', '7', '8']);
  });

  it('treats a second 401 in a row as a real authentication failure', async () => {
    const { server, fake } = await startFake();
    server.inject({ kind: 'status', status: 401 }, { times: 2, matches: (request) => to('client').test(request.path) });
    const attempt = pagesOf(connectTo(server).companies({}));
    await expect(attempt).rejects.toThrow(PsaAuthError);
    await expect(attempt).rejects.toMatchObject({ status: 401 });
    expect(fake.tokensIssued).toBe(2);
    expect(server.requestsTo(to('client'))).toHaveLength(2);
  });

  it('does not refresh on 403: a token without the permission stays without it', async () => {
    const { server, fake } = await startFake();
    server.inject({ kind: 'status', status: 403 }, { matches: (request) => to('asset').test(request.path) });
    await expect(pagesOf(connectTo(server).assets({}))).rejects.toMatchObject({ name: 'PsaAuthError', status: 403 });
    expect(fake.tokensIssued).toBe(1);
  });

  it("refuses a bad client secret with Halo's own words", async () => {
    const { server } = await startFake();
    const attempt = connectTo(server, { credentials: { clientSecret: 'wrong' } }).testConnection();
    await expect(attempt).rejects.toThrow(PsaAuthError);
    await expect(attempt).rejects.toThrow('HaloPSA refused the credentials (401): invalid_client');
    expect(apiCalls(server)).toHaveLength(0);
  });

  it('refuses a wrong tenant as bad credentials', async () => {
    const { server } = await startFake();
    await expect(connectTo(server, { config: { tenant: 'someone-else' } }).testConnection()).rejects.toThrow(PsaAuthError);
  });
});

describe('HalopsaConnector incremental sync', () => {
  it('asks Halo for assets changed since the last run and reads clients and users whole', async () => {
    const { server } = await startFake();
    const connector = connectTo(server);
    const changedSince = new Date('2026-06-01T00:00:00.000Z');

    const assets = (await pagesOf(connector.assets({ changedSince }))).flat();
    const companies = (await pagesOf(connector.companies({ changedSince }))).flat();
    const contacts = (await pagesOf(connector.contacts({ changedSince }))).flat();

    const changed = portfolio.assets.filter((asset) => Date.parse(`${haloTime(asset.updatedAt)}Z`) >= changedSince.getTime());
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(portfolio.assets.length);
    expect(assets.map((asset) => asset.externalId)).toEqual(changed.map((asset) => String(asset.id)));
    expect(server.requestsTo(to('asset'))).toHaveLength(Math.ceil(changed.length / PAGE_SIZE));
    expect(server.requestsTo(to('asset')).map((request) => request.query.get('lastupdatefromdate'))).toEqual(server.requestsTo(to('asset')).map(() => '2026-06-01T00:00:00'));
    // Halo's client and user lists have no changed-since filter and no last-modified stamp.
    expect(companies).toHaveLength(portfolio.companies.length);
    expect(contacts).toHaveLength(portfolio.contacts.length);
  });
});

describe('HalopsaConnector under faults', () => {
  it('waits out a 429 for as long as Retry-After says', async () => {
    const { server } = await startFake();
    const { sleeps, sleep } = recordingSleep();
    server.inject({ kind: 'status', status: 429, retryAfterSeconds: 7 }, { matches: onPage('asset', 2) });
    const assets = (await pagesOf(connectTo(server, { connector: { sleep } }).assets({}))).flat();
    expect(assets).toHaveLength(portfolio.assets.length);
    expect(sleeps).toEqual([7000]);
    expect(server.requestsTo(to('asset'))).toHaveLength(PAGES.asset + 1);
  });

  it('gives up on a 429 storm with PsaRateLimitError and Halo’s message', async () => {
    const { server } = await startFake();
    const { sleeps, sleep } = recordingSleep();
    server.inject({ kind: 'status', status: 429 }, { times: 100, matches: (request) => to('client').test(request.path) });
    const attempt = pagesOf(connectTo(server, { connector: { sleep } }).companies({}));
    await expect(attempt).rejects.toThrow(PsaRateLimitError);
    await expect(attempt).rejects.toThrow(HALO_RATE_LIMIT_MESSAGE);
    // Six attempts in all; with no Retry-After the waits start at Halo's 5 s, not half a second.
    expect(server.requestsTo(to('client'))).toHaveLength(6);
    expect(sleeps).toHaveLength(5);
    expect(Math.min(...sleeps)).toBeGreaterThanOrEqual(2500);
  });

  it('retries a 5xx and then succeeds', async () => {
    const { server } = await startFake();
    const { sleeps, sleep } = recordingSleep();
    server.inject({ kind: 'status', status: 503 }, { times: 2, matches: onPage('client', 2) });
    const companies = (await pagesOf(connectTo(server, { connector: { sleep } }).companies({}))).flat();
    expect(companies).toHaveLength(portfolio.companies.length);
    expect(sleeps).toHaveLength(2);
    expect(server.requestsTo(to('client'))).toHaveLength(PAGES.client + 2);
  });

  it('retries a connection dropped mid-page', async () => {
    const { server } = await startFake();
    const { sleep } = recordingSleep();
    server.inject({ kind: 'drop' }, { matches: onPage('users', 3) });
    const contacts = (await pagesOf(connectTo(server, { connector: { sleep } }).contacts({}))).flat();
    expect(contacts.map((contact) => contact.externalId)).toEqual(portfolio.contacts.map((contact) => String(contact.id)));
    expect(server.requestsTo(to('users'))).toHaveLength(PAGES.users + 1);
  });

  it('retries malformed JSON and then succeeds', async () => {
    const { server } = await startFake();
    const { sleep } = recordingSleep();
    server.inject({ kind: 'malformed' }, { matches: onPage('asset', 1) });
    expect((await pagesOf(connectTo(server, { connector: { sleep } }).assets({}))).flat()).toHaveLength(portfolio.assets.length);
    expect(server.requestsTo(to('asset'))).toHaveLength(PAGES.asset + 1);
  });

  it('fails with PsaUnavailableError when the JSON stays malformed', async () => {
    const { server } = await startFake();
    const { sleep } = recordingSleep();
    server.inject({ kind: 'malformed' }, { times: 100, matches: (request) => to('asset').test(request.path) });
    await expect(pagesOf(connectTo(server, { connector: { sleep, retry: { maxAttempts: 3 } } }).assets({}))).rejects.toThrow(PsaUnavailableError);
    expect(server.requestsTo(to('asset'))).toHaveLength(3);
  });

  it('says why the API refused a request without a token', async () => {
    const { server } = await startFake();
    const response = await fetch(`${server.url}/api/Client?pageinate=true&page_size=10&page_no=1`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ Message: HALO_DENIED_MESSAGE });
  });
});

describe('HalopsaConnector connection test and field mapping', () => {
  it('tests the connection with one token call and one one-row list', async () => {
    const { server } = await startFake();
    const result = await connectTo(server).testConnection();
    expect(result.detail).toBe(`HaloPSA at ${new URL(server.url).host}, 25 clients readable`);
    expect(server.requests).toHaveLength(2);
    expect(server.requestsTo(to('client'))[0]!.query.get('page_size')).toBe('1');
  });

  it('reads a field from a Halo custom field named in the mapping', async () => {
    const { server } = await startFake();
    const connector = halopsaDefinition.create({ baseUrl: server.url, tenant: TENANT }, CREDENTIALS, { fieldMapping: { hostname: { customField: 'RMM Device Name' }, serialNumber: { path: 'inventory_number' } } });
    const assets = (await pagesOf(connector.assets({}))).flat();
    expect(assets.map((asset) => [asset.hostname, asset.serialNumber])).toEqual(portfolio.assets.map((asset) => [`${asset.hostname.toLowerCase()}.rmm.example`, `INV-${asset.id}`]));
    // The definition's connector uses Halo's real page size: 75 assets in one page.
    expect(server.requestsTo(to('asset'))).toHaveLength(1);
  });
});

describe('HalopsaConfigDto', () => {
  const problems = async (config: Record<string, unknown>) => (await validate(plainToInstance(HalopsaConfigDto, config))).map((error) => error.property);

  it('accepts a hosted instance, an on-premises one and a loopback fixture', async () => {
    expect(await problems({ baseUrl: 'https://msp.halopsa.com', tenant: 'msp' })).toEqual([]);
    expect(await problems({ baseUrl: 'https://halo.example.com/api', authUrl: 'https://auth.example.com/auth', requestsPerFiveMinutes: 150 })).toEqual([]);
    expect(await problems({ baseUrl: 'http://127.0.0.1:4567' })).toEqual([]);
  });

  it('refuses a non-URL, a tenant with separators and a zero budget', async () => {
    expect(await problems({ baseUrl: 'msp.halopsa', tenant: 'msp?x=1', requestsPerFiveMinutes: 0 })).toEqual(['baseUrl', 'tenant', 'requestsPerFiveMinutes']);
  });
});
