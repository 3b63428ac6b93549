/** Errors a connector throws; the sync engine records their message on the run as the vendor said it. */
export class PsaError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401/403: wrong or insufficient credentials. Never retried: retrying cannot fix it. */
export class PsaAuthError extends PsaError {}

/** Still rate limited (429) after every retry the policy allows. */
export class PsaRateLimitError extends PsaError {}

/** 5xx, timeouts, dropped connections or unreadable bodies that outlasted the retries. */
export class PsaUnavailableError extends PsaError {}

/** Any other 4xx: the request was wrong (bad filter, unknown field); the vendor's text says why. */
export class PsaRequestError extends PsaError {}
