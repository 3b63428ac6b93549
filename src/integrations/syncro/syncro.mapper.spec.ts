import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mapSyncroAsset, mapSyncroContact, mapSyncroCustomer, readSyncroAssetProperty } from './syncro.mapper.js';
import type { SyncroAssetsPage, SyncroContactsPage, SyncroCustomersPage } from './syncro.types.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

const { customers } = fixture<SyncroCustomersPage>('customers.json');
const { contacts } = fixture<SyncroContactsPage>('contacts.json');
const { assets } = fixture<SyncroAssetsPage>('assets.json');
const assetById = (id: number) => assets.find((asset) => asset.id === id)!;

describe(mapSyncroCustomer.name, () => {
  it('maps a business customer by its business name, with its email domain', () => {
    expect(mapSyncroCustomer(customers[0]!)).toEqual({
      externalId: '1451',
      name: 'Northwind Traders',
      types: ['Business'],
      status: null,
      active: true,
      domains: ['northwind.example'],
      customFields: { 'Security Tier': 'Gold' },
      updatedAt: new Date('2024-04-01T13:00:00.000Z'),
      raw: customers[0],
    });
  });

  it('names an individual by person and takes no domain from a personal mailbox', () => {
    expect(mapSyncroCustomer(customers[1]!)).toMatchObject({ externalId: '1452', name: 'Jane Doe', types: ['Individual'], active: true, domains: [] });
  });

  it('reads disabled as inactive', () => {
    expect(mapSyncroCustomer(customers[2]!)).toMatchObject({ name: 'Contoso Ltd', active: false, domains: [], updatedAt: new Date('2023-11-30T22:45:00.000Z') });
  });

  it('reads custom fields from properties as text, trimmed and cut to 200 characters (never inside one), leaving out the empty ones', () => {
    const customer = mapSyncroCustomer({
      id: 1,
      properties: {
        ' Service Tier ': ' Premium ',
        Seats: 42,
        'Co-managed': true,
        Notes: 'w'.repeat(220),
        Mood: '🙂'.repeat(201),
        'Contract Ends': null,
        'Account Manager': '',
        Nested: { not: 'text' },
      },
    });
    expect(customer.customFields).toEqual({ 'Service Tier': 'Premium', Seats: '42', 'Co-managed': 'true', Notes: 'w'.repeat(200), Mood: '🙂'.repeat(200) });
  });

  it('gives no custom fields to a customer with empty or missing properties', () => {
    expect(mapSyncroCustomer(customers[1]!).customFields).toEqual({});
    expect(mapSyncroCustomer({ id: 1, properties: null }).customFields).toEqual({});
    expect(mapSyncroCustomer({ id: 1 }).customFields).toEqual({});
  });
});

describe(mapSyncroContact.name, () => {
  it('splits the one name field and reads the title from properties', () => {
    expect(mapSyncroContact(contacts[0]!)).toEqual({
      externalId: '7781',
      companyExternalId: '1451',
      firstName: 'Alex',
      lastName: 'Wilber',
      email: 'alex.wilber@northwind.example',
      phone: '9725550112',
      title: 'Engineer',
      active: true,
      updatedAt: new Date('2024-01-10T17:00:00.000Z'),
      raw: contacts[0],
    });
  });

  it('keeps multi-word last names, falls back to the mobile and reads empty text as missing', () => {
    expect(mapSyncroContact(contacts[1]!)).toMatchObject({ firstName: 'Maria', lastName: 'van der Berg', email: null, phone: '9725550113', title: null });
  });

  it('copes with a single word name, no properties and no updated_at', () => {
    expect(mapSyncroContact(contacts[2]!)).toMatchObject({ companyExternalId: '1453', firstName: 'Reception', lastName: null, title: null, updatedAt: null });
  });
});

