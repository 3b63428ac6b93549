import { type CanActivate, type ExecutionContext, ForbiddenException, HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyAuthenticator } from './api-key.authenticator.js';
import { looksLikeApiKey } from './api-key.secret.js';
import { type AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_SCOPE } from './auth.decorators.js';
import type { Caller } from './caller.js';
import { EntraAuthenticator } from './entra/entra.authenticator.js';
import { FailedAuthLimiter } from './failed-auth.limiter.js';
import type { Scope } from './scopes.js';
import { readCookie, SESSION_COOKIE } from './sessions/session-cookie.js';
import { secretsEqual } from './sessions/session-secrets.js';
import { WebSessionsService } from './sessions/web-sessions.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route needs credentials unless marked @Public(): a header credential (API key or Entra
 * token) or, from the web app, the session cookie with its CSRF token on writes. Header credential
 * failures all look the same (401, one message) so a caller learns nothing about which keys exist;
 * repeated failures from one address are refused with 429 for the rest of the window.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly entra: EntraAuthenticator,
    private readonly sessions: WebSessionsService,
    @Inject(FailedAuthLimiter) private readonly limiter: FailedAuthLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const source = request.ip ?? 'unknown';
    const retryAfterSeconds = this.limiter.retryAfterSeconds(source);
    if (retryAfterSeconds > 0) {
      throw new HttpException({ message: `Too many failed authentication attempts; retry in ${retryAfterSeconds} s`, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
    }

    const origin = { ip: request.ip ?? null, requestId: request.id };
    const credential = credentialOf(request);
    const sessionToken = credential ? undefined : readCookie(request.header('cookie'), SESSION_COOKIE);
    let caller: Caller | undefined;
    if (sessionToken) {
      const session = await this.sessions.authenticate(sessionToken, origin);
      if (!session) throw new UnauthorizedException('Your session has ended: sign in again');
      // A page on another site can make the browser send the cookie, but cannot read the token to echo it.
      if (!SAFE_METHODS.has(request.method) && !secretsEqual(session.csrfToken, request.header('x-csrf-token'))) {
        throw new ForbiddenException('Missing or wrong X-CSRF-Token header: send the csrfToken from GET /api/v1/auth/session with every change');
      }
      request.webSession = session;
      caller = session.caller;
    } else {
      caller = await this.authenticate(credential, origin);
      if (!caller) {
        this.limiter.recordFailure(source);
        throw new UnauthorizedException('Missing or invalid credentials: send an API key as "Authorization: Bearer <key>" or "x-api-key", or an Entra ID access token');
      }
    }
    request.caller = caller;

    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets);
    if (scope && !caller.scopes.has(scope)) {
      throw new ForbiddenException(`These credentials lack the ${scope} scope`);
    }
    return true;
  }

  private authenticate(credential: string | undefined, request: { ip: string | null; requestId: string }): Promise<Caller | undefined> {
    if (!credential) return Promise.resolve(undefined);
    if (looksLikeApiKey(credential)) return this.apiKeys.authenticate(credential, request);
    return this.entra.authenticate(credential, request);
  }
}

function credentialOf(request: AuthenticatedRequest): string | undefined {
  const apiKey = request.header('x-api-key');
  if (apiKey) return apiKey.trim();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.header('authorization') ?? '');
  return match?.[1];
}
