import { describe, expect, it } from '@jest/globals';
import { hashApiKey, issueApiKey, looksLikeApiKey } from './api-key.secret.js';

describe(issueApiKey.name, () => {
  it('issues keys that start with their visible prefix and carry 256 random bits', () => {
    const issued = issueApiKey();
    expect(issued.prefix).toMatch(/^rmp_[A-Za-z0-9]{10}$/);
    expect(issued.key.startsWith(`${issued.prefix}_`)).toBe(true);
    expect(Buffer.from(issued.key.slice(issued.prefix.length + 1), 'base64url')).toHaveLength(32);
    expect(looksLikeApiKey(issued.key)).toBe(true);
  });

  it('stores only the SHA-256 of the key', () => {
    const issued = issueApiKey();
    expect(issued.hash).toEqual(hashApiKey(issued.key));
    expect(issued.hash).toHaveLength(32);
    expect(issued.hash.toString('utf8')).not.toContain(issued.key);
  });

  it('never issues the same key twice', () => {
    const keys = new Set(Array.from({ length: 500 }, () => issueApiKey().key));
    const prefixes = new Set(Array.from({ length: 500 }, () => issueApiKey().prefix));
    expect(keys.size).toBe(500);
    expect(prefixes.size).toBe(500);
  });
});

describe(looksLikeApiKey.name, () => {
  it.each(['', 'rmp_', 'rmp_short_abc', 'Bearer rmp_x', 'eyJhbGciOiJSUzI1NiJ9.e30.sig', `xmp_AAAAAAAAAA_${'a'.repeat(43)}`])('rejects %p', (value) => {
    expect(looksLikeApiKey(value)).toBe(false);
  });
});
