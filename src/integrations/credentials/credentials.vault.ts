import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import type { IntegrationRow } from '../../database/schema.js';
import { CredentialsCipher, credentialsContext, type SealedCredentials } from './credentials.cipher.js';
import { loadOrCreateLocalKey } from './local-key-file.js';

/** Seals and opens integration credentials with the configured keys (or the embedded key file). */
@Injectable()
export class CredentialsVault {
  private cipher?: CredentialsCipher;

  constructor(@Inject(RAMPART_CONFIG) private readonly config: RampartConfig) {}

  seal(tenantId: string, integrationId: string, credentials: object): SealedCredentials {
    return this.getCipher().seal(credentials, credentialsContext(tenantId, integrationId));
  }

  open<T extends object>(integration: Pick<IntegrationRow, 'tenantId' | 'id' | 'credentialsCiphertext' | 'credentialsNonce' | 'credentialsKeyId'>): T {
    return this.getCipher().open<T>(
      { ciphertext: Buffer.from(integration.credentialsCiphertext), nonce: Buffer.from(integration.credentialsNonce), keyId: integration.credentialsKeyId },
      credentialsContext(integration.tenantId, integration.id),
    );
  }

  private getCipher(): CredentialsCipher {
    if (this.cipher) return this.cipher;
    const keys = this.config.encryptionKeys ?? (this.config.databaseUrl ? undefined : [loadOrCreateLocalKey(this.config.dataDir)]);
    if (!keys) {
      throw new ServiceUnavailableException('PSA credentials cannot be stored: this deployment has no encryption key. Set RAMPART_ENCRYPTION_KEYS (see README)');
    }
    this.cipher = new CredentialsCipher(keys);
    return this.cipher;
  }
}
