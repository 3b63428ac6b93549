import { createHash, randomBytes } from 'node:crypto';

const KEY_PATTERN = /^rmp_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface IssuedApiKey {
  /** The whole key, shown to its owner once and never stored. */
  key: string;
  /** The visible part, stored in clear so people can tell keys apart (`rmp_k3T9xQa2Lm`). */
  prefix: string;
  hash: Buffer;
}

/** `rmp_<10-char id>_<256 random bits>`: recognisable by secret scanners, unguessable. */
export function issueApiKey(): IssuedApiKey {
  const id = Array.from(randomBytes(10), (byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join('');
  const prefix = `rmp_${id}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function looksLikeApiKey(credential: string): boolean {
  return KEY_PATTERN.test(credential);
}
