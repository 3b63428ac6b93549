import { describe, expect, it } from '@jest/globals';
import { clearCookie, readCookie, setCookie } from './session-cookie.js';

describe(readCookie.name, () => {
  it('finds a cookie by its exact name among others', () => {
    expect(readCookie('theme=dark; rampart_session=abc_-1; other=x', 'rampart_session')).toBe('abc_-1');
    expect(readCookie('xrampart_session=nope; rampart_session=yes', 'rampart_session')).toBe('yes');
  });

  it('has nothing for a missing, empty or malformed cookie', () => {
    expect(readCookie(undefined, 'rampart_session')).toBeUndefined();
    expect(readCookie('rampart_session=', 'rampart_session')).toBeUndefined();
    expect(readCookie('rampart_session', 'rampart_session')).toBeUndefined();
  });
});

describe(setCookie.name, () => {
  it('is HttpOnly and SameSite=Lax, and Secure only when served over HTTPS', () => {
    expect(setCookie('s', 'v', { path: '/api', maxAgeSeconds: 60, secure: false })).toBe('s=v; Path=/api; Max-Age=60; HttpOnly; SameSite=Lax');
    expect(setCookie('s', 'v', { path: '/api', maxAgeSeconds: 60, secure: true })).toBe('s=v; Path=/api; Max-Age=60; HttpOnly; SameSite=Lax; Secure');
    expect(clearCookie('s', { path: '/api', secure: true })).toBe('s=; Path=/api; Max-Age=0; HttpOnly; SameSite=Lax; Secure');
  });
});
