import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../../config/config.js';

export interface SealedCredentials {
  ciphertext: Buffer;
  nonce: Buffer;
  keyId: string;
}

const TAG_LENGTH = 16;

export class CredentialsKeyMissingError extends Error {}

/**
 * AES-256-GCM for PSA credentials. The first key encrypts; any listed key decrypts what it
 * encrypted, found by the stored key id, so keys rotate without a flag day. The associated data
 * binds a ciphertext to its tenant and integration: copied onto another row it no longer opens.
 */
export class CredentialsCipher {
  constructor(private readonly keys: EncryptionKey[]) {
    if (keys.length === 0) throw new CredentialsKeyMissingError('No encryption key configured for PSA credentials: set RAMPART_ENCRYPTION_KEYS');
  }

  get currentKeyId(): string {
    return this.keys[0]!.id;
  }

  seal(credentials: object, associatedData: string): SealedCredentials {
    const current = this.keys[0]!;
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', current.key, nonce, { authTagLength: TAG_LENGTH });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { ciphertext, nonce, keyId: current.id };
  }

  open<T extends object>(sealed: SealedCredentials, associatedData: string): T {
    const key = this.keys.find((candidate) => candidate.id === sealed.keyId);
    if (!key) throw new CredentialsKeyMissingError(`PSA credentials were encrypted with key "${sealed.keyId}", which RAMPART_ENCRYPTION_KEYS no longer lists`);
    const body = sealed.ciphertext.subarray(0, sealed.ciphertext.length - TAG_LENGTH);
    const tag = sealed.ciphertext.subarray(sealed.ciphertext.length - TAG_LENGTH);
    const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.nonce, { authTagLength: TAG_LENGTH });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
  }
}

/** What ties a ciphertext to one integration of one tenant. */
export function credentialsContext(tenantId: string, integrationId: string): string {
  return `rampart:integration-credentials:${tenantId}:${integrationId}`;
}
