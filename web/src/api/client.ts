/** The Rampart REST API as the browser calls it: same origin, session cookie, CSRF header on writes. */

export const API_BASE = '/api/v1';

export interface ErrorDetail {
  field: string;
  message: string;
}

/** An error response in the API's one shape, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Any failure as an ApiError (a thrown non-API error counts as "could not reach"), so callers handle one kind. */
export function asApiError(reason: unknown): ApiError {
  return reason instanceof ApiError ? reason : new ApiError(0, String(reason));
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** The session's CSRF token, sent with every request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the session has ended (expired or signed out elsewhere). */
export function onSessionEnded(handler: () => void): void {
  onUnauthorized = handler;
}

/** `/api/v1/path?query`, leaving out empty values and repeating arrays. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else params.set(name, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Rampart could not be reached: check your connection and try again');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    throw errorFrom(response, payload);
  }
  return payload as T;
}

function errorFrom(response: Response, payload: unknown): ApiError {
  if (payload && typeof payload === 'object' && 'message' in payload) {
    const body = payload as { message: unknown; details?: ErrorDetail[]; requestId?: string };
    return new ApiError(response.status, String(body.message), body.details ?? [], body.requestId ?? null);
  }
  return new ApiError(response.status, `The server answered ${response.status} ${response.statusText}`);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, query }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
};

/** A page of a list, as every list route returns it. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
