import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { applyFieldMapping } from '../normalize.js';
import { assetKind, haloDate, mapAsset, mapClient, mapUser, readHaloField } from './halopsa.mapper.js';
import type { HaloAsset, HaloAssetList, HaloClient, HaloClientList, HaloUser, HaloUserList } from './halopsa.types.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
}

const clients = fixture<HaloClientList>('clients').clients as HaloClient[];
const users = fixture<HaloUserList>('users').users as HaloUser[];
const assets = fixture<HaloAssetList>('assets').assets as HaloAsset[];

describe(mapClient.name, () => {
  it('maps an active client, its top level as the type', () => {
    expect(mapClient(clients[0]!)).toEqual({
      externalId: '12',
      name: 'Northwind Traders',
      types: ['Clients'],
      status: null,
      active: true,
      domains: [],
      customFields: { 'Security Tier': 'Gold' },
      updatedAt: null,
      raw: clients[0],
    });
  });

  it('reads the inactive flag and names a client that has no name', () => {
    expect(mapClient(clients[1]!)).toMatchObject({ externalId: '13', types: ['Prospects'], active: false, customFields: {} });
    expect(mapClient(clients[2]!)).toMatchObject({ name: 'Halo client 14', types: [], active: true, customFields: {} });
  });

  it('names custom fields by label, reads lookups by their text and other values as text, leaving out the empty ones', () => {
    const client = mapClient({
      id: 20,
      customfields: [
        { id: 1, name: 'CFServiceTier', label: ' Service Tier ', type: 2, value: 3, display: 'Premium' },
        { id: 2, name: 'CFSeats', label: 'Seats', type: 0, value: 42, display: '42' },
        { id: 3, name: 'CFCoManaged', label: 'Co-managed', type: 6, value: true, display: 'Yes' },
        { id: 4, name: 'CFContractEnds', label: 'Contract Ends', type: 4, value: '2026-12-31T00:00:00', display: '31/12/2026' },
        { id: 5, name: 'CFNotes', label: 'Notes', type: 1, value: ` ${'z'.repeat(300)}`, display: null },
        { id: 6, name: 'CFRegion', type: 0, value: 'EMEA', display: 'EMEA' },
        { id: 7, name: 'CFAccountManager', label: 'Account Manager', type: 0, value: '', display: '' },
        { id: 8, name: 'CFReviewDue', label: 'Review Due', type: 4, value: null, display: null },
      ],
    });
    expect(client.customFields).toEqual({
      'Service Tier': 'Premium',
      Seats: '42',
      'Co-managed': 'true',
      'Contract Ends': '2026-12-31T00:00:00Z',
      Notes: 'z'.repeat(200),
      CFRegion: 'EMEA',
    });
  });
});

describe(mapUser.name, () => {
  it('maps a contact with the company the caller resolved', () => {
    expect(mapUser(users[0]!, '12')).toEqual({
      externalId: '301',
      companyExternalId: '12',
      firstName: 'Megan',
      lastName: 'Bowen',
      email: 'megan.bowen@northwind.example',
      phone: '+1 972 555 0111',
      title: 'IT Manager',
      active: true,
      updatedAt: null,
      raw: users[0],
    });
  });

  it('falls back to the display name, the mobile number and nulls for blanks', () => {
    expect(mapUser(users[1]!, '13')).toMatchObject({ firstName: 'Alex', lastName: 'Wilber', email: null, phone: '+1 972 555 0199', title: null, active: false });
  });

  it('prefers the preferred phone number', () => {
    expect(mapUser(users[2]!, '12')).toMatchObject({ firstName: 'General', lastName: 'User', phone: '+44 20 7946 0000' });
  });
});

