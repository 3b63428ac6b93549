import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EncryptionKey } from '../../config/config.js';

/**
 * The embedded default keeps its credentials key beside its data (owner-only), made on first use,
 * so `npm start` works with no setup. A server deployment sets RAMPART_ENCRYPTION_KEYS instead and
 * keeps the key out of the database's backups.
 */
export function loadOrCreateLocalKey(dataDir: string): EncryptionKey {
  const file = path.join(dataDir, 'credentials.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `local-1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const [id, encoded] = readFileSync(file, 'utf8').trim().split(':');
  return { id: id!, key: Buffer.from(encoded!, 'base64') };
}
