import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { assetKind, mapCompany, mapConfiguration, mapContact, readConnectwiseCustomField } from './connectwise.mapper.js';
import type { ConnectwiseCompany, ConnectwiseConfiguration, ConnectwiseContact } from './connectwise.types.js';

function fixture<T>(name: string): T[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T[];
}

const companies = fixture<ConnectwiseCompany>('companies');
const contacts = fixture<ConnectwiseContact>('contacts');
const configurations = fixture<ConnectwiseConfiguration>('configurations');

describe(mapCompany.name, () => {
  it('maps an active client with its types, status, website domain and last update', () => {
    expect(mapCompany(companies[0]!)).toEqual({
      externalId: '19310',
      name: 'Northwind Traders',
      types: ['Client', 'Partner'],
      status: 'Active',
      active: true,
      domains: ['northwind.example'],
      customFields: { 'Security Tier': 'Gold' },
      updatedAt: new Date('2024-04-30T01:46:24Z'),
      raw: companies[0],
    });
  });

  it('counts a deleted company as inactive even when its status says Active', () => {
    expect(mapCompany(companies[1]!)).toMatchObject({ externalId: '19311', status: 'Active', active: false, domains: ['contoso.example'] });
  });

  it('reads the single `type` of older API versions, an Inactive status, and falls back to the identifier for a blank name', () => {
    expect(mapCompany(companies[2]!)).toMatchObject({ name: 'FabrikamInc', types: ['Prospect'], status: 'Inactive', active: false, domains: [] });
  });

  it('keeps a company on credit hold active and tolerates missing types, website and _info', () => {
    expect(mapCompany(companies[3]!)).toMatchObject({ types: [], status: 'Credit Hold', active: true, domains: [], updatedAt: null });
  });

  it('skips a record without an id', () => {
    expect(mapCompany({ name: 'No id' } as unknown as ConnectwiseCompany)).toBeNull();
  });

  it('reads custom fields by caption as text, trimmed and cut to 200 characters, leaving out the empty ones', () => {
    const company = mapCompany({
      id: 1,
      customFields: [
        { id: 1, caption: ' Service Tier ', type: 'Text', entryMethod: 'List', numberOfDecimals: 0, value: ' Premium ' },
        { id: 2, caption: 'Seats', type: 'Number', entryMethod: 'EntryField', numberOfDecimals: 0, value: 42 },
        { id: 3, caption: 'Co-managed', type: 'Checkbox', entryMethod: 'EntryField', numberOfDecimals: 0, value: true },
        { id: 4, caption: 'Onboarded', type: 'Checkbox', entryMethod: 'EntryField', numberOfDecimals: 0, value: false },
        { id: 5, caption: 'Notes', type: 'Text', entryMethod: 'EntryField', numberOfDecimals: 0, value: 'x'.repeat(250) },
        { id: 6, caption: 'Contract Ends', type: 'Date', entryMethod: 'Date', numberOfDecimals: 0, value: null },
        { id: 7, caption: 'Account Manager', type: 'Text', entryMethod: 'EntryField', numberOfDecimals: 0, value: '   ' },
        { id: 8, caption: '  ', type: 'Text', entryMethod: 'EntryField', numberOfDecimals: 0, value: 'no caption' },
        { id: 9, type: 'Text', value: 'no caption at all' },
      ],
    });
    expect(company?.customFields).toEqual({ 'Service Tier': 'Premium', Seats: '42', 'Co-managed': 'true', Onboarded: 'false', Notes: 'x'.repeat(200) });
  });

  it('gives no custom fields to a company without any', () => {
    expect(mapCompany(companies[1]!)?.customFields).toEqual({});
    expect(mapCompany({ id: 1, customFields: [] })?.customFields).toEqual({});
  });
});

describe(mapContact.name, () => {
  it('takes the default email and phone from the communication items', () => {
    expect(mapContact(contacts[0]!)).toEqual({
      externalId: '544',
      companyExternalId: '19310',
      firstName: 'Megan',
      lastName: 'Bowen',
      email: 'megan.bowen@northwind.example',
      phone: '9725550111',
      title: 'IT Manager',
      active: true,
      updatedAt: new Date('2024-03-01T12:00:00Z'),
      raw: contacts[0],
    });
  });

  it('falls back to the first email and phone item when none is the default, and reads inactiveFlag', () => {
    expect(mapContact(contacts[1]!)).toMatchObject({ email: 'alex.wilber@northwind.example', phone: '9725550122', title: null, active: false });
  });

  it('skips a contact that belongs to no company', () => {
    expect(mapContact(contacts[2]!)).toBeNull();
  });
});

