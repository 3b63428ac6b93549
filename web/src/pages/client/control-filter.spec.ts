import { describe, expect, it } from '@jest/globals';
import type { ResultStatus } from '../../api/domain.js';
import type { ControlResult } from './client-types.js';
import { categoriesOf, countByStatus, filterControls, filterFromParams, filterToParams } from './control-filter.js';

function control(key: string, status: ResultStatus, category: string, name: string, summary = ''): ControlResult {
  return { controlId: key, key, name, category, severity: 'high', weight: 1, status, fraction: null, points: 3, earned: 0, pointsRecoverable: 1, summary, evidence: {}, failingAssets: [], exception: null, notApplicableReason: null, remediation: null };
}

const controls = [
  control('identity.mfa_admins', 'fail', 'identity', 'MFA registered for all administrators', 'ratio is 0.67'),
  control('backup.recent_success', 'partial', 'backup', 'Backups succeeding'),
  control('email.dmarc_enforced', 'pass', 'email', 'DMARC policy at quarantine or reject'),
  control('endpoint.edr_active', 'no_data', 'endpoint', 'EDR active on every endpoint'),
  control('network.no_risky_ports_exposed', 'excepted', 'network', 'No risky services exposed'),
  control('data.sécurité', 'not_applicable', 'data', 'Politique de sécurité'),
];
const none = { status: '', category: '', search: '' } as const;
const keys = (list: ControlResult[]) => list.map((item) => item.key);

describe('filterControls', () => {
  it('keeps everything, in order, without a filter', () => {
    expect(keys(filterControls(controls, none))).toEqual(keys(controls));
  });

  it('filters by one status or by everything not passing', () => {
    expect(keys(filterControls(controls, { ...none, status: 'fail' }))).toEqual(['identity.mfa_admins']);
    expect(keys(filterControls(controls, { ...none, status: 'not_passing' }))).toEqual(['identity.mfa_admins', 'backup.recent_success', 'endpoint.edr_active']);
  });

  it('filters by category and combines it with the status', () => {
    expect(keys(filterControls(controls, { ...none, category: 'backup' }))).toEqual(['backup.recent_success']);
    expect(keys(filterControls(controls, { ...none, category: 'backup', status: 'fail' }))).toEqual([]);
  });

  it('searches every word in the name, key, category and summary, ignoring case and accents', () => {
    expect(keys(filterControls(controls, { ...none, search: 'mfa ADMIN' }))).toEqual(['identity.mfa_admins']);
    expect(keys(filterControls(controls, { ...none, search: '0.67' }))).toEqual(['identity.mfa_admins']);
    expect(keys(filterControls(controls, { ...none, search: 'dmarc' }))).toEqual(['email.dmarc_enforced']);
    expect(keys(filterControls(controls, { ...none, search: 'securite' }))).toEqual(['data.sécurité']);
    expect(keys(filterControls(controls, { ...none, search: 'mfa backup' }))).toEqual([]);
    expect(keys(filterControls(controls, { ...none, search: '   ' }))).toHaveLength(controls.length);
  });
});

describe('countByStatus and categoriesOf', () => {
  it('counts each status and the not-passing total', () => {
    const counts = countByStatus(controls);
    expect(counts.fail).toBe(1);
    expect(counts.pass).toBe(1);
    expect(counts.error).toBe(0);
    expect(counts.not_passing).toBe(3);
  });

  it('lists categories once, in first-seen order', () => {
    expect(categoriesOf([...controls, control('identity.other', 'pass', 'identity', 'Other')])).toEqual(['identity', 'backup', 'email', 'endpoint', 'network', 'data']);
  });
});

describe('filter in the address', () => {
  it('reads the filter and ignores an unknown status', () => {
    expect(filterFromParams(new URLSearchParams('status=fail&category=identity&q=mfa'))).toEqual({ status: 'fail', category: 'identity', search: 'mfa' });
    expect(filterFromParams(new URLSearchParams('status=bogus'))).toEqual(none);
  });

  it('writes the filter, dropping empty values and keeping other parameters', () => {
    const params = filterToParams({ status: 'not_passing', category: '', search: 'edr' }, new URLSearchParams('period=30&category=backup'));
    expect(params.toString()).toBe('period=30&status=not_passing&q=edr');
    expect(filterFromParams(params)).toEqual({ status: 'not_passing', category: '', search: 'edr' });
  });
});
