import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { sql } from 'kysely';
import request from 'supertest';
import { systemOrigin } from '../../src/auth/caller.js';
import { EntraTokenVerifier } from '../../src/auth/entra/entra-token.verifier.js';
import { TenantsService } from '../../src/tenancy/tenants.service.js';
import { FakeEntra, type FakeEntraUser } from '../support/fake-entra.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ENTRA_TENANT = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const UNMAPPED_ENTRA_TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const PUBLIC_URL = 'http://rampart.test';
const APP = { clientId: '6b3f1e2d-0c9a-4b8e-9d7f-1a2b3c4d5e6f', clientSecret: 'web-app-secret', redirectUris: [`${PUBLIC_URL}/api/v1/auth/callback`] };
const VCIO: FakeEntraUser = { tid: ENTRA_TENANT, oid: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Dana Whitfield', preferred_username: 'dana@msp.example', roles: ['vcio'] };

let testDb: TestDatabase;
let app: NestExpressApplication;
let entra: FakeEntra;
let entraTenantId: string;
let other: TenantWithKey;

beforeAll(async () => {
  entra = await FakeEntra.start();
  entra.registerApp(APP);
  testDb = await createTestDatabase();
  app = await createTestApp({
    database: testDb.database,
    env: { RAMPART_DEMO: 'false', RAMPART_PUBLIC_URL: PUBLIC_URL, ENTRA_AUTHORITY: entra.authority, ENTRA_CLIENT_ID: APP.clientId, ENTRA_CLIENT_SECRET: APP.clientSecret, RAMPART_TRUST_PROXY: 'loopback' },
  });
  entraTenantId = (await app.get(TenantsService).create(systemOrigin('test'), { name: 'Entra MSP', entraTenantId: ENTRA_TENANT })).id;
  other = await tenantWithKey(app, 'Another MSP');
});
afterAll(async () => {
  await app.close();
  await testDb.drop();
  await entra.stop();
});

type Agent = ReturnType<typeof request.agent>;

/** A browser: its own cookie jar. */
const browser = (): Agent => request.agent(app.getHttpServer());

/** Clicks "Sign in with Microsoft", lets the fake sign `user` in, and follows the redirect back. */
async function signIn(agent: Agent, user: FakeEntraUser | undefined, returnTo = '/clients/42'): Promise<string> {
  return (await completeSignIn(agent, user, returnTo)).headers.location!;
}

async function completeSignIn(agent: Agent, user: FakeEntraUser | undefined, returnTo = '/'): Promise<request.Response> {
  entra.signInAs(user);
  const login = await agent.get('/api/v1/auth/login').query({ returnTo }).expect(302);
  const authorize = await fetch(login.headers.location!, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const callback = new URL(authorize.headers.get('location')!);
  return agent.get(callback.pathname + callback.search).expect(302);
}

function sessionCookie(response: request.Response): string {
  return (response.headers['set-cookie'] as unknown as string[]).find((cookie) => cookie.startsWith('rampart_session='))!.split(';')[0]!;
}

function signInError(location: string): string | null {
  return new URL(location, PUBLIC_URL).searchParams.get('signInError');
}

describe('sign-in options', () => {
  it('offers Microsoft sign-in when the app registration is configured, and no demo when the demo is off', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/auth/options').expect(200);
    expect(response.body).toEqual({ entra: true, demo: false });
    await request(app.getHttpServer()).post('/api/v1/auth/demo').expect(404, /Demo sign-in is off/);
  });
});

describe('sign-in with Microsoft Entra ID (authorization code with PKCE)', () => {
  it('sends the browser to the authorize endpoint with a PKCE S256 challenge, state and nonce, and binds the state to the browser', async () => {
    const login = await browser().get('/api/v1/auth/login').expect(302);
    const authorize = new URL(login.headers.location!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${entra.authority}/organizations/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: APP.clientId,
      response_type: 'code',
      redirect_uri: APP.redirectUris[0],
      code_challenge_method: 'S256',
      scope: 'openid profile email',
    });
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const state = authorize.searchParams.get('state')!;
    expect(login.headers['set-cookie']![0]).toMatch(new RegExp(`^rampart_sign_in=${state}; Path=/api/v1/auth; Max-Age=600; HttpOnly; SameSite=Lax`));
  });

  it('signs the person in, returns them where they were, and lets the cookie stand for them on the API', async () => {
    const agent = browser();
    const redeemedBefore = entra.tokenRequests.length;
    expect(await signIn(agent, VCIO, '/clients/42?tab=controls')).toBe('/clients/42?tab=controls');
    // The code was redeemed once, with a verifier (the strict fake checks it against the challenge).
    expect(entra.tokenRequests.slice(redeemedBefore)).toEqual([{ clientId: APP.clientId, grantType: 'authorization_code', codeVerifier: expect.stringMatching(/^[\w-]{43}$/) }]);

    const session = await agent.get('/api/v1/auth/session').expect(200);
    expect(session.body).toMatchObject({
      user: { name: 'Dana Whitfield', email: 'dana@msp.example', role: 'vcio' },
      tenant: { id: entraTenantId, name: 'Entra MSP', isDemo: false },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(session.body.scopes).toContain('reports:write');
    expect(session.body.scopes).not.toContain('api_keys:write');
    await agent.get('/api/v1/clients').expect(200);
    // A vCIO's session has a vCIO's scopes.
    await agent.get('/api/v1/api-keys').expect(403);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax and only for the API', async () => {
    const back = await completeSignIn(browser(), VCIO);
    const cookies = back.headers['set-cookie'] as unknown as string[];
    expect(cookies).toContainEqual(expect.stringMatching(/^rampart_sign_in=; Path=\/api\/v1\/auth; Max-Age=0/));
    expect(cookies).toContainEqual(expect.stringMatching(/^rampart_session=[\w-]{43}; Path=\/api; Max-Age=43200; HttpOnly; SameSite=Lax$/));
  });

  it('requires the CSRF token on every change made with the cookie', async () => {
    const agent = browser();
    await signIn(agent, VCIO);
    const { csrfToken } = (await agent.get('/api/v1/auth/session').expect(200)).body as { csrfToken: string };

    const refused = await agent.post('/api/v1/clients').send({ name: 'Forged Ltd' }).expect(403);
    expect(refused.body.message).toMatch(/X-CSRF-Token/);
    await agent.post('/api/v1/clients').set('x-csrf-token', `${csrfToken.slice(0, -1)}x`).send({ name: 'Forged Ltd' }).expect(403);
    const created = await agent.post('/api/v1/clients').set('x-csrf-token', csrfToken).send({ name: 'Browser Client Ltd' }).expect(201);
    expect(created.body.name).toBe('Browser Client Ltd');
  });

  it('refuses a callback in a browser that did not start the sign-in, and a state used twice', async () => {
    entra.signInAs(VCIO);
    const victim = browser();
    const attacker = browser();
    const login = await attacker.get('/api/v1/auth/login').expect(302);
    const authorize = await fetch(login.headers.location!, { redirect: 'manual' });
    const callback = new URL(authorize.headers.get('location')!);

    const elsewhere = await victim.get(callback.pathname + callback.search).expect(302);
    expect(signInError(elsewhere.headers.location!)).toMatch(/not started in this browser/);
    await victim.get('/api/v1/auth/session').expect(401);

    await attacker.get(callback.pathname + callback.search).expect(302);
    const replay = browser();
    // The same state and code again, with the state cookie copied: the attempt is gone.
    const again = await replay.get(callback.pathname + callback.search).set('cookie', `rampart_sign_in=${callback.searchParams.get('state')}`).expect(302);
    expect(signInError(again.headers.location!)).toMatch(/expired or was already used/);
  });

  it('explains why a sign-in failed: declined consent, unmapped organisation, no role', async () => {
    entra.failAuthorize('access_denied', 'AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 1');
    const declined = await browser().get('/api/v1/auth/login').expect(302);
    const declinedBack = new URL((await fetch(declined.headers.location!, { redirect: 'manual' })).headers.get('location')!);
    const declinedLocation = (await browser().get(declinedBack.pathname + declinedBack.search).set('cookie', `rampart_sign_in=${declinedBack.searchParams.get('state')}`).expect(302)).headers.location!;
    expect(signInError(declinedLocation)).toBe('Microsoft did not sign you in: AADSTS65004: User declined to consent to access the app.');

    expect(signInError(await signIn(browser(), { ...VCIO, tid: UNMAPPED_ENTRA_TENANT }))).toMatch(/organisation is not connected to Rampart/);
    expect(signInError(await signIn(browser(), { ...VCIO, oid: '11111111-2222-4333-8444-555555555555', roles: [] }))).toMatch(/no Rampart role/);
  });

  it('only ever returns to a path on this site', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/api/v1/clients']) {
      expect(await signIn(browser(), VCIO, returnTo)).toBe('/');
    }
  });
});

