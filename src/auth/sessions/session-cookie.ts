/** The browser session cookie: HttpOnly so page scripts never see it, sent only to the API. */
export const SESSION_COOKIE = 'rampart_session';
export const SESSION_COOKIE_PATH = '/api';

/** Binds an Entra sign-in attempt to the browser that started it (login CSRF). */
export const SIGN_IN_COOKIE = 'rampart_sign_in';
export const SIGN_IN_COOKIE_PATH = '/api/v1/auth';

export interface CookieOptions {
  path: string;
  maxAgeSeconds: number;
  /** Set when Rampart is served over HTTPS, so the cookie never travels in clear text. */
  secure: boolean;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    return value.length > 0 ? value : undefined;
  }
  return undefined;
}

/** A `Set-Cookie` value; Lax lets the cookie ride the top-level redirect back from Microsoft's sign-in page. */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  return [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function clearCookie(name: string, options: Omit<CookieOptions, 'maxAgeSeconds'>): string {
  return setCookie(name, '', { ...options, maxAgeSeconds: 0 });
}
