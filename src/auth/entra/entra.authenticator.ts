import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { TenantsRepository } from '../../tenancy/tenants.repository.js';
import { UsersRepository } from '../../users/users.repository.js';
import type { Caller } from '../caller.js';
import { ROLE_SCOPES } from '../scopes.js';
import { type EntraIdentity, EntraTokenVerifier } from './entra-token.verifier.js';
import type { UserRow } from '../../database/schema.js';

export const NO_ROLE_MESSAGE = 'Your account has no Rampart role: ask an administrator to assign one (admin, vcio, account_manager or viewer)';

/** How stale `last_sign_in_at` may get before a request refreshes it. */
const SIGN_IN_REFRESH_MS = 5 * 60_000;

@Injectable()
export class EntraAuthenticator {
  constructor(
    @Inject(EntraTokenVerifier) private readonly verifier: EntraTokenVerifier,
    private readonly database: Database,
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
  ) {}

  /**
   * The person the token stands for, in the Rampart tenant mapped to the token's Entra tenant, or
   * undefined when the token or its tenant is not accepted. Only tenants that are mapped get their
   * keys fetched.
   */
  async authenticate(token: string, request: { ip: string | null; requestId: string }): Promise<Caller | undefined> {
    if (!this.verifier.enabled) return undefined;
    const claimedTenant = this.verifier.claimedTenant(token);
    if (!claimedTenant) return undefined;
    const tenant = await this.tenants.findByEntraTenantId(claimedTenant);
    if (!tenant) return undefined;
    const identity = await this.verifier.verify(token, claimedTenant);
    if (!identity) return undefined;

    const user = await this.personFor(tenant.id, identity);
    if (!user) throw new ForbiddenException(NO_ROLE_MESSAGE);
    return {
      tenantId: tenant.id,
      actor: { type: 'user', id: user.id, label: user.email ?? user.displayName ?? identity.objectId },
      scopes: new Set(ROLE_SCOPES[user.role]),
      ip: request.ip,
      requestId: request.requestId,
    };
  }

  /**
   * The Rampart user an Entra identity signs in as, kept in step with the token; undefined when the
   * person has no role (none in the token's `roles` claim and none given in Rampart).
   */
  personFor(tenantId: string, identity: EntraIdentity): Promise<UserRow | undefined> {
    return this.database.inTenant(tenantId, async (scope) => {
      const known = await this.users.findByEntraObjectId(scope, identity.objectId);
      // The token's app role wins; without one, a role an admin gave the person in Rampart stands.
      const role = identity.role ?? known?.role;
      if (!role) return undefined;
      const unchanged = known && known.role === role && known.email === identity.email && known.displayName === identity.displayName;
      if (unchanged && known.lastSignInAt && Date.now() - known.lastSignInAt.getTime() < SIGN_IN_REFRESH_MS) return known;
      return this.users.upsertSignIn(scope, { entraObjectId: identity.objectId, email: identity.email, displayName: identity.displayName, role }, new Date());
    });
  }
}
