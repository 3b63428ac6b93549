import { createHmac, randomBytes } from 'node:crypto';

/**
 * Webhook signatures, as a receiver checks them: `Rampart-Signature: t=<unix seconds>,v1=<hex>`
 * where the hex is HMAC-SHA256, keyed with the whole secret (`whsec_…`), of `<t>.<raw body>`.
 * While a rotated-out secret is still valid, the header carries one `v1` per secret.
 */
export const SIGNATURE_HEADER = 'Rampart-Signature';
export const SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the secret; a Buffer body is taken byte for byte. */
export function signatureOf(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body).digest('hex');
}

/** The header value for `body` sent at `timestamp` (unix seconds), signed with each secret. */
export function sign(secrets: string | readonly string[], body: string, timestamp: number): string {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  if (list.length === 0) throw new Error('sign needs at least one secret');
  return [`t=${timestamp}`, ...list.map((secret) => `v1=${signatureOf(secret, timestamp, body)}`)].join(',');
}
