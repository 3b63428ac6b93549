import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import { Database } from '../../database/database.js';
import type { UserRow } from '../../database/schema.js';
import { TenantsRepository } from '../../tenancy/tenants.repository.js';
import { UsersRepository } from '../../users/users.repository.js';
import { EntraAuthenticator, NO_ROLE_MESSAGE } from '../entra/entra.authenticator.js';
import { EntraTokenVerifier } from '../entra/entra-token.verifier.js';
import { hashSecret, pkceChallenge, randomSecret, secretsEqual } from '../sessions/session-secrets.js';
import { type StartedSession, WebSessionsService } from '../sessions/web-sessions.service.js';
import { CodeRedemptionError, EntraSignInClient } from './entra-sign-in.client.js';
import { SignInAttemptsRepository } from './sign-in-attempts.repository.js';

export const ENTRA_SIGN_IN_CLIENT = Symbol('ENTRA_SIGN_IN_CLIENT');

/** How long someone has on Microsoft's sign-in page before the attempt lapses. */
const ATTEMPT_TTL_MS = 10 * 60_000;

/** The one person the demo sign-in signs in as, in the demo tenant only. */
export const DEMO_USER = { entraObjectId: '00000000-0000-4000-8000-0000000de000', email: 'demo@rampart.invalid', displayName: 'Demo administrator', role: 'admin' } as const;

export interface SignInRequest {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

export interface SignInOptions {
  entra: boolean;
  demo: boolean;
}

/** A sign-in that did not complete, with a message for the person and where to send them. */
export class SignInFailed extends Error {}

export interface EntraCallback {
  state: string | undefined;
  /** The state in the cookie of the browser that started the attempt. */
  browserState: string | undefined;
  code: string | undefined;
  error: string | undefined;
  errorDescription: string | undefined;
}

@Injectable()
export class SignInService {
  constructor(
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
    @Inject(ENTRA_SIGN_IN_CLIENT) private readonly entraClient: EntraSignInClient | null,
    @Inject(EntraTokenVerifier) private readonly verifier: EntraTokenVerifier,
    private readonly entra: EntraAuthenticator,
    private readonly attempts: SignInAttemptsRepository,
    private readonly sessions: WebSessionsService,
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
    private readonly database: Database,
  ) {}

  async options(): Promise<SignInOptions> {
    return { entra: this.entraClient !== null, demo: await this.demoTenantId().then(Boolean) };
  }

  get redirectUri(): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}/api/v1/auth/callback`;
  }

  /** Starts an Entra sign-in: the state for the browser's cookie and the URL to send it to. */
  async beginEntra(returnTo: string | undefined): Promise<{ state: string; authorizeUrl: string }> {
    const client = this.requireEntra();
    const state = randomSecret();
    const attempt = { codeVerifier: randomSecret(), nonce: randomSecret(), returnTo: safeReturnPath(returnTo) };
    await this.attempts.create(hashSecret(state), attempt, new Date(Date.now() + ATTEMPT_TTL_MS));
    return { state, authorizeUrl: client.authorizeUrl({ state, nonce: attempt.nonce, codeChallenge: pkceChallenge(attempt.codeVerifier), redirectUri: this.redirectUri }) };
  }

  /** Finishes an Entra sign-in; throws SignInFailed with words for the person otherwise. */
  async completeEntra(callback: EntraCallback, request: SignInRequest): Promise<{ session: StartedSession; returnTo: string }> {
    const client = this.requireEntra();
    if (!callback.state || !secretsEqual(callback.state, callback.browserState)) {
      throw new SignInFailed('This sign-in was not started in this browser or has expired: sign in again');
    }
    const attempt = await this.attempts.take(hashSecret(callback.state), new Date());
    if (!attempt) throw new SignInFailed('This sign-in has expired or was already used: sign in again');
    if (callback.error) throw new SignInFailed(`Microsoft did not sign you in: ${callback.errorDescription?.split(/\r?\n/)[0] ?? callback.error}`);
    if (!callback.code) throw new SignInFailed('Microsoft returned no authorization code: sign in again');

    let idToken: string;
    try {
      idToken = await client.redeem(callback.code, attempt.codeVerifier, this.redirectUri);
    } catch (error) {
      if (error instanceof CodeRedemptionError) throw new SignInFailed(error.message);
      throw error;
    }
    // Keys are fetched only for Entra tenants mapped to a Rampart tenant.
    const entraTenantId = this.verifier.claimedTenant(idToken);
    const tenant = entraTenantId ? await this.tenants.findByEntraTenantId(entraTenantId) : undefined;
    if (!entraTenantId || !tenant) throw new SignInFailed('Your Microsoft organisation is not connected to Rampart: ask your Rampart administrator to map its tenant id');
    const identity = await this.verifier.verifyIdToken(idToken, entraTenantId, client.clientId, attempt.nonce);
    if (!identity) throw new SignInFailed('Microsoft’s answer could not be verified: sign in again');
    const user = await this.entra.personFor(tenant.id, identity);
    if (!user) throw new SignInFailed(NO_ROLE_MESSAGE);
    return { session: await this.sessions.start(user, 'entra', request), returnTo: attempt.returnTo };
  }

  /** One click into the demo tenant as its administrator; only while the demo is on. */
  async demo(request: SignInRequest): Promise<StartedSession> {
    const tenantId = await this.demoTenantId();
    if (!tenantId) throw new NotFoundException('Demo sign-in is off: it works only while Rampart runs its demo tenant (RAMPART_DEMO=true)');
    const user: UserRow = await this.database.inTenant(tenantId, (scope) => this.users.upsertSignIn(scope, DEMO_USER, new Date()));
    return this.sessions.start(user, 'demo', request);
  }

  private async demoTenantId(): Promise<string | undefined> {
    if (!this.config.demo) return undefined;
    return (await this.tenants.findDemo())?.id;
  }

  private requireEntra(): EntraSignInClient {
    if (!this.entraClient) throw new NotFoundException('Sign-in with Microsoft is not configured: set ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET');
    return this.entraClient;
  }
}

/** Only a path on this site: never another origin (`//evil.example`, `https://…`) and never the API. */
export function safeReturnPath(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/api/') || value.length > 2000) return '/';
  return /^[\x21-\x7e]*$/.test(value) ? value : '/';
}
