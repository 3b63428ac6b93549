import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** An app registration the fake knows: its secret and the redirect URIs registered for it. */
export interface FakeAppRegistration {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** Who is signed in at the fake's sign-in page: the claims their ID token will carry. */
export interface FakeEntraUser {
  tid: string;
  oid: string;
  name?: string;
  preferred_username?: string;
  roles?: string[];
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  user: FakeEntraUser;
  expiresAt: number;
  redeemed: boolean;
}

/** The parts of a token request a test may want to look at. */
export interface TokenRequestRecord {
  clientId: string | null;
  grantType: string | null;
  codeVerifier: string | null;
}

/**
 * A stand-in for login.microsoftonline.com on loopback, strict where the real one is:
 * - `/{tenant}/discovery/v2.0/keys` serves the signing key; tokens are RS256 with a kid, issuer per tenant.
 * - `/organizations/oauth2/v2.0/authorize` takes only a registered client and redirect URI, `response_type=code`,
 *   an `openid` scope and a PKCE S256 challenge, then "signs in" the user the test chose and redirects back
 *   with a one-time code and the state (or with the error the test chose).
 * - `/organizations/oauth2/v2.0/token` redeems a code once, within 10 minutes, for the same client (with its
 *   secret) and redirect URI, only with the verifier that matches the challenge, and answers errors with
 *   Entra's body (`error`, `error_description` starting with an AADSTS code, `error_codes`).
 */
export class FakeEntra {
  readonly requests: string[] = [];
  readonly tokenRequests: TokenRequestRecord[] = [];
  private server!: Server;
  private privateKey!: SigningKey;
  private jwk!: JWK;
  private readonly kid = 'test-key-1';
  private readonly apps = new Map<string, FakeAppRegistration>();
  private readonly codes = new Map<string, IssuedCode>();
  private user: FakeEntraUser | undefined;
  private authorizeError: { error: string; error_description: string } | undefined;

