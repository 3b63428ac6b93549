/** An error a person can act on from its message alone: it prints as one line, not a stack. */
export class ExpectedError extends Error {}

export function isExpectedError(error: unknown): boolean {
  return error instanceof ExpectedError;
}

/** One line for an expected error; the stack for anything else, which is a bug to report. */
export function describeFatalError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return isExpectedError(error) ? error.message : (error.stack ?? error.message);
}
