import { describe, expect, it } from '@jest/globals';
import { filterControls, filtersFromParams, nextSort, paramsFromFilters, sortControls } from './catalog-filters.js';
import type { Control } from './types.js';

function control(key: string, changes: Partial<Control> = {}): Control {
  return {
    id: key,
    key,
    builtin: true,
    name: key,
    category: 'identity',
    severity: 'medium',
    description: '',
    rationale: '',
    remediation: '',
    evidenceSource: '',
    evaluator: { kind: 'boolean_fact', params: {} },
    mappings: [],
    effective: { enabled: true, weight: 1, params: {}, notApplicableReason: null, sources: { enabled: 'default', weight: 'default', notApplicable: 'default', params: {} } },
    ...changes,
  };
}

const mfa = control('identity.mfa_all_users', { name: 'MFA for all users', severity: 'critical', description: 'Every user signs in with MFA' });
const backup = control('backup.recent_success', { name: 'Backups succeed', category: 'backup', severity: 'critical' });
const custom = control('custom.printer_firmware', { name: 'Printer firmware current', builtin: false, category: 'network', severity: 'low', effective: { ...mfa.effective, weight: 3 } });
const catalog = [mfa, backup, custom];

describe('catalog filters in the URL', () => {
  it('reads known values and ignores the rest', () => {
    const filters = filtersFromParams(new URLSearchParams('q=mfa&category=identity&severity=extreme&kind=custom&baseline=b-1&sort=-weight'));
    expect(filters).toEqual({ search: 'mfa', category: 'identity', severity: '', kind: 'custom', baselineId: 'b-1', sort: { field: 'weight', direction: 'descending' } });
    expect(filtersFromParams(new URLSearchParams('sort=colour')).sort).toBeNull();
  });

  it('writes only what differs from the defaults', () => {
    expect(paramsFromFilters(filtersFromParams(new URLSearchParams()))).toEqual({});
    const filters = filtersFromParams(new URLSearchParams('q= mfa &severity=high&sort=name'));
    expect(paramsFromFilters(filters)).toEqual({ q: 'mfa', severity: 'high', sort: 'name' });
  });
});

describe('filterControls', () => {
  const none = filtersFromParams(new URLSearchParams());
  it('matches every search word against name, key and description', () => {
    expect(filterControls(catalog, { ...none, search: 'every MFA' })).toEqual([mfa]);
    expect(filterControls(catalog, { ...none, search: 'backup.recent' })).toEqual([backup]);
    expect(filterControls(catalog, { ...none, search: '  ' })).toEqual(catalog);
  });

  it('narrows by category, severity and kind', () => {
    expect(filterControls(catalog, { ...none, category: 'backup' })).toEqual([backup]);
    expect(filterControls(catalog, { ...none, severity: 'critical' })).toEqual([mfa, backup]);
    expect(filterControls(catalog, { ...none, kind: 'custom' })).toEqual([custom]);
    expect(filterControls(catalog, { ...none, kind: 'builtin' })).toEqual([mfa, backup]);
  });
});

describe('sorting', () => {
  it('cycles a header through its first direction, the other, then the catalog order', () => {
    expect(nextSort(null, 'severity')).toEqual({ field: 'severity', direction: 'descending' });
    expect(nextSort({ field: 'severity', direction: 'descending' }, 'severity')).toEqual({ field: 'severity', direction: 'ascending' });
    expect(nextSort({ field: 'severity', direction: 'ascending' }, 'severity')).toBeNull();
    expect(nextSort({ field: 'severity', direction: 'ascending' }, 'name')).toEqual({ field: 'name', direction: 'ascending' });
  });

  it('sorts by name, severity and weight, keeping ties in catalog order', () => {
    expect(sortControls(catalog, { field: 'name', direction: 'ascending' }).map((c) => c.name)).toEqual(['Backups succeed', 'MFA for all users', 'Printer firmware current']);
    expect(sortControls(catalog, { field: 'severity', direction: 'descending' })).toEqual([mfa, backup, custom]);
    expect(sortControls(catalog, { field: 'weight', direction: 'descending' })[0]).toBe(custom);
    expect(sortControls(catalog, null)).toEqual(catalog);
  });
});