describe(mapSyncroAsset.name, () => {
  it('reads an agent workstation from its inventory, Emsisoft state and Windows Update state', () => {
    expect(mapSyncroAsset(assetById(6799648))).toEqual({
      externalId: '6799648',
      companyExternalId: '1451',
      kind: 'workstation',
      name: 'NW-LT-0042',
      hostname: 'NW-LT-0042',
      serialNumber: '5CG1234XYZ',
      osName: 'Microsoft Windows 11 Pro',
      osVersion: '23H2',
      lastSeenAt: new Date('2024-04-30T09:58:00.000Z'),
      antivirusProduct: 'Emsisoft',
      antivirusStatus: 'Protected',
      patchStatus: 'Missing patches',
      missingPatches: 3,
      diskEncrypted: null,
      warrantyEndsAt: null,
      lastBackupAt: null,
      active: true,
      updatedAt: new Date('2024-04-30T10:00:00.000Z'),
      raw: assetById(6799648),
    });
  });

  it('makes an agent device with a server OS a server and reads the no-AV trigger and Windows Update off', () => {
    expect(mapSyncroAsset(assetById(6799650))).toMatchObject({
      kind: 'server',
      serialNumber: '7XK2M93',
      osName: 'Microsoft Windows Server 2019 Standard',
      osVersion: '17763',
      antivirusProduct: null,
      antivirusStatus: 'No antivirus detected',
      patchStatus: 'Windows Update off',
      missingPatches: 14,
    });
  });

  it('reports Emsisoft not running and a Windows Update error', () => {
    expect(mapSyncroAsset(assetById(6799651))).toMatchObject({ kind: 'workstation', osVersion: '14.4.1', antivirusProduct: 'Emsisoft', antivirusStatus: 'Not running', patchStatus: 'Windows Update error: 0x80244022', missingPatches: 0 });
  });

  it('takes the kind of a non-agent asset from its asset type and leaves security fields unknown', () => {
    expect(mapSyncroAsset(assetById(6799700))).toMatchObject({
      kind: 'network',
      hostname: null,
      serialNumber: 'FGT60FTK2109XYZ',
      osName: null,
      lastSeenAt: null,
      antivirusStatus: null,
      patchStatus: null,
      missingPatches: null,
      active: true,
    });
    expect(mapSyncroAsset(assetById(6799701))).toMatchObject({ kind: 'other', serialNumber: null, active: false });
    expect(mapSyncroAsset(assetById(6799702))).toMatchObject({ kind: 'mobile', active: true });
  });

  it.each([
    ['Hyper-V Host Server', 'server'],
    ['NAS', 'server'],
    ['Core Switch', 'network'],
    ['Wireless Access Point', 'network'],
    ['Laptop', 'workstation'],
    ['Desktop PC', 'workstation'],
    ['Cell Phone', 'mobile'],
    ['UPS', 'other'],
    ['VoIP Phone', 'other'],
  ] as const)('maps asset type %s to %s', (assetType, kind) => {
    expect(mapSyncroAsset({ id: 1, customer_id: 2, asset_type: assetType }).kind).toBe(kind);
  });

  it('reads mapped fields from asset custom fields by name, and from raw paths', () => {
    const mapped = mapSyncroAsset(assetById(6799700), {
      osName: { customField: 'Operating System' },
      osVersion: { customField: 'firmware version' },
      warrantyEndsAt: { customField: 'Warranty Expiration' },
      diskEncrypted: { customField: 'BitLocker' },
    });
    expect(mapped).toMatchObject({ osName: 'FortiOS', osVersion: '7.2.8', warrantyEndsAt: new Date('2025-06-30T00:00:00.000Z'), diskEncrypted: null });

    const laptop = mapSyncroAsset(assetById(6799648), { diskEncrypted: { customField: 'BitLocker' }, hostname: { path: 'properties.kabuto_information.general.domain' } });
    expect(laptop).toMatchObject({ diskEncrypted: true, hostname: 'NORTHWIND' });
  });
});

describe(readSyncroAssetProperty.name, () => {
  it('finds a property exactly, then ignoring case, and nothing on assets without properties', () => {
    expect(readSyncroAssetProperty(assetById(6799700), 'Firmware Version')).toBe('7.2.8');
    expect(readSyncroAssetProperty(assetById(6799700), 'FIRMWARE VERSION')).toBe('7.2.8');
    expect(readSyncroAssetProperty(assetById(6799700), 'Nope')).toBeUndefined();
    expect(readSyncroAssetProperty(assetById(6799702), 'Firmware Version')).toBeUndefined();
  });
});
