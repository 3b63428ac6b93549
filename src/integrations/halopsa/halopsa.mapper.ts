import { customFieldsFrom, toBoolean, toDate, toInteger, toText } from '../normalize.js';
import type { AssetKind, NormalizedAsset, NormalizedCompany, NormalizedContact } from '../psa-connector.js';
import type { HaloAsset, HaloClient, HaloField, HaloUser } from './halopsa.types.js';

/**
 * Asset kind from the asset type name, then the asset group name; the first rule that matches
 * wins, so "Virtual Server" is a server and "Mobile Hotspot Router" is network gear.
 *
 * | Kind        | Type or group name contains                                              |
 * |-------------|--------------------------------------------------------------------------|
 * | server      | server, hypervisor, host, nas, san                                        |
 * | network     | firewall, router, switch, access point, wireless, wifi, network, gateway |
 * | mobile      | phone, mobile, tablet, ipad, iphone, android                             |
 * | workstation | laptop, desktop, workstation, notebook, pc, computer, mac, thin client    |
 * | other       | anything else (printers, UPS, licences, ...)                             |
 */
const ASSET_KIND_RULES: [AssetKind, RegExp][] = [
  ['server', /\b(servers?|hypervisors?|hosts?|nas|san)\b/i],
  ['network', /\b(firewalls?|routers?|switch(es)?|access ?points?|wireless|wi-?fi|network(ing)?|gateways?)\b/i],
  ['mobile', /\b(phones?|mobiles?|tablets?|ipads?|iphones?|android)\b/i],
  ['workstation', /\b(laptops?|desktops?|workstations?|notebooks?|pcs?|computers?|macs?|macbooks?|thin clients?)\b/i],
];

export function assetKind(...names: (string | undefined)[]): AssetKind {
  for (const name of names) {
    const rule = name ? ASSET_KIND_RULES.find(([, pattern]) => pattern.test(name)) : undefined;
    if (rule) return rule[0];
  }
  return 'other';
}

/**
 * Asset-type field names an RMM integration or Halo's stock asset types use; Halo lets admins name
 * them, so an integration's field mapping can point elsewhere. Compared without case.
 */
const STANDARD_ASSET_FIELDS = {
  hostname: ['Hostname', 'Host Name', 'Computer Name', 'Device Name'],
  serialNumber: ['Serial Number', 'Serial No', 'Serial'],
  osName: ['Operating System', 'OS'],
  osVersion: ['OS Version', 'Operating System Version', 'OS Build'],
  lastSeenAt: ['Last Seen', 'Last Online', 'Last Check-in', 'Last Contact'],
  antivirusProduct: ['Antivirus', 'Antivirus Product', 'AV Product'],
  antivirusStatus: ['Antivirus Status', 'AV Status'],
  patchStatus: ['Patch Status'],
  missingPatches: ['Missing Patches', 'Patches Missing'],
  diskEncrypted: ['Disk Encryption', 'BitLocker', 'Encryption Status'],
  lastBackupAt: ['Last Backup', 'Last Successful Backup'],
} as const;

/**
 * A field's value by name (or, for custom fields, label) from the record's asset-type `fields` and
 * its `customfields`. Lookup fields carry an id in `value` and the chosen text in `display`, so
 * the text wins there; dates are the other way round (`display` is in the viewer's locale).
 */
export function readHaloField(raw: unknown, name: string): unknown {
  if (raw === null || typeof raw !== 'object') return undefined;
  const record = raw as { fields?: unknown; customfields?: unknown };
  const wanted = name.trim().toLowerCase();
  for (const list of [record.fields, record.customfields]) {
    const field = haloFields(list).find((candidate) => [candidate.name, candidate.label].some((key) => typeof key === 'string' && key.trim().toLowerCase() === wanted));
    if (field) return fieldValue(field);
  }
  return undefined;
}

/** The entries of a `fields` or `customfields` list; none when the list is missing. */
function haloFields(list: unknown): HaloField[] {
  return Array.isArray(list) ? list.filter((field: unknown): field is HaloField => typeof field === 'object' && field !== null) : [];
}

function fieldValue(field: HaloField): unknown {
  const display = toText(field.display);
  const valueIsAnId = typeof field.value === 'number' || (typeof field.value === 'string' && /^\d+$/.test(field.value.trim()));
  if (valueIsAnId && display !== null && !/^\d+$/.test(display)) return display;
  const value = toText(field.value) === null ? display : field.value;
  return typeof value === 'string' ? asUtc(value) : value;
}

