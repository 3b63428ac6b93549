import { describe, expect, it } from '@jest/globals';
import { safeReturnPath } from './sign-in.service.js';

describe(safeReturnPath.name, () => {
  it('keeps a page of the web app with its query', () => {
    expect(safeReturnPath('/clients/42?tab=controls')).toBe('/clients/42?tab=controls');
    expect(safeReturnPath('/portfolio')).toBe('/portfolio');
  });

  it('sends anything that could leave the site, or land on the API, to the start page', () => {
    for (const value of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'portfolio', '/api/v1/clients', `/${'a'.repeat(2001)}`, '/clients\n/x']) {
      expect(safeReturnPath(value)).toBe('/');
    }
  });
});
