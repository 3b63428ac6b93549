import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { CredentialsCipher, CredentialsKeyMissingError, credentialsContext } from './credentials.cipher.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const context = credentialsContext('tenant-a', 'integration-1');

describe(CredentialsCipher.name, () => {
  it('round-trips credentials without the secret appearing in the ciphertext', () => {
    const sealed = new CredentialsCipher([k1]).seal({ privateKey: 'sup3r-s3cret-value' }, context);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.nonce).toHaveLength(12);
    expect(sealed.ciphertext.toString('latin1')).not.toContain('sup3r-s3cret-value');
    expect(new CredentialsCipher([k1]).open(sealed, context)).toEqual({ privateKey: 'sup3r-s3cret-value' });
  });

  it('uses a fresh nonce each time', () => {
    const cipher = new CredentialsCipher([k1]);
    expect(cipher.seal({ a: 1 }, context).nonce).not.toEqual(cipher.seal({ a: 1 }, context).nonce);
  });

  it('rotates: new seals use the first key, old ones still open with the key they name', () => {
    const old = new CredentialsCipher([k1]).seal({ secret: 'x' }, context);
    const rotated = new CredentialsCipher([k2, k1]);
    expect(rotated.seal({ secret: 'y' }, context).keyId).toBe('k2');
    expect(rotated.open(old, context)).toEqual({ secret: 'x' });
  });

  it('refuses a ciphertext moved to another tenant or integration', () => {
    const cipher = new CredentialsCipher([k1]);
    const sealed = cipher.seal({ secret: 'x' }, context);
    expect(() => cipher.open(sealed, credentialsContext('tenant-b', 'integration-1'))).toThrow(/unable to authenticate/);
    expect(() => cipher.open(sealed, credentialsContext('tenant-a', 'integration-2'))).toThrow(/unable to authenticate/);
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new CredentialsCipher([k1]);
    const sealed = cipher.seal({ secret: 'x' }, context);
    sealed.ciphertext[0]! ^= 1;
    expect(() => cipher.open(sealed, context)).toThrow(/unable to authenticate/);
  });

  it('says which key is missing', () => {
    const sealed = new CredentialsCipher([k1]).seal({ secret: 'x' }, context);
    expect(() => new CredentialsCipher([k2]).open(sealed, context)).toThrow(/key "k1", which RAMPART_ENCRYPTION_KEYS no longer lists/);
    expect(() => new CredentialsCipher([])).toThrow(CredentialsKeyMissingError);
  });
});