describe('sessions', () => {
  it('signs out: the cookie is cleared and stops working, and both events are in the audit log with the address', async () => {
    const agent = browser();
    const cookie = sessionCookie(await completeSignIn(agent, VCIO));
    const { csrfToken } = (await agent.get('/api/v1/auth/session').expect(200)).body as { csrfToken: string };
    const out = await agent.post('/api/v1/auth/logout').set('x-csrf-token', csrfToken).set('x-forwarded-for', '203.0.113.9').expect(204);
    expect(out.headers['set-cookie']![0]).toMatch(/^rampart_session=; Path=\/api; Max-Age=0/);
    // The browser drops the cookie; a copy kept elsewhere no longer works either.
    const ended = await request(app.getHttpServer()).get('/api/v1/clients').set('cookie', cookie).expect(401);
    expect(ended.body.message).toBe('Your session has ended: sign in again');

    const actions = await testDb.database.inTenant(entraTenantId, (scope) =>
      scope.db.selectFrom('auditLog').select(['action', 'actorLabel', 'ip']).where('action', 'in', ['user.signed_in', 'user.signed_out']).orderBy('occurredAt').execute(),
    );
    expect(actions).toContainEqual({ action: 'user.signed_out', actorLabel: 'dana@msp.example', ip: '203.0.113.9' });
    expect(actions.filter((entry) => entry.action === 'user.signed_in').length).toBeGreaterThan(0);
  });

  it('ends a session left idle longer than the idle limit', async () => {
    const agent = browser();
    await signIn(agent, VCIO);
    await agent.get('/api/v1/clients').expect(200);
    await sql`update web_sessions set last_seen_at = now() - interval '3 hours'`.execute(testDb.database.system);
    const idle = await agent.get('/api/v1/clients').expect(401);
    expect(idle.body.message).toBe('Your session has ended: sign in again');
  });

  it('keeps API keys working beside sessions, and keeps a session to its own tenant', async () => {
    const agent = browser();
    await signIn(agent, VCIO);
    await request(app.getHttpServer()).get('/api/v1/auth/session').set('authorization', `Bearer ${other.key}`).expect(400, /not a browser session/);
    const foreign = await request(app.getHttpServer()).post('/api/v1/clients').set('authorization', `Bearer ${other.key}`).send({ name: 'Other tenant client' }).expect(201);
    await agent.get(`/api/v1/clients/${foreign.body.id}`).expect(404);
  });
});

