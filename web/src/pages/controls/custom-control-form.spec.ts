import { describe, expect, it } from '@jest/globals';
import { createBody, formFromControl, NEW_CONTROL, suggestedKey, updateBody } from './custom-control-form.js';
import type { Control } from './types.js';

const saved: Control = {
  id: 'c-1',
  key: 'custom.printer_firmware',
  builtin: false,
  name: 'Printer firmware current',
  category: 'network',
  severity: 'low',
  description: 'Printers run supported firmware.',
  rationale: '',
  remediation: 'Update the firmware.',
  evidenceSource: '',
  evaluator: { kind: 'expression', params: { expression: 'facts["printers.firmware_current"] == true' } },
  mappings: [],
  effective: { enabled: true, weight: 1, params: {}, notApplicableReason: null, sources: { enabled: 'default', weight: 'default', notApplicable: 'default', params: {} } },
};

describe('createBody', () => {
  it('trims the text, wraps the expression as the evaluator and leaves a blank key to the API', () => {
    const body = createBody({ ...NEW_CONTROL, name: ' MFA and legacy auth ', category: 'identity', description: ' Both. ', expression: 'facts["a"]\n && facts["b"]' });
    expect(body).toEqual({
      name: 'MFA and legacy auth',
      category: 'identity',
      severity: 'medium',
      description: 'Both.',
      remediation: '',
      evaluator: { kind: 'expression', params: { expression: 'facts["a"]\n && facts["b"]' } },
    });
    expect(createBody({ ...NEW_CONTROL, key: ' custom.mine ' }).key).toBe('custom.mine');
  });
});

describe('updateBody', () => {
  it('sends only what changed, or nothing at all', () => {
    expect(updateBody(formFromControl(saved), saved)).toBeNull();
    expect(updateBody({ ...formFromControl(saved), severity: 'high', remediation: 'Update it. ' }, saved)).toEqual({ severity: 'high', remediation: 'Update it.' });
    expect(updateBody({ ...formFromControl(saved), expression: 'true' }, saved)).toEqual({ evaluator: { kind: 'expression', params: { expression: 'true' } } });
  });

  it('keeps an evaluator that is not an expression', () => {
    const threshold: Control = { ...saved, evaluator: { kind: 'numeric_threshold', params: { fact: 'x', threshold: 1 } } };
    expect(formFromControl(threshold).expression).toBe('');
    expect(updateBody({ ...formFromControl(threshold), expression: 'true' }, threshold)).toBeNull();
  });
});

describe('suggestedKey', () => {
  it('makes the key the API would make from the name', () => {
    expect(suggestedKey('MFA everywhere & legacy sign-in blocked!')).toBe('custom.mfa_everywhere_legacy_sign_in_blocked');
    expect(suggestedKey('Résumé')).toBe('custom.resume');
    expect(suggestedKey('  ')).toBe('custom.control');
  });
});