/**
 * Halo sends UTC without a zone ("2024-04-30T06:00:00"), which JavaScript would read as local
 * time; marking it UTC keeps dates right wherever Rampart runs.
 */
function asUtc(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim()) ? `${value.trim()}Z` : value;
}

/** Halo fills unset dates with 1900-01-01 rather than leaving them out. */
export function haloDate(value: unknown): Date | null {
  const date = toDate(typeof value === 'string' ? asUtc(value) : value);
  return date && date.getUTCFullYear() > 1900 ? date : null;
}

function standardField(raw: HaloAsset, field: keyof typeof STANDARD_ASSET_FIELDS): unknown {
  for (const name of STANDARD_ASSET_FIELDS[field]) {
    const value = readHaloField(raw, name);
    if (toText(value) !== null) return value;
  }
  return undefined;
}

export function mapClient(raw: HaloClient): NormalizedCompany {
  const topLevel = toText(raw.toplevel_name);
  return {
    externalId: String(raw.id),
    name: toText(raw.name) ?? `Halo client ${raw.id}`,
    // Halo's customer type is a bare id with no name in the list, so the top level (how Halo
    // groups customers: "Clients", "Prospects", "Suppliers") stands in as the type.
    types: topLevel ? [topLevel] : [],
    // Halo has no status name for clients, only the inactive and on-stop flags kept in `raw`.
    status: null,
    active: raw.inactive !== true,
    // Halo keeps no website or e-mail domain on the client record.
    domains: [],
    // By the label people see ("Security Tier", not "CFSecurityTier"); a lookup by its chosen text.
    customFields: customFieldsFrom(haloFields(raw.customfields).map((field) => [toText(field.label) ?? field.name, fieldValue(field)])),
    // Client records carry no last-modified stamp.
    updatedAt: null,
    raw,
  };
}

/** `companyExternalId` comes from the caller: Halo links users to a site, not always to a client. */
export function mapUser(raw: HaloUser, companyExternalId: string): NormalizedContact {
  const [nameFirst, ...nameRest] = (toText(raw.name) ?? '').split(/\s+/);
  const firstName = toText(raw.firstname) ?? toText(nameFirst);
  const lastName = toText(raw.surname) ?? toText(nameRest.join(' '));
  return {
    externalId: String(raw.id),
    companyExternalId,
    firstName,
    lastName,
    email: toText(raw.emailaddress),
    phone: toText(raw.phonenumber_preferred) ?? toText(raw.phonenumber) ?? toText(raw.mobilenumber),
    title: toText(raw.title),
    active: raw.inactive !== true,
    // User records carry no last-modified stamp.
    updatedAt: null,
    raw,
  };
}

/** Null for an asset not linked to a client: nothing in Rampart could own it. */
export function mapAsset(raw: HaloAsset): NormalizedAsset | null {
  const clientId = toInteger(raw.client_id);
  if (clientId === null || clientId <= 0) return null;
  return {
    externalId: String(raw.id),
    companyExternalId: String(clientId),
    kind: assetKind(raw.assettype_name, raw.assetgroup_name),
    name: toText(raw.inventory_number) ?? toText(raw.key_field),
    // Halo's stock asset types make key_field the device name and key_field2 the serial number.
    hostname: toText(standardField(raw, 'hostname')) ?? toText(raw.key_field),
    serialNumber: toText(standardField(raw, 'serialNumber')) ?? toText(raw.key_field2),
    osName: toText(standardField(raw, 'osName')),
    osVersion: toText(standardField(raw, 'osVersion')),
    lastSeenAt: haloDate(standardField(raw, 'lastSeenAt')),
    antivirusProduct: toText(standardField(raw, 'antivirusProduct')),
    antivirusStatus: toText(standardField(raw, 'antivirusStatus')),
    patchStatus: toText(standardField(raw, 'patchStatus')),
    missingPatches: toInteger(standardField(raw, 'missingPatches')),
    diskEncrypted: toBoolean(standardField(raw, 'diskEncrypted')),
    warrantyEndsAt: haloDate(raw.warranty_end),
    lastBackupAt: haloDate(standardField(raw, 'lastBackupAt')),
    active: raw.inactive !== true,
    updatedAt: haloDate(raw.changehistory_last_updated),
    raw,
  };
}
