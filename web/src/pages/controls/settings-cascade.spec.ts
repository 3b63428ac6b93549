import { describe, expect, it } from '@jest/globals';
import type { Baseline } from '../../api/domain.js';
import { cascadeRows, defaultsOf, formatParamValue, inheritedFor, paramLabel, paramNames, presentSettings, sourceLabel } from './settings-cascade.js';
import type { EffectiveSettings } from './types.js';

const control = { evaluator: { kind: 'numeric_threshold', params: { fact: 'm365.mfa_registered_ratio', threshold: 1, partialFrom: 0.8 } } };
const defaults = defaultsOf(control);

function effective(changes: Partial<EffectiveSettings>, sources: Partial<EffectiveSettings['sources']> = {}): EffectiveSettings {
  return { ...defaults, ...changes, sources: { ...defaults.sources, ...sources } };
}

const premium: Baseline = { id: 'b-premium', name: 'Premium', description: null, clientCount: 7 };
const standard: Baseline = { id: 'b-standard', name: 'Standard', description: null, clientCount: 10 };
const tenant = effective({ enabled: false }, { enabled: 'tenant' });
const premiumSettings = effective({ enabled: false, weight: 2.5 }, { enabled: 'tenant', weight: 'baseline' });
const standardSettings = effective({ enabled: false }, { enabled: 'tenant' });
const clientSettings = effective(
  { enabled: true, weight: 2.5, params: { ...control.evaluator.params, threshold: 0.9 }, notApplicableReason: 'No Microsoft 365' },
  { enabled: 'client', weight: 'baseline', notApplicable: 'client', params: { ...defaults.sources.params, threshold: 'client' } },
);
const rows = cascadeRows({
  tenant,
  baselines: [
    { baseline: premium, effective: premiumSettings },
    { baseline: standard, effective: standardSettings },
  ],
  client: { client: { id: 'c-1', name: 'Atlas Freight', baseline: 'Premium' }, effective: clientSettings },
});

describe('sourceLabel', () => {
  it('names where a value came from, with the baseline by name where the row knows it', () => {
    expect(sourceLabel('default', { level: 'tenant' })).toBe('default');
    expect(sourceLabel('tenant', { level: 'baseline', baselineName: 'Premium' })).toBe('from tenant');
    expect(sourceLabel('baseline', { level: 'baseline', baselineName: 'Premium' })).toBe('from baseline Premium');
    expect(sourceLabel('baseline', { level: 'client', clientName: 'Atlas', baselineName: 'Standard' })).toBe('from baseline Standard');
    expect(sourceLabel('baseline', { level: 'client', clientName: 'Atlas', baselineName: null })).toBe('from baseline');
    expect(sourceLabel('client', { level: 'client', clientName: 'Atlas', baselineName: null })).toBe('from client');
  });
});

describe('presentSettings', () => {
  it('gives every value its text, its source and whether the row itself set it', () => {
    const [, premiumRow, , clientRow] = rows;
    const premiumView = presentSettings(premiumRow!.effective, premiumRow!.scope, paramNames(control, premiumRow!.effective));
    expect(premiumView.weight).toEqual({ text: '2.5', source: 'baseline', sourceLabel: 'from baseline Premium', own: true });
    expect(premiumView.enabled).toEqual({ text: 'Disabled', source: 'tenant', sourceLabel: 'from tenant', own: false });
    expect(premiumView.applicability.text).toBe('Applies');

    const clientView = presentSettings(clientRow!.effective, clientRow!.scope, paramNames(control, clientRow!.effective));
    expect(clientView.weight.sourceLabel).toBe('from baseline Premium');
    expect(clientView.applicability).toMatchObject({ text: 'Not applicable: No Microsoft 365', sourceLabel: 'from client', own: true });
    expect(clientView.params.map((param) => [param.name, param.text, param.sourceLabel])).toEqual([
      ['fact', 'm365.mfa_registered_ratio', 'default'],
      ['threshold', '0.9', 'from client'],
      ['partialFrom', '0.8', 'default'],
    ]);
  });

  it('lists parameters a level added after the control’s own', () => {
    const extra = effective({ params: { ...control.evaluator.params, graceDays: 3 } });
    expect(paramNames(control, extra)).toEqual(['fact', 'threshold', 'partialFrom', 'graceDays']);
  });
});

describe('formatParamValue and paramLabel', () => {
  it('reads values and names as words', () => {
    expect(formatParamValue(null)).toBe('none');
    expect(formatParamValue(true)).toBe('yes');
    expect(formatParamValue(['workstation', 'server'])).toBe('workstation, server');
    expect(formatParamValue([{ op: 'eq' }])).toBe('[{"op":"eq"}]');
    expect(paramLabel('maxEvidenceAgeDays')).toBe('Max evidence age days');
    expect(paramLabel('passAt')).toBe('Pass at');
  });
});

describe('cascadeRows and inheritedFor', () => {
  it('lists the tenant, each baseline, then the chosen client', () => {
    expect(rows.map((row) => row.label)).toEqual(['Tenant (all clients)', 'Baseline Premium', 'Baseline Standard', 'Client Atlas Freight']);
    expect(rows[3]!.target).toEqual({ level: 'client', clientId: 'c-1' });
  });

  it('inherits defaults at the tenant, the tenant at a baseline, and the client’s baseline at a client', () => {
    expect(inheritedFor({ level: 'tenant' }, rows, defaults)?.effective).toBe(defaults);
    expect(inheritedFor({ level: 'baseline', baselineId: 'b-standard' }, rows, defaults)?.effective).toBe(tenant);
    const forClient = inheritedFor({ level: 'client', clientId: 'c-1' }, rows, defaults);
    expect(forClient?.effective).toBe(premiumSettings);
    expect(forClient?.scope).toEqual({ level: 'baseline', baselineName: 'Premium' });
  });

  it('inherits the tenant’s settings for a client on no baseline', () => {
    const noBaseline = cascadeRows({ tenant, baselines: [], client: { client: { id: 'c-2', name: 'Solo', baseline: null }, effective: tenant } });
    expect(inheritedFor({ level: 'client', clientId: 'c-2' }, noBaseline, defaults)?.effective).toBe(tenant);
  });
});
