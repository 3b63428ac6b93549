import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { assetKind, picklistsFrom, readUserDefinedField, splitOperatingSystem, toAsset, toCompany, toContact } from './autotask.mapper.js';
import type { AutotaskCompany, AutotaskConfigurationItem, AutotaskContact, AutotaskEntityFields, AutotaskPage } from './autotask.types.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

const companies = fixture<AutotaskPage<AutotaskCompany>>('companies.json').items;
const contacts = fixture<AutotaskPage<AutotaskContact>>('contacts.json').items;
const items = fixture<AutotaskPage<AutotaskConfigurationItem>>('configuration-items.json').items;
const companyPicklists = picklistsFrom(fixture<AutotaskEntityFields>('company-fields.json'));
const itemPicklists = picklistsFrom(fixture<AutotaskEntityFields>('configuration-item-fields.json'));

describe(toCompany.name, () => {
  it('maps a customer with its type name, domain and last tracked change', () => {
    expect(toCompany(companies[1]!, companyPicklists)).toEqual({
      externalId: '174',
      name: 'Northwind Traders',
      types: ['Customer'],
      status: null,
      active: true,
      domains: ['northwind.example'],
      customFields: { 'Security Tier': 'Gold' },
      updatedAt: new Date('2024-04-18T13:15:47.000Z'),
      raw: companies[1],
    });
  });

  it('reads an inactive vendor, trims its name and takes the domain from a full web address', () => {
    const company = toCompany(companies[2]!, companyPicklists);
    expect(company).toMatchObject({ name: 'Contoso Supplies', types: ['Vendor'], active: false, domains: ['contoso-supplies.example'] });
    expect(company.updatedAt).toEqual(new Date('2024-02-01T10:30:00.000Z'));
  });

  it("names types from the instance's own picklist and falls back to the default picklist", () => {
    expect(toCompany(companies[3]!, companyPicklists).types).toEqual(['Co-managed Client']);
    expect(toCompany({ id: 5, companyType: 8 }, companyPicklists).types).toEqual(['Partner']);
    expect(toCompany({ id: 5, companyType: 42 }, new Map()).types).toEqual([]);
    expect(toCompany({ id: 5, companyType: null }, companyPicklists).types).toEqual([]);
  });

  it('gives no domain for a web address that is not a host and no date when none is set', () => {
    const company = toCompany(companies[3]!, companyPicklists);
    expect(company.domains).toEqual([]);
    expect(company.updatedAt).toBeNull();
  });

  it('reads user-defined fields by name as text, trimmed and cut to 200 characters, leaving out the empty ones', () => {
    const company = toCompany(
      {
        id: 9,
        userDefinedFields: [
          { name: ' Service Tier ', value: ' Premium ' },
          { name: 'Contract Ends', value: null },
          { name: 'Account Manager', value: '' },
          { name: 'Notes', value: 'y'.repeat(201) },
          { name: '', value: 'nameless' },
        ],
      },
      companyPicklists,
    );
    expect(company.customFields).toEqual({ 'Service Tier': 'Premium', Notes: 'y'.repeat(200) });
  });

  it('turns numbers and booleans in user-defined fields into text and copes with companies that have none', () => {
    // The API sends strings, but a UDF value is typed loosely enough that numbers and booleans turn up.
    const loose = { id: 9, userDefinedFields: [{ name: 'Seats', value: 42 }, { name: 'Co-managed', value: true }, null] } as unknown as AutotaskCompany;
    expect(toCompany(loose, companyPicklists).customFields).toEqual({ Seats: '42', 'Co-managed': 'true' });
    expect(toCompany(companies[2]!, companyPicklists).customFields).toEqual({});
    expect(toCompany({ id: 9 }, companyPicklists).customFields).toEqual({});
  });

  it('takes the later of last activity and last tracked change, and names a nameless company', () => {
    const company = toCompany({ id: 9, lastActivityDate: '2024-06-01T00:00:00Z', lastTrackedModifiedDateTime: '2024-01-01T00:00:00Z' }, companyPicklists);
    expect(company.updatedAt).toEqual(new Date('2024-06-01T00:00:00Z'));
    expect(company.name).toBe('Autotask company 9');
  });
});

describe(toContact.name, () => {
  it('maps an active contact (isActive 1) and lowercases the email', () => {
    expect(toContact(contacts[0]!)).toEqual({
      externalId: '29683589',
      companyExternalId: '174',
      firstName: 'Mary',
      lastName: 'Smith',
      email: 'msmith@northwind.example',
      phone: '551-555-5513',
      title: 'Office Manager',
      active: true,
      updatedAt: new Date('2024-03-25T15:14:29.033Z'),
      raw: contacts[0],
    });
  });

  it('reads isActive 0 as inactive, empty strings as null and falls back to the mobile and last activity', () => {
    expect(toContact(contacts[1]!)).toMatchObject({
      active: false,
      email: null,
      title: null,
      phone: '551-555-7700',
      updatedAt: new Date('2022-08-01T08:00:00.000Z'),
    });
  });
});

