import { describe, expect, it } from '@jest/globals';
import { highestRole } from './entra-token.verifier.js';

describe(highestRole.name, () => {
  it('picks the most privileged Rampart role in the claim', () => {
    expect(highestRole(['viewer', 'vcio'])).toBe('vcio');
    expect(highestRole(['account_manager', 'Admin'])).toBe('admin');
  });

  it('ignores roles Rampart does not define', () => {
    expect(highestRole(['Global Administrator', 'owner'])).toBeNull();
    expect(highestRole(['viewer', 42])).toBe('viewer');
  });

  it('has no role without a roles array', () => {
    expect(highestRole(undefined)).toBeNull();
    expect(highestRole('admin')).toBeNull();
  });
});
