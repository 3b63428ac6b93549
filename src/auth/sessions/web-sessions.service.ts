import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import { Database } from '../../database/database.js';
import type { UserRow } from '../../database/schema.js';
import type { Caller, Origin } from '../caller.js';
import { ROLE_SCOPES } from '../scopes.js';
import { hashSecret, randomSecret } from './session-secrets.js';
import { type WebSession, WebSessionsRepository } from './web-sessions.repository.js';

/** However active, a session ends this long after sign-in. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;
/** `last_seen_at` is written at most this often, so every page load is not a write. */
const LAST_SEEN_GRANULARITY_MS = 60_000;

export type SignInMethod = 'entra' | 'demo';

export interface StartedSession {
  /** Goes to the browser in the cookie and nowhere else. */
  token: string;
  session: AuthenticatedSession;
}

export interface AuthenticatedSession {
  caller: Caller;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: WebSession['user'];
}

@Injectable()
export class WebSessionsService {
  constructor(
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
    private readonly database: Database,
    private readonly sessions: WebSessionsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Signs `user` in: a new session, the tenant's ended sessions swept, the sign-in audited. */
  async start(user: UserRow, method: SignInMethod, request: { ip: string | null; requestId: string | null; userAgent: string | null }): Promise<StartedSession> {
    const token = randomSecret();
    const now = new Date();
    const origin: Origin = { actor: actorOf(user.id, user), ip: request.ip, requestId: request.requestId };
    const csrfToken = randomSecret();
    const created = await this.database.inTenant(user.tenantId, async (scope) => {
      await this.sessions.deleteEnded(scope, now, this.idleSince(now));
      const row = await this.sessions.create(scope, {
        userId: user.id,
        tokenHash: hashSecret(token),
        csrfToken,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS),
        ip: request.ip,
        userAgent: request.userAgent?.slice(0, 500) ?? null,
      });
      await this.audit.record(scope, origin, { action: 'user.signed_in', target: { type: 'user', id: user.id }, details: { method, sessionId: row.id } });
      return row;
    });
    return { token, session: authenticatedSession({ id: created.id, tenantId: user.tenantId, userId: user.id, csrfToken, expiresAt: created.expiresAt, user }, origin) };
  }

  /** The caller a session cookie stands for, or undefined when it is unknown, ended or idle too long. */
  async authenticate(token: string, request: { ip: string | null; requestId: string }): Promise<AuthenticatedSession | undefined> {
    const session = await this.sessions.findByHash(hashSecret(token));
    const now = new Date();
    if (!session || session.expiresAt <= now || session.lastSeenAt < this.idleSince(now)) return undefined;
    if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
      await this.database.inTenant(session.tenantId, (scope) => this.sessions.touch(scope, session.id, now));
    }
    return authenticatedSession(session, request);
  }

  async end(session: AuthenticatedSession): Promise<void> {
    await this.database.inTenant(session.caller.tenantId, async (scope) => {
      await this.sessions.delete(scope, session.sessionId);
      await this.audit.record(scope, session.caller, { action: 'user.signed_out', target: { type: 'user', id: session.caller.actor.id! }, details: { sessionId: session.sessionId } });
    });
  }

  private idleSince(now: Date): Date {
    return new Date(now.getTime() - this.config.auth.sessionIdleMinutes * 60_000);
  }
}

function authenticatedSession(session: Pick<WebSession, 'id' | 'tenantId' | 'userId' | 'csrfToken' | 'expiresAt' | 'user'>, request: { ip: string | null; requestId: string | null }): AuthenticatedSession {
  return {
    caller: {
      tenantId: session.tenantId,
      actor: actorOf(session.userId, session.user),
      // The role is read on every request, so an admin's change applies at once.
      scopes: new Set(ROLE_SCOPES[session.user.role]),
      ip: request.ip,
      requestId: request.requestId,
    },
    sessionId: session.id,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    user: { email: session.user.email, displayName: session.user.displayName, role: session.user.role },
  };
}

function actorOf(userId: string, user: { email: string | null; displayName: string | null }): Caller['actor'] {
  return { type: 'user', id: userId, label: user.email ?? user.displayName ?? userId };
}
