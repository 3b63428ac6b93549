import { createRemoteJWKSet, decodeJwt, type JWTPayload, jwtVerify } from 'jose';
import type { EntraConfig } from '../../config/config.js';
import { USER_ROLES, type UserRole } from '../../database/schema.js';
import { isUuidText } from '../../common/validation/uuid.js';

export interface EntraIdentity {
  entraTenantId: string;
  objectId: string;
  email: string | null;
  displayName: string | null;
  /** The most privileged Rampart app role in the token's `roles` claim, if any. */
  role: UserRole | null;
}

/**
 * Verifies Microsoft Entra ID v2 access tokens: RS256 only, signed by a key from the issuing
 * tenant's JWKS, issuer `{authority}/{tid}/v2.0`, audience one of ours.
 */
export class EntraTokenVerifier {
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  constructor(private readonly config: EntraConfig) {}

  get enabled(): boolean {
    return this.config.audiences.length > 0;
  }

  /** The `tid` claim of a token not yet verified: only to choose which tenant's keys verify it. */
  claimedTenant(token: string): string | undefined {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      return undefined;
    }
    return isUuidText(claims.tid) ? claims.tid.toLowerCase() : undefined;
  }

  /** The verified identity behind an access token for the Rampart API, or undefined for any token that fails a check. */
  async verify(token: string, entraTenantId: string): Promise<EntraIdentity | undefined> {
    if (!this.enabled) return undefined;
    const payload = await this.verifiedClaims(token, entraTenantId, this.config.audiences);
    return payload && identityOf(payload, entraTenantId);
  }

  /**
   * The identity in an ID token from the browser sign-in: issued to `clientId` by the tenant it
   * names (`entraTenantId`, read with claimedTenant), carrying the nonce this sign-in attempt sent.
   */
  async verifyIdToken(token: string, entraTenantId: string, clientId: string, nonce: string): Promise<EntraIdentity | undefined> {
    const payload = await this.verifiedClaims(token, entraTenantId, [clientId]);
    if (!payload || payload.nonce !== nonce) return undefined;
    return identityOf(payload, entraTenantId);
  }

  private async verifiedClaims(token: string, entraTenantId: string, audiences: string[]): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.keySet(entraTenantId), {
        issuer: `${this.config.authority}/${entraTenantId}/v2.0`,
        audience: audiences,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'oid', 'tid'],
        clockTolerance: 60,
      });
      return isUuidText(payload.oid) ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  private keySet(entraTenantId: string): ReturnType<typeof createRemoteJWKSet> {
    let keySet = this.keySets.get(entraTenantId);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(`${this.config.authority}/${entraTenantId}/discovery/v2.0/keys`), {
        timeoutDuration: 5000,
        cooldownDuration: 30_000,
        cacheMaxAge: 6 * 60 * 60 * 1000,
      });
      this.keySets.set(entraTenantId, keySet);
    }
    return keySet;
  }
}

function identityOf(payload: JWTPayload, entraTenantId: string): EntraIdentity {
  return {
    entraTenantId,
    objectId: String(payload.oid).toLowerCase(),
    email: stringClaim(payload, 'preferred_username') ?? stringClaim(payload, 'email'),
    displayName: stringClaim(payload, 'name'),
    role: highestRole(payload.roles),
  };
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** USER_ROLES runs from most to least privileged. */
export function highestRole(claim: unknown): UserRole | null {
  if (!Array.isArray(claim)) return null;
  const granted = new Set(claim.filter((value): value is string => typeof value === 'string').map((value) => value.toLowerCase()));
  return USER_ROLES.find((role) => granted.has(role)) ?? null;
}
