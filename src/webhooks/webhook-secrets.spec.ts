import { describe, expect, it } from '@jest/globals';
import { ServiceUnavailableException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config.js';
import { WebhookSecretVault } from './webhook-secrets.js';

const keys = (...ids: string[]) => ids.map((id) => `${id}:${randomBytes(32).toString('base64')}`).join(',');

describe(WebhookSecretVault.name, () => {
  it('seals a secret so that only the same tenant and webhook open it, with the key id stored', () => {
    const vault = new WebhookSecretVault(loadConfig({ RAMPART_ENCRYPTION_KEYS: keys('k1') }));
    const sealed = vault.seal('tenant-a', 'webhook-1', 'whsec_abc');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.toString('latin1')).not.toContain('whsec_abc');
    expect(vault.open('tenant-a', 'webhook-1', sealed)).toBe('whsec_abc');
    expect(() => vault.open('tenant-b', 'webhook-1', sealed)).toThrow(/unable to authenticate/);
    expect(() => vault.open('tenant-a', 'webhook-2', sealed)).toThrow(/unable to authenticate/);
  });

  it('says which key is gone and what to do', () => {
    const sealed = new WebhookSecretVault(loadConfig({ RAMPART_ENCRYPTION_KEYS: keys('old') })).seal('t', 'w', 'whsec_abc');
    const rotated = new WebhookSecretVault(loadConfig({ RAMPART_ENCRYPTION_KEYS: keys('new') }));
    expect(() => rotated.open('t', 'w', sealed)).toThrow('The webhook\'s secret was encrypted with key "old", which RAMPART_ENCRYPTION_KEYS no longer lists; rotate the secret to sign again');
  });

  it('refuses to store secrets on PostgreSQL without a configured key (503)', () => {
    const vault = new WebhookSecretVault(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/rampart' }));
    expect(() => vault.seal('t', 'w', 'whsec_abc')).toThrow(ServiceUnavailableException);
  });
});