describe(mapAsset.name, () => {
  it('maps a laptop from its columns and asset-type fields', () => {
    expect(mapAsset(assets[0]!)).toEqual({
      externalId: '880',
      companyExternalId: '12',
      kind: 'workstation',
      name: 'NW-LT-0042',
      hostname: 'NW-LT-0042',
      serialNumber: '5CG1234XYZ',
      osName: 'Windows 11 Pro 23H2',
      osVersion: null,
      lastSeenAt: new Date('2024-04-30T05:58:00Z'),
      antivirusProduct: 'SentinelOne',
      antivirusStatus: 'Active',
      patchStatus: null,
      missingPatches: 3,
      diskEncrypted: true,
      warrantyEndsAt: new Date('2025-01-14T00:00:00Z'),
      lastBackupAt: new Date('2024-04-29T22:15:00Z'),
      active: true,
      updatedAt: new Date('2024-04-30T06:00:00Z'),
      raw: assets[0],
    });
  });

  it('prefers a hostname field, treats 1900-01-01 as no date and reads the inactive flag', () => {
    expect(mapAsset(assets[1]!)).toMatchObject({
      kind: 'server',
      name: 'NW-DC01',
      hostname: 'nw-dc01.northwind.local',
      serialNumber: 'VMware-42 1a 2b',
      warrantyEndsAt: null,
      active: false,
      updatedAt: new Date('2024-03-01T12:00:00Z'),
    });
  });

  it('takes the kind from the asset group when the type says nothing', () => {
    expect(mapAsset(assets[2]!)).toMatchObject({ kind: 'network', hostname: null, lastSeenAt: null, diskEncrypted: null });
  });

  it('skips stock that belongs to no client', () => {
    expect(mapAsset(assets[3]!)).toBeNull();
  });
});

describe(assetKind.name, () => {
  it.each([
    ['Laptop', undefined, 'workstation'],
    ['Desktop PC', undefined, 'workstation'],
    ['Virtual Server', undefined, 'server'],
    ['Hyper-V Host', undefined, 'server'],
    ['Network Switch', undefined, 'network'],
    ['Mobile Hotspot Router', undefined, 'network'],
    ['Mobile Phone', undefined, 'mobile'],
    ['iPad', undefined, 'mobile'],
    ['Printer', undefined, 'other'],
    [undefined, 'Workstations', 'workstation'],
    ['Hosted Exchange', undefined, 'other'],
  ])('%s / %s is %s', (typeName, groupName, kind) => {
    expect(assetKind(typeName, groupName)).toBe(kind);
  });
});

describe(readHaloField.name, () => {
  it('finds asset fields and custom fields by name or label, without case', () => {
    expect(readHaloField(assets[0], 'ip address')).toBe('10.0.4.23');
    expect(readHaloField(assets[0], 'CFPatchRing')).toBe('Ring 1 - Pilot');
    expect(readHaloField(assets[0], 'Patch Ring')).toBe('Ring 1 - Pilot');
    expect(readHaloField(clients[0], 'Security Tier')).toBe('Gold');
    expect(readHaloField(assets[0], 'No Such Field')).toBeUndefined();
    expect(readHaloField(null, 'Last Seen')).toBeUndefined();
  });

  it('overlays an integration field mapping', () => {
    const asset = mapAsset(assets[0]!)!;
    const mapped = applyFieldMapping(asset, { patchStatus: { customField: 'Patch Ring' }, hostname: { path: 'key_field2' }, lastSeenAt: { customField: 'Last Backup' } }, readHaloField);
    expect(mapped).toMatchObject({ patchStatus: 'Ring 1 - Pilot', hostname: '5CG1234XYZ', lastSeenAt: new Date('2024-04-29T22:15:00Z') });
  });
});

describe(haloDate.name, () => {
  it('reads zone-less Halo dates as UTC and keeps explicit zones', () => {
    expect(haloDate('2024-04-30T06:00:00')).toEqual(new Date('2024-04-30T06:00:00Z'));
    expect(haloDate('2024-04-30T06:00:00.123')).toEqual(new Date('2024-04-30T06:00:00.123Z'));
    expect(haloDate('2024-04-30T08:00:00+02:00')).toEqual(new Date('2024-04-30T06:00:00Z'));
    expect(haloDate('1900-01-01T00:00:00')).toBeNull();
    expect(haloDate('')).toBeNull();
  });
});
