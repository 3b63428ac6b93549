import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, as a receiver checks them: `Rampart-Signature: t=<unix seconds>,v1=<hex>`
 * where the hex is HMAC-SHA256, keyed with the whole secret (`whsec_…`), of `<t>.<raw body>`.
 * While a rotated-out secret is still valid, the header carries one `v1` per secret.
 */
export const SIGNATURE_HEADER = 'Rampart-Signature';
export const SECRET_PREFIX = 'whsec_';
/** How far a receiver should let `t` stray from its clock: a replayed request older than this is refused. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

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

export interface ParsedSignature {
  timestamp: number;
  signatures: string[];
}

/** Reads `t` and every `v1` from the header; unknown schemes are ignored, so new ones can be added. */
export function parseSignatureHeader(header: string): ParsedSignature | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

export type VerifyResult = { valid: true; timestamp: number } | { valid: false; reason: string };

/**
 * Checks a received request: the header parses, its time is within `toleranceSeconds` of `now`,
 * and one of its `v1` signatures matches (compared in constant time).
 */
export function verify(
  header: string | undefined,
  body: string | Buffer,
  secret: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): VerifyResult {
  if (!header) return { valid: false, reason: `No ${SIGNATURE_HEADER} header` };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { valid: false, reason: `${SIGNATURE_HEADER} has no t= and v1= values` };
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - parsed.timestamp) > tolerance) return { valid: false, reason: `The timestamp is more than ${tolerance} seconds from now` };
  const expected = Buffer.from(signatureOf(secret, parsed.timestamp, body), 'hex');
  const matches = parsed.signatures.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  return matches ? { valid: true, timestamp: parsed.timestamp } : { valid: false, reason: 'No signature matches the secret' };
}
