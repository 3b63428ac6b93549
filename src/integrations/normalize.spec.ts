import { describe, expect, it } from '@jest/globals';
import { fieldMappingProblems } from './field-mapping.validation.js';
import { applyFieldMapping, readPath, toBoolean, toDate, toInteger, toText } from './normalize.js';
import type { NormalizedAsset } from './psa-connector.js';

describe('value coercion', () => {
  it.each([
    ['Yes', true],
    ['Encrypted', true],
    [1, true],
    [true, true],
    ['no', false],
    ['Not Encrypted', false],
    ['maybe', null],
    [null, null],
  ])('toBoolean(%p) is %p', (value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });

  it('reads text, dates and integers the way PSAs send them', () => {
    expect(toText('  SentinelOne ')).toBe('SentinelOne');
    expect(toText('')).toBeNull();
    expect(toText({})).toBeNull();
    expect(toDate('2026-03-01T10:00:00Z')).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(toDate('not a date')).toBeNull();
    expect(toDate('')).toBeNull();
    expect(toInteger('12')).toBe(12);
    expect(toInteger('twelve')).toBeNull();
    expect(toInteger(3.7)).toBe(3);
  });

  it('follows dot paths into arrays and objects', () => {
    expect(readPath({ properties: { av: ['x', { status: 'ok' }] } }, 'properties.av.1.status')).toBe('ok');
    expect(readPath({ a: null }, 'a.b')).toBeUndefined();
  });
});

describe(applyFieldMapping.name, () => {
  const asset: NormalizedAsset = {
    externalId: '1', companyExternalId: '9', kind: 'workstation', name: 'WS-1', hostname: 'WS-1', serialNumber: null, osName: null, osVersion: null,
    lastSeenAt: null, antivirusProduct: null, antivirusStatus: null, patchStatus: null, missingPatches: null, diskEncrypted: null, warrantyEndsAt: null,
    lastBackupAt: null, active: true, updatedAt: null,
    raw: { customFields: [{ caption: 'BitLocker', value: 'Yes' }], properties: { last_backup: '2026-11-20T02:00:00Z', missing: '4' } },
  };
  const readCustomField = (raw: unknown, name: string) => (raw as { customFields: { caption: string; value: unknown }[] }).customFields.find((field) => field.caption === name)?.value;

  it('overlays mapped fields with typed values and leaves the rest', () => {
    const mapped = applyFieldMapping(asset, { diskEncrypted: { customField: 'BitLocker' }, lastBackupAt: { path: 'properties.last_backup' }, missingPatches: { path: 'properties.missing' } }, readCustomField);
    expect(mapped).toMatchObject({ diskEncrypted: true, lastBackupAt: new Date('2026-11-20T02:00:00Z'), missingPatches: 4, hostname: 'WS-1' });
  });

  it('keeps the standard value when a record lacks the mapped field, and clears it when the field is empty', () => {
    expect(applyFieldMapping({ ...asset, hostname: 'x' }, { hostname: { customField: 'Nope' } }, readCustomField).hostname).toBe('x');
    const blank = { ...asset, raw: { customFields: [{ caption: 'Host', value: '' }] } };
    expect(applyFieldMapping({ ...blank, hostname: 'x' }, { hostname: { customField: 'Host' } }, readCustomField).hostname).toBeNull();
  });
});

describe(fieldMappingProblems.name, () => {
  it('accepts custom fields and paths for mappable fields', () => {
    expect(fieldMappingProblems({ antivirusStatus: { customField: 'EDR Status' }, lastBackupAt: { path: 'a.b' } })).toEqual([]);
  });

  it('names each problem', () => {
    expect(fieldMappingProblems({ colour: { path: 'x' }, hostname: { both: 'x' }, osName: { path: '' } }).map((problem) => problem.field)).toEqual([
      'fieldMapping.colour',
      'fieldMapping.hostname',
      'fieldMapping.osName',
    ]);
  });
});
