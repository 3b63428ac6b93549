import type { EntraConfig } from '../../config/config.js';

export interface AuthorizationRequest {
  state: string;
  nonce: string;
  codeChallenge: string;
  redirectUri: string;
}

/** Why a code could not be redeemed, in words for the person signing in. */
export class CodeRedemptionError extends Error {}

/**
 * The two Microsoft identity platform endpoints browser sign-in needs: the authorize URL (code flow
 * with PKCE, any work or school account) and the token endpoint that redeems the code.
 */
export class EntraSignInClient {
  constructor(
    private readonly authority: string,
    private readonly app: NonNullable<EntraConfig['webSignIn']>,
  ) {}

  get clientId(): string {
    return this.app.clientId;
  }

  authorizeUrl(request: AuthorizationRequest): string {
    const url = new URL(`${this.authority}/organizations/oauth2/v2.0/authorize`);
    url.search = new URLSearchParams({
      client_id: this.app.clientId,
      response_type: 'code',
      redirect_uri: request.redirectUri,
      response_mode: 'query',
      scope: 'openid profile email',
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  /** The ID token for an authorization code; throws CodeRedemptionError with Entra's reason. */
  async redeem(code: string, codeVerifier: string, redirectUri: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${this.authority}/organizations/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          client_id: this.app.clientId,
          client_secret: this.app.clientSecret,
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
          scope: 'openid profile email',
        }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new CodeRedemptionError(`Microsoft sign-in could not be reached (${error instanceof Error ? error.message : String(error)})`);
    }
    const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown; error_description?: unknown };
    if (!response.ok || typeof body.id_token !== 'string') {
      // error_description starts with an AADSTS code, which is what an admin searches for.
      const reason = typeof body.error_description === 'string' ? body.error_description.split(/\r?\n/)[0] : typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
      throw new CodeRedemptionError(`Microsoft refused the sign-in: ${reason}`);
    }
    return body.id_token;
  }
}
