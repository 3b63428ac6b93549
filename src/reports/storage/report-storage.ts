/** Where generated report PDFs are kept: a directory on this machine or a Supabase Storage bucket. */
export interface ReportStorage {
  readonly kind: ReportStorageKind;
  /** Stores a report file. A file is written once: repeating a put with the same bytes succeeds, other bytes under the key fail. */
  put(key: string, pdf: Buffer): Promise<void>;
  /** The stored bytes; `ReportFileMissingError` when nothing is stored under the key. */
  get(key: string): Promise<Buffer>;
  /** Removes the files; a key with nothing stored under it is not an error. */
  remove(keys: string[]): Promise<void>;
}

export type ReportStorageKind = 'local' | 'supabase';

export const REPORT_STORAGE = Symbol('REPORT_STORAGE');

const STORE_NAMES: Record<ReportStorageKind, string> = { local: 'Local report storage', supabase: 'Supabase Storage' };
const OPERATION_VERBS = { put: 'store', get: 'read', remove: 'remove' } as const;
export type ReportStorageOperation = keyof typeof OPERATION_VERBS;

/** Nothing is stored under the key: the file was removed, or never written. */
export class ReportFileMissingError extends Error {
  constructor(readonly key: string) {
    super('The report file is not in report storage');
    this.name = 'ReportFileMissingError';
  }
}

export interface ReportStorageFailure {
  store: ReportStorageKind;
  operation: ReportStorageOperation;
  /** What went wrong, in the store's words; never a key or a credential. */
  reason: string;
  /** The store's status (an HTTP status, or an errno code for a directory). */
  status?: string;
  /** The store's own error code, e.g. Supabase's `AccessDenied`. */
  code?: string;
  cause?: unknown;
}

/** The store could not do what was asked; the message names the store and its status, so an operator can act on it. */
export class ReportStorageError extends Error {
  readonly store: ReportStorageKind;
  readonly operation: ReportStorageOperation;
  readonly status: string | undefined;
  readonly code: string | undefined;

  constructor(failure: ReportStorageFailure) {
    const details = [failure.status && `status ${failure.status}`, failure.code && `code ${failure.code}`].filter(Boolean).join(', ');
    super(`${STORE_NAMES[failure.store]} could not ${OPERATION_VERBS[failure.operation]} a report file: ${failure.reason}${details ? ` (${details})` : ''}`, { cause: failure.cause });
    this.name = 'ReportStorageError';
    this.store = failure.store;
    this.operation = failure.operation;
    this.status = failure.status;
    this.code = failure.code;
  }
}

/** A key no store will take: not relative, or able to step outside the store's root. */
export class InvalidReportKeyError extends Error {
  constructor(reason: string) {
    super(`Invalid report storage key: ${reason}`);
    this.name = 'InvalidReportKeyError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `{tenantId}/{reportId}.pdf`: a tenant's reports under one prefix, so they can be listed or purged together. */
export function reportKey(tenantId: string, reportId: string): string {
  // Lower-case only, as PostgreSQL and randomUUID() print them: one report, one key.
  if (!UUID.test(tenantId)) throw new InvalidReportKeyError(`the tenant id must be a lower-case UUID, got "${tenantId}"`);
  if (!UUID.test(reportId)) throw new InvalidReportKeyError(`the report id must be a lower-case UUID, got "${reportId}"`);
  return `${tenantId}/${reportId}.pdf`;
}

/**
 * The rule both stores apply: slash-separated names, none empty, `.` or `..`, no backslash or NUL.
 * A directory would otherwise resolve `a/../../x` outside its root, and Supabase would quietly
 * collapse `a//b` into `a/b`.
 */
export function assertValidReportKey(key: string): void {
  if (key.length === 0 || key.length > 1024) throw new InvalidReportKeyError('a key is 1 to 1,024 characters');
  if (key.includes('\\') || key.includes('\0')) throw new InvalidReportKeyError('backslashes and NUL are not allowed');
  if (key.startsWith('/')) throw new InvalidReportKeyError('a key is relative to the store, not an absolute path');
  if (key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new InvalidReportKeyError('a key may not have empty, "." or ".." segments');
  }
}