  static async start(): Promise<FakeEntra> {
    const fake = new FakeEntra();
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    fake.privateKey = privateKey;
    fake.jwk = { ...(await exportJWK(publicKey)), kid: fake.kid, use: 'sig', alg: 'RS256' };
    fake.server = createServer((request, response) => {
      fake.requests.push(request.url ?? '');
      fake.handle(request, response).catch((error: unknown) => sendJson(response, 500, { error: 'server_error', error_description: String(error) }));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get authority(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  registerApp(app: FakeAppRegistration): void {
    this.apps.set(app.clientId, app);
  }

  /** The person the next authorize request signs in; undefined makes it fail as if nobody could sign in. */
  signInAs(user: FakeEntraUser | undefined): void {
    this.user = user;
    this.authorizeError = undefined;
  }

  /** The next authorize requests end with this error (e.g. the person declined consent). */
  failAuthorize(error: string, description: string): void {
    this.authorizeError = { error, error_description: description };
  }

  /** A token as Entra would issue it for `tid`; `overrides` bend one claim or header at a time. */
  async token(tid: string, claims: JWTPayload & { oid?: string; roles?: string[] }, overrides: { audience?: string; issuer?: string; expiresIn?: string; key?: SigningKey; kid?: string } = {}): Promise<string> {
    return new SignJWT({ tid, ver: '2.0', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: overrides.kid ?? this.kid, typ: 'JWT' })
      .setIssuer(overrides.issuer ?? `${this.authority}/${tid}/v2.0`)
      .setAudience(overrides.audience ?? 'api://rampart-test')
      .setIssuedAt()
      .setExpirationTime(overrides.expiresIn ?? '1h')
      .sign(overrides.key ?? this.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.authority);
    if (request.method === 'GET' && /^\/[0-9a-f-]{36}\/discovery\/v2\.0\/keys$/.test(url.pathname)) {
      sendJson(response, 200, { keys: [this.jwk] });
    } else if (request.method === 'GET' && url.pathname === '/organizations/oauth2/v2.0/authorize') {
      this.authorize(url.searchParams, response);
    } else if (request.method === 'POST' && url.pathname === '/organizations/oauth2/v2.0/token') {
      await this.redeem(request, response);
    } else {
      sendJson(response, 404, { error: 'not_found' });
    }
  }

  /** Problems with the request itself are shown on Microsoft's own page, never sent to the redirect URI. */
  private authorize(params: URLSearchParams, response: ServerResponse): void {
    const app = this.apps.get(params.get('client_id') ?? '');
    if (!app) return sendPage(response, 400, 'AADSTS700016: Application with identifier was not found in the directory.');
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!app.redirectUris.includes(redirectUri)) return sendPage(response, 400, 'AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.');

    const back = new URL(redirectUri);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    const fail = (error: string, description: string) => {
      back.searchParams.set('error', error);
      back.searchParams.set('error_description', description);
      response.writeHead(302, { location: back.toString() }).end();
    };
    if (params.get('response_type') !== 'code') return fail('unsupported_response_type', 'AADSTS700054: response_type is not enabled for the application.');
    if (!(params.get('scope') ?? '').split(' ').includes('openid')) return fail('invalid_request', 'AADSTS900144: The request body must contain the following parameter: scope (openid).');
    const codeChallenge = params.get('code_challenge');
    if (!codeChallenge || params.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.');
    if (this.authorizeError) return fail(this.authorizeError.error, this.authorizeError.error_description);
    if (!this.user) return fail('access_denied', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.');

    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { clientId: app.clientId, redirectUri, codeChallenge, nonce: params.get('nonce') ?? undefined, user: this.user, expiresAt: Date.now() + 10 * 60_000, redeemed: false });
    back.searchParams.set('code', code);
    back.searchParams.set('session_state', randomBytes(8).toString('hex'));
    response.writeHead(302, { location: back.toString() }).end();
  }

  private async redeem(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return sendTokenError(response, 400, 'invalid_request', 900144, "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
    }
    const form = new URLSearchParams(await readBody(request));
    this.tokenRequests.push({ clientId: form.get('client_id'), grantType: form.get('grant_type'), codeVerifier: form.get('code_verifier') });
    const app = this.apps.get(form.get('client_id') ?? '');
    if (!app) return sendTokenError(response, 400, 'unauthorized_client', 700016, 'AADSTS700016: Application with identifier was not found in the directory.');
    if (form.get('client_secret') !== app.clientSecret) return sendTokenError(response, 401, 'invalid_client', 7000215, 'AADSTS7000215: Invalid client secret provided.');
    if (form.get('grant_type') !== 'authorization_code') return sendTokenError(response, 400, 'unsupported_grant_type', 70003, 'AADSTS70003: The app requested an unsupported grant type.');

    const issued = this.codes.get(form.get('code') ?? '');
    if (!issued || issued.clientId !== app.clientId || issued.expiresAt < Date.now()) return sendTokenError(response, 400, 'invalid_grant', 70008, 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.');
    if (issued.redeemed) return sendTokenError(response, 400, 'invalid_grant', 54005, 'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
    if (form.get('redirect_uri') !== issued.redirectUri) return sendTokenError(response, 400, 'invalid_grant', 500112, 'AADSTS500112: The reply address does not match the reply address provided when requesting Authorization code.');
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== issued.codeChallenge) {
      return sendTokenError(response, 400, 'invalid_grant', 501481, 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
    issued.redeemed = true;

    const { tid, ...claims } = issued.user;
    const idToken = await this.token(tid, { ...claims, ...(issued.nonce ? { nonce: issued.nonce } : {}) }, { audience: app.clientId });
    sendJson(response, 200, { token_type: 'Bearer', scope: 'openid profile email', expires_in: 3599, ext_expires_in: 3599, access_token: await this.token(tid, claims, { audience: '00000003-0000-0000-c000-000000000000' }), id_token: idToken });
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function sendPage(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body><h1>Sorry, but we’re having trouble signing you in.</h1><p>${message}</p></body></html>`);
}

function sendTokenError(response: ServerResponse, status: number, error: string, code: number, description: string): void {
  const traceId = randomBytes(16).toString('hex');
  sendJson(response, status, {
    error,
    error_description: `${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${randomBytes(16).toString('hex')}\r\nTimestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: traceId,
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