describe('demo sign-in', () => {
  let demoApp: NestExpressApplication;
  beforeAll(async () => {
    demoApp = await createTestApp({ database: testDb.database, env: { RAMPART_DEMO: 'true' } });
    await demoApp.get(TenantsService).create(systemOrigin('test'), { name: 'Demo MSP', isDemo: true });
  });
  afterAll(() => demoApp.close());

  it('signs anyone into the demo tenant as its administrator with one click, and offers no Microsoft sign-in when unconfigured', async () => {
    await request(demoApp.getHttpServer()).get('/api/v1/auth/options').expect(200, { entra: false, demo: true });
    const agent = request.agent(demoApp.getHttpServer());
    const signedIn = await agent.post('/api/v1/auth/demo').expect(200);
    expect(signedIn.body).toMatchObject({ user: { name: 'Demo administrator', role: 'admin' }, tenant: { name: 'Demo MSP', isDemo: true } });
    await agent.get('/api/v1/api-keys').expect(200);
    await request(demoApp.getHttpServer()).get('/api/v1/auth/login').expect(404, /not configured/);
  });
});

describe('ID token verification', () => {
  const verifier = () => app.get(EntraTokenVerifier);
  const claims = { oid: VCIO.oid, name: 'Dana Whitfield', nonce: 'expected-nonce' };

  it('accepts only a token for this app, from the tenant it names, with the nonce this attempt sent', async () => {
    expect(await verifier().verifyIdToken(await entra.token(ENTRA_TENANT, claims, { audience: APP.clientId }), ENTRA_TENANT, APP.clientId, 'expected-nonce')).toMatchObject({ objectId: VCIO.oid, entraTenantId: ENTRA_TENANT });
    expect(await verifier().verifyIdToken(await entra.token(ENTRA_TENANT, claims, { audience: APP.clientId }), ENTRA_TENANT, APP.clientId, 'another-nonce')).toBeUndefined();
    expect(await verifier().verifyIdToken(await entra.token(ENTRA_TENANT, claims, { audience: 'api://another-app' }), ENTRA_TENANT, APP.clientId, 'expected-nonce')).toBeUndefined();
    expect(await verifier().verifyIdToken(await entra.token(ENTRA_TENANT, claims, { audience: APP.clientId, issuer: `${entra.authority}/${UNMAPPED_ENTRA_TENANT}/v2.0` }), ENTRA_TENANT, APP.clientId, 'expected-nonce')).toBeUndefined();
    expect(await verifier().verifyIdToken(await entra.token(ENTRA_TENANT, claims, { audience: APP.clientId, expiresIn: '-5 minutes' }), ENTRA_TENANT, APP.clientId, 'expected-nonce')).toBeUndefined();
  });
});
