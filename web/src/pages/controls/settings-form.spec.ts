import { describe, expect, it } from '@jest/globals';
import { bodyFromForm, formFromOverride, overrideFor, paramInputText, paramKindOf, parseParamInput, parseTargetKey, setsNothing, settingsPath, targetKey, type ParamInputKind } from './settings-form.js';
import type { ControlSetting } from './types.js';

const kinds: Record<string, ParamInputKind> = { threshold: 'number', fact: 'text', kinds: 'json', partialFrom: 'any', expected: 'boolean' };

function override(changes: Partial<ControlSetting>): ControlSetting {
  return { level: 'baseline', baselineId: 'b-1', clientId: null, enabled: null, weight: null, params: {}, notApplicable: null, notApplicableReason: null, updatedBy: 'Dana', updatedAt: '2026-11-23T10:00:00Z', ...changes };
}

describe('paramKindOf and parseParamInput', () => {
  it('types a parameter by its default value', () => {
    expect([1, true, 'x', null, ['a'], { a: 1 }].map(paramKindOf)).toEqual(['number', 'boolean', 'text', 'any', 'json', 'json']);
  });

  it('parses what was typed in, or says what is wrong', () => {
    expect(parseParamInput(' 0.9 ', 'number')).toEqual({ ok: true, value: 0.9 });
    expect(parseParamInput('ninety', 'number')).toEqual({ ok: false, message: 'must be a number' });
    expect(parseParamInput('false', 'boolean')).toEqual({ ok: true, value: false });
    expect(parseParamInput('["server"]', 'json')).toEqual({ ok: true, value: ['server'] });
    expect(parseParamInput('[server', 'json').ok).toBe(false);
    expect(parseParamInput('0.5', 'any')).toEqual({ ok: true, value: 0.5 });
    expect(parseParamInput('null', 'any')).toEqual({ ok: true, value: null });
    expect(parseParamInput('no_data', 'any')).toEqual({ ok: true, value: 'no_data' });
    expect(parseParamInput('m365.x', 'text')).toEqual({ ok: true, value: 'm365.x' });
  });

  it('shows stored values back in their inputs', () => {
    expect(paramInputText(undefined, 'number')).toBe('');
    expect(paramInputText(0.9, 'number')).toBe('0.9');
    expect(paramInputText('m365.x', 'text')).toBe('m365.x');
    expect(paramInputText(null, 'any')).toBe('null');
    expect(paramInputText(['a'], 'json')).toBe('[\n  "a"\n]');
  });
});

describe('formFromOverride', () => {
  it('starts from nothing set when the level has no override', () => {
    expect(formFromOverride(undefined, kinds)).toEqual({
      enabled: 'inherit',
      weight: '',
      applicability: 'inherit',
      notApplicableReason: '',
      params: { threshold: '', fact: '', kinds: '', partialFrom: '', expected: '' },
    });
  });

  it('starts from the stored override, parameters unknown to the control included', () => {
    const values = formFromOverride(override({ enabled: false, weight: 2.5, notApplicable: true, notApplicableReason: 'No servers', params: { threshold: 0.9, legacy: 'x' } }), kinds);
    expect(values).toMatchObject({ enabled: 'off', weight: '2.5', applicability: 'not_applicable', notApplicableReason: 'No servers' });
    expect(values.params).toMatchObject({ threshold: '0.9', legacy: 'x', fact: '' });
    expect(formFromOverride(override({ enabled: true, notApplicable: false }), kinds)).toMatchObject({ enabled: 'on', applicability: 'applies' });
  });
});

describe('bodyFromForm', () => {
  const empty = formFromOverride(undefined, kinds);

  it('sends null for what inherits and only the parameters typed in', () => {
    const result = bodyFromForm({ ...empty, weight: ' 2.5 ', params: { ...empty.params, threshold: '0.9' } }, { level: 'baseline', baselineId: 'b-1' }, kinds);
    expect(result).toEqual({ body: { level: 'baseline', baselineId: 'b-1', enabled: null, weight: 2.5, params: { threshold: 0.9 }, notApplicable: null } });
  });

  it('sends a weight of 0 (kept visible, out of the score) rather than inheriting', () => {
    expect(bodyFromForm({ ...empty, weight: '0' }, { level: 'tenant' }, kinds)).toMatchObject({ body: { level: 'tenant', weight: 0 } });
  });

  it('sends the reason with not applicable and leaves it out otherwise', () => {
    const notApplicable = bodyFromForm({ ...empty, applicability: 'not_applicable', notApplicableReason: ' No servers ' }, { level: 'client', clientId: 'c-1' }, kinds);
    expect(notApplicable).toEqual({ body: { level: 'client', clientId: 'c-1', enabled: null, weight: null, params: {}, notApplicable: true, notApplicableReason: 'No servers' } });
    const applies = bodyFromForm({ ...empty, enabled: 'off', applicability: 'applies', notApplicableReason: 'stale' }, { level: 'tenant' }, kinds);
    expect(applies).toEqual({ body: { level: 'tenant', enabled: false, weight: null, params: {}, notApplicable: false } });
  });

  it('names each field that cannot be sent as typed, as the API would', () => {
    const result = bodyFromForm({ ...empty, weight: 'heavy', params: { ...empty.params, threshold: 'high', kinds: '[oops' } }, { level: 'tenant' }, kinds);
    expect(result).toEqual({
      problems: [
        { field: 'weight', message: 'Weight must be a number from 0 to 10' },
        { field: 'params.threshold', message: 'threshold must be a number' },
        { field: 'params.kinds', message: 'kinds must be valid JSON (a list in [ ] or an object in { })' },
      ],
    });
  });

  it('knows a body that sets nothing', () => {
    const result = bodyFromForm(empty, { level: 'tenant' }, kinds);
    expect('body' in result && setsNothing(result.body)).toBe(true);
  });
});

describe('targets', () => {
  it('round-trips a target through a select value and names it for DELETE', () => {
    for (const target of [{ level: 'tenant' as const }, { level: 'baseline' as const, baselineId: 'b-1' }, { level: 'client' as const, clientId: 'c-1' }]) {
      expect(parseTargetKey(targetKey(target))).toEqual(target);
    }
    expect(parseTargetKey('baseline:')).toBeNull();
    expect(settingsPath('identity.mfa_all_users', { level: 'client', clientId: 'c-1' })).toBe('/controls/identity.mfa_all_users/settings?level=client&clientId=c-1');
    expect(settingsPath('k', { level: 'tenant' })).toBe('/controls/k/settings?level=tenant');
  });

  it('finds the override stored at a target', () => {
    const overrides = [override({ level: 'tenant', baselineId: null, weight: 2 }), override({ baselineId: 'b-1', weight: 3 }), override({ level: 'client', baselineId: null, clientId: 'c-1', weight: 4 })];
    expect(overrideFor(overrides, { level: 'tenant' })?.weight).toBe(2);
    expect(overrideFor(overrides, { level: 'baseline', baselineId: 'b-1' })?.weight).toBe(3);
    expect(overrideFor(overrides, { level: 'baseline', baselineId: 'b-2' })).toBeUndefined();
    expect(overrideFor(overrides, { level: 'client', clientId: 'c-1' })?.weight).toBe(4);
  });
});
