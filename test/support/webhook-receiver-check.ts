import { timingSafeEqual } from 'node:crypto';

import { SIGNATURE_HEADER, signatureOf } from '../../src/webhooks/webhook-signature.js';

/**
 * A webhook receiver's check, as the README tells customers to write it: the tests verify what
 * Rampart sends with it, the way a customer's endpoint would.
 */

/** How far a receiver should let `t` stray from its clock: a replayed request older than this is refused. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

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