describe(toAsset.name, () => {
  it('maps an RMM-audited laptop with picklist labels for antivirus and patch status', () => {
    expect(toAsset(items[0]!, itemPicklists)).toEqual({
      externalId: '8812',
      companyExternalId: '174',
      kind: 'workstation',
      name: 'NW-LT-0042',
      hostname: 'NW-LT-0042',
      serialNumber: '5CG1234XYZ',
      osName: 'Microsoft Windows 11 Pro',
      osVersion: '23H2',
      lastSeenAt: new Date('2024-04-30T06:00:00Z'),
      antivirusProduct: null,
      antivirusStatus: 'Running & up-to-date',
      patchStatus: 'Approved pending',
      missingPatches: 3,
      diskEncrypted: null,
      warrantyEndsAt: new Date('2025-01-14T00:00:00Z'),
      lastBackupAt: null,
      active: true,
      updatedAt: new Date('2024-04-30T06:00:00Z'),
      raw: items[0],
    });
  });

  it('judges an untyped item by its OS, uses Datto fields and leaves unknown picklist values null', () => {
    expect(toAsset(items[1]!, itemPicklists)).toMatchObject({
      kind: 'server',
      hostname: 'nw-dc-01',
      serialNumber: null,
      osName: 'Microsoft Windows Server 2022 Standard',
      osVersion: null,
      lastSeenAt: new Date('2024-05-03T01:15:00Z'),
      antivirusStatus: null,
      patchStatus: null,
      missingPatches: null,
    });
  });

  it('keeps a typed item that is no computer as other, inactive', () => {
    expect(toAsset(items[2]!, itemPicklists)).toMatchObject({ kind: 'other', active: false, osName: null, name: 'Front desk printer' });
  });

  it("reads mapped fields from user-defined fields, coerced, and tolerates items that have none", () => {
    const mapping = { diskEncrypted: { customField: 'bitlocker status' }, antivirusProduct: { customField: 'AV Product' }, hostname: { path: 'rmmDeviceAuditLastUser' } };
    expect(toAsset(items[0]!, itemPicklists, mapping)).toMatchObject({ diskEncrypted: true, antivirusProduct: 'Datto EDR', hostname: 'NORTHWIND\\msmith' });
    expect(toAsset(items[2]!, itemPicklists, mapping)).toMatchObject({ diskEncrypted: null, antivirusProduct: null });
  });
});

describe(readUserDefinedField.name, () => {
  it('finds a field by name without regard to case and answers undefined otherwise', () => {
    expect(readUserDefinedField(items[0], 'AV PRODUCT')).toBe('Datto EDR');
    expect(readUserDefinedField(items[0], 'Missing')).toBeUndefined();
    expect(readUserDefinedField('not a record', 'AV Product')).toBeUndefined();
  });
});

describe(assetKind.name, () => {
  it.each([
    ['Desktop', null, 'workstation'],
    ['MacBook', null, 'workstation'],
    ['Virtual Machine', null, 'other'],
    ['ESXi Host', null, 'server'],
    ['Firewall', null, 'network'],
    ['Mobile Device', null, 'mobile'],
    ['Software License', 'Windows 11', 'other'],
    [null, 'FortiOS 7.2.8', 'network'],
    [null, 'Cisco IOS XE 17.3', 'network'],
    [null, 'iOS 17.5', 'mobile'],
    [null, 'macOS 14.4', 'workstation'],
    [null, 'Ubuntu 22.04', 'other'],
    [null, null, 'other'],
  ] as const)('type %p with OS %p is %p', (label, operatingSystem, kind) => {
    expect(assetKind(label, operatingSystem)).toBe(kind);
  });
});

describe(splitOperatingSystem.name, () => {
  it('splits a trailing version but keeps a year in the name', () => {
    expect(splitOperatingSystem('FortiOS 7.2.8')).toEqual({ osName: 'FortiOS', osVersion: '7.2.8' });
    expect(splitOperatingSystem('Windows Server 2022 21H2')).toEqual({ osName: 'Windows Server 2022', osVersion: '21H2' });
    expect(splitOperatingSystem('Windows Server 2022')).toEqual({ osName: 'Windows Server 2022', osVersion: null });
    expect(splitOperatingSystem(null)).toEqual({ osName: null, osVersion: null });
  });
});
