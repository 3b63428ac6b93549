import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { assertValidReportKey, InvalidReportKeyError, ReportFileMissingError, ReportStorageError, type ReportStorage, type ReportStorageOperation } from './report-storage.js';

/**
 * Report files in a directory on this machine (the embedded default), one file per key. Only this
 * user may read them: directories are made 0700 and files 0600.
 */
export class LocalReportStorage implements ReportStorage {
  readonly kind = 'local';
  private readonly root: string;

  constructor(directory: string) {
    this.root = path.resolve(directory);
  }

  async put(key: string, pdf: Buffer): Promise<void> {
    const file = this.fileOf(key);
    // Keys are fresh UUIDs, so nothing races for one: checking first keeps a file written once
    // without hard links, which some mounted file systems lack.
    const stored = await this.readIfPresent(file, 'put');
    if (stored) {
      if (stored.equals(pdf)) return;
      throw new ReportStorageError({ store: 'local', operation: 'put', reason: `a different file is already stored under this key in ${this.root}`, status: 'EEXIST' });
    }
    try {
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeAtomically(file, pdf);
    } catch (error) {
      throw this.failure('put', error);
    }
  }

  async get(key: string): Promise<Buffer> {
    const stored = await this.readIfPresent(this.fileOf(key), 'get');
    if (!stored) throw new ReportFileMissingError(key);
    return stored;
  }

  async remove(keys: string[]): Promise<void> {
    const files = keys.map((key) => this.fileOf(key));
    for (const file of files) {
      try {
        await fs.unlink(file);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw this.failure('remove', error);
      }
    }
  }

  private fileOf(key: string): string {
    assertValidReportKey(key);
    const file = path.resolve(this.root, ...key.split('/'));
    // The key rules already forbid escaping; this holds even if they are ever loosened.
    if (!file.startsWith(this.root + path.sep)) throw new InvalidReportKeyError('the key resolves outside the report directory');
    return file;
  }

  private async readIfPresent(file: string, operation: ReportStorageOperation): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(file);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return undefined;
      throw this.failure(operation, error);
    }
  }

  /** Node's messages end with the file's path, which holds the key: only the description is kept. */
  private failure(operation: ReportStorageOperation, error: unknown): ReportStorageError {
    const code = errnoCode(error);
    const message = stringField(error, 'message');
    const prefix = `${code}: `;
    const description = code && message?.startsWith(prefix) ? message.slice(prefix.length).split(',')[0] : 'unexpected file system error';
    return new ReportStorageError({ store: 'local', operation, reason: `${description} in ${this.root}`, status: code, cause: error });
  }
}

/**
 * Readers see the old state or the whole new file, never part of one: the bytes go to a temporary
 * file beside the target, reach the disk, and only then are renamed into place.
 */
async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const directory = path.dirname(file);
  const temporary = path.join(directory, `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    // The write's own error is the one to report; a failed cleanup leaves only a dot-file behind.
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  // The rename is durable only once the directory entry is on disk too.
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function errnoCode(error: unknown): string | undefined {
  return stringField(error, 'code');
}

/** Read off the value, not via `instanceof Error`, which fails for errors made in another realm (Node's own, under jest's VM). */
function stringField(value: unknown, field: 'code' | 'message'): string | undefined {
  if (typeof value !== 'object' || value === null || !(field in value)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[field];
  return typeof found === 'string' ? found : undefined;
}
