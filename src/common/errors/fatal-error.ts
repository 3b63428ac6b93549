import { ConfigError } from '../../config/config.js';
import { DataDirInUseError } from '../../database/data-dir-lock.js';

/** Errors a person can act on from the message alone. */
const EXPECTED_ERRORS: (new (...args: never[]) => Error)[] = [ConfigError, DataDirInUseError];

export function registerExpectedError(type: new (...args: never[]) => Error): void {
  EXPECTED_ERRORS.push(type);
}

export function isExpectedError(error: unknown): boolean {
  return EXPECTED_ERRORS.some((type) => error instanceof type);
}

/** One line for an expected error; the stack for anything else, which is a bug to report. */
export function describeFatalError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return isExpectedError(error) ? error.message : (error.stack ?? error.message);
}
