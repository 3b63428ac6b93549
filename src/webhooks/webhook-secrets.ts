import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { RAMPART_CONFIG, type RampartConfig } from '../config/config.js';
import { CredentialsCipher, CredentialsKeyMissingError, type SealedCredentials } from '../integrations/credentials/credentials.cipher.js';
import { loadOrCreateLocalKey } from '../integrations/credentials/local-key-file.js';

/** A sealed secret as stored on the webhook row. */
export interface StoredSecret {
  ciphertext: Buffer | Uint8Array;
  nonce: Buffer | Uint8Array;
  keyId: string;
}

/** What ties a sealed secret to one webhook of one tenant: copied onto another row it no longer opens. */
export function webhookSecretContext(tenantId: string, webhookId: string): string {
  return `rampart:webhook-secret:${tenantId}:${webhookId}`;
}

/**
 * Signing secrets at rest: sealed with the same keys as PSA credentials (RAMPART_ENCRYPTION_KEYS,
 * or the embedded key file), so one key rotation covers both. Rampart must read the secret back
 * to sign, so it is encrypted rather than hashed.
 */
@Injectable()
export class WebhookSecretVault {
  private cipher?: CredentialsCipher;

  constructor(@Inject(RAMPART_CONFIG) private readonly config: RampartConfig) {}

  seal(tenantId: string, webhookId: string, secret: string): SealedCredentials {
    return this.getCipher().seal({ secret }, webhookSecretContext(tenantId, webhookId));
  }

  open(tenantId: string, webhookId: string, stored: StoredSecret): string {
    const cipher = this.getCipher();
    try {
      return cipher.open<{ secret: string }>({ ciphertext: Buffer.from(stored.ciphertext), nonce: Buffer.from(stored.nonce), keyId: stored.keyId }, webhookSecretContext(tenantId, webhookId)).secret;
    } catch (error) {
      if (error instanceof CredentialsKeyMissingError) {
        throw new CredentialsKeyMissingError(`The webhook's secret was encrypted with key "${stored.keyId}", which RAMPART_ENCRYPTION_KEYS no longer lists; rotate the secret to sign again`);
      }
      throw error;
    }
  }

  private getCipher(): CredentialsCipher {
    if (this.cipher) return this.cipher;
    const keys = this.config.encryptionKeys ?? (this.config.databaseUrl ? undefined : [loadOrCreateLocalKey(this.config.dataDir)]);
    if (!keys) {
      throw new ServiceUnavailableException('Webhook secrets cannot be stored: this deployment has no encryption key. Set RAMPART_ENCRYPTION_KEYS (see README)');
    }
    this.cipher = new CredentialsCipher(keys);
    return this.cipher;
  }
}
