import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * A stand-in for login.microsoftonline.com: serves `/{tenant}/discovery/v2.0/keys` on loopback and
 * signs v2 access tokens the way Entra does (RS256, kid in the header, issuer per tenant).
 */
export class FakeEntra {
  readonly requests: string[] = [];
  private server!: Server;
  private privateKey!: SigningKey;
  private jwk!: JWK;
  private readonly kid = 'test-key-1';

  static async start(): Promise<FakeEntra> {
    const fake = new FakeEntra();
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    fake.privateKey = privateKey;
    fake.jwk = { ...(await exportJWK(publicKey)), kid: fake.kid, use: 'sig', alg: 'RS256' };
    fake.server = createServer((request, response) => {
      fake.requests.push(request.url ?? '');
      if (/^\/[0-9a-f-]{36}\/discovery\/v2\.0\/keys$/.test(request.url ?? '')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [fake.jwk] }));
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found' }));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get authority(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
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
}