describe(mapConfiguration.name, () => {
  it('maps the standard configuration fields of an RMM-synced workstation', () => {
    expect(mapConfiguration(configurations[0]!)).toEqual({
      externalId: '1201',
      companyExternalId: '19310',
      kind: 'workstation',
      name: 'NW-LT-0042',
      hostname: 'NW-LT-0042',
      serialNumber: '5CG1234XYZ',
      osName: 'Windows 11 Pro',
      osVersion: '10.0.22631 x64',
      lastSeenAt: new Date('2024-04-30T06:00:00Z'),
      antivirusProduct: null,
      antivirusStatus: null,
      patchStatus: null,
      missingPatches: null,
      diskEncrypted: null,
      warrantyEndsAt: new Date('2025-01-14T00:00:00Z'),
      lastBackupAt: new Date('2024-04-29T02:00:00Z'),
      active: true,
      updatedAt: new Date('2024-04-30T06:00:00Z'),
      raw: configurations[0],
    });
  });

  it('reads custom fields by caption and questions by text through the field mapping, coercing each', () => {
    const asset = mapConfiguration(configurations[0]!, {
      antivirusProduct: { customField: 'Antivirus Product' },
      antivirusStatus: { customField: ' antivirus status ' },
      lastSeenAt: { customField: 'Last Check-In' },
      patchStatus: { customField: 'Patch Status' },
      missingPatches: { customField: 'Missing Patches' },
      diskEncrypted: { customField: 'BitLocker Enabled?' },
      hostname: { path: 'deviceIdentifier' },
    });
    expect(asset).toMatchObject({
      antivirusProduct: 'SentinelOne',
      antivirusStatus: 'Active',
      lastSeenAt: new Date('2024-04-30T05:58:12Z'),
      patchStatus: 'Missing patches',
      missingPatches: 4,
      diskEncrypted: true,
      hostname: 'a1b2c3',
    });
  });

  it('leaves a mapped field empty when the configuration lacks it', () => {
    expect(mapConfiguration(configurations[1]!, { antivirusStatus: { customField: 'Antivirus Status' } })).toMatchObject({ antivirusStatus: null, serialNumber: null, kind: 'server' });
  });

  it('tells the kind from the OS when the type name does not, and a retired device is inactive', () => {
    expect(mapConfiguration(configurations[2]!)).toMatchObject({ kind: 'mobile', osName: 'iOS', osVersion: '17.5.1', warrantyEndsAt: null, lastBackupAt: null });
    expect(mapConfiguration(configurations[3]!)).toMatchObject({ kind: 'network', active: false, warrantyEndsAt: null });
  });

  it('skips a configuration that belongs to no company', () => {
    expect(mapConfiguration(configurations[4]!)).toBeNull();
  });
});

describe(assetKind.name, () => {
  it.each([
    ['Managed Workstation', null, 'workstation'],
    ['Laptop', null, 'workstation'],
    ['Mobile Workstation', null, 'workstation'],
    ['Managed Server', null, 'server'],
    ['Hyper-V Host', null, 'server'],
    ['Virtual Machine', 'Ubuntu 22.04', 'server'],
    ['Firewall', null, 'network'],
    ['Wireless Access Point', null, 'network'],
    ['Network Printer', null, 'other'],
    ['VoIP Phone', null, 'other'],
    ['Mobile Device', null, 'mobile'],
    ['Tablet', null, 'mobile'],
    ['Managed Device', 'Windows Server 2019', 'server'],
    ['Managed Device', 'macOS 14.4', 'workstation'],
    ['Managed Device', 'Android 14', 'mobile'],
    ['Managed Device', 'Linux', 'other'],
    [null, null, 'other'],
  ] as const)('%s with OS %s is %s', (typeName, osType, kind) => {
    expect(assetKind(typeName, osType)).toBe(kind);
  });
});

describe(readConnectwiseCustomField.name, () => {
  it('prefers a custom field over a question of the same name and ignores non-records', () => {
    const raw = { customFields: [{ id: 1, caption: 'Owner', value: 'Field' }], questions: [{ questionId: 2, question: 'Owner', answer: 'Question' }] };
    expect(readConnectwiseCustomField(raw, 'owner')).toBe('Field');
    expect(readConnectwiseCustomField(raw, 'Missing')).toBeUndefined();
    expect(readConnectwiseCustomField(null, 'Owner')).toBeUndefined();
  });
});
