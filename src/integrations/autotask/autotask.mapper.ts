import { applyFieldMapping, customFieldsFrom, toBoolean, toDate, toInteger, toText } from '../normalize.js';
import type { AssetKind, FieldMapping, NormalizedAsset, NormalizedCompany, NormalizedContact } from '../psa-connector.js';
import type { AutotaskCompany, AutotaskConfigurationItem, AutotaskContact, AutotaskEntityFields } from './autotask.types.js';

/** Picklist labels by lowercased field name, then by stored value, as one instance defines them. */
export type AutotaskPicklists = ReadonlyMap<string, ReadonlyMap<number, string>>;

/**
 * Autotask's default `companyType` picklist. Instances may rename or add types, so the labels from
 * `Companies/entityInformation/fields` win; these only fill in what that answer leaves out.
 */
export const DEFAULT_COMPANY_TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'Customer'],
  [2, 'Lead'],
  [3, 'Prospect'],
  [4, 'Dead'],
  [6, 'Cancellation'],
  [7, 'Vendor'],
  [8, 'Partner'],
]);

export function picklistsFrom(entityFields: AutotaskEntityFields): AutotaskPicklists {
  const picklists = new Map<string, Map<number, string>>();
  for (const field of entityFields.fields ?? []) {
    if (!field.isPickList || !field.picklistValues) continue;
    const labels = new Map<number, string>();
    for (const option of field.picklistValues) {
      const value = toInteger(option.value);
      const label = toText(option.label);
      if (value !== null && label !== null) labels.set(value, label);
    }
    picklists.set(field.name.toLowerCase(), labels);
  }
  return picklists;
}

function picklistLabel(picklists: AutotaskPicklists, field: string, value: unknown): string | null {
  const stored = toInteger(value);
  return stored === null ? null : (picklists.get(field.toLowerCase())?.get(stored) ?? null);
}

export function toCompany(raw: AutotaskCompany, picklists: AutotaskPicklists): NormalizedCompany {
  const typeLabel = picklistLabel(picklists, 'companyType', raw.companyType) ?? DEFAULT_COMPANY_TYPES.get(toInteger(raw.companyType) ?? Number.NaN) ?? null;
  const domain = domainOf(raw.webAddress);
  return {
    externalId: String(raw.id),
    name: toText(raw.companyName) ?? `Autotask company ${raw.id}`,
    types: typeLabel === null ? [] : [typeLabel],
    // Autotask companies have a type and an active flag but no status of their own.
    status: null,
    active: raw.isActive === true,
    domains: domain === null ? [] : [domain],
    // A picklist UDF carries its stored value here; its labels are in `Companies/entityInformation/userDefinedFields`.
    customFields: customFieldsFrom(userDefinedFieldsOf(raw).map((field) => [field.name, field.value])),
    // Companies carry no plain last-modified stamp: tracked-field edits and activity move separately.
    updatedAt: latest(toDate(raw.lastTrackedModifiedDateTime), toDate(raw.lastActivityDate)),
    raw,
  };
}

export function toContact(raw: AutotaskContact): NormalizedContact {
  return {
    externalId: String(raw.id),
    companyExternalId: String(raw.companyID),
    firstName: toText(raw.firstName),
    lastName: toText(raw.lastName),
    email: toText(raw.emailAddress)?.toLowerCase() ?? null,
    phone: toText(raw.phone) ?? toText(raw.mobilePhone),
    title: toText(raw.title),
    // 1/0 on contacts, where companies and configuration items use booleans.
    active: toBoolean(raw.isActive) === true,
    updatedAt: toDate(raw.lastModifiedDate) ?? toDate(raw.lastActivityDate),
    raw,
  };
}

export function toAsset(raw: AutotaskConfigurationItem, picklists: AutotaskPicklists, fieldMapping?: FieldMapping): NormalizedAsset {
  const operatingSystem = toText(raw.rmmDeviceAuditOperatingSystem);
  const { osName, osVersion } = splitOperatingSystem(operatingSystem);
  const asset: NormalizedAsset = {
    externalId: String(raw.id),
    companyExternalId: String(raw.companyID),
    kind: assetKind(picklistLabel(picklists, 'configurationItemType', raw.configurationItemType), operatingSystem),
    name: toText(raw.referenceTitle),
    hostname: toText(raw.rmmDeviceAuditHostname) ?? toText(raw.dattoHostname),
    serialNumber: toText(raw.serialNumber) ?? toText(raw.dattoSerialNumber),
    osName,
    osVersion,
    // No generic "last seen": BCDR appliances report a check-in, RMM devices update the item on each audit.
    lastSeenAt: toDate(raw.dattoLastCheckInDateTime) ?? toDate(raw.lastModifiedTime),
    // Autotask has no standard field for the product, encryption or backups; integrations map them
    // from user-defined fields.
    antivirusProduct: null,
    antivirusStatus: picklistLabel(picklists, 'rmmDeviceAuditAntivirusStatusID', raw.rmmDeviceAuditAntivirusStatusID),
    patchStatus: picklistLabel(picklists, 'rmmDeviceAuditPatchStatusID', raw.rmmDeviceAuditPatchStatusID),
    missingPatches: toInteger(raw.rmmDeviceAuditMissingPatchCount),
    diskEncrypted: null,
    warrantyEndsAt: toDate(raw.warrantyExpirationDate),
    lastBackupAt: null,
    active: raw.isActive === true,
    updatedAt: toDate(raw.lastModifiedTime),
    raw,
  };
  return applyFieldMapping(asset, fieldMapping, readUserDefinedField);
}

/** The value of an Autotask user-defined field by name (names compared without case). */
export function readUserDefinedField(raw: unknown, name: string): unknown {
  const wanted = name.trim().toLowerCase();
  return userDefinedFieldsOf(raw).find((field) => toText(field.name)?.toLowerCase() === wanted)?.value;
}

/** A record's `userDefinedFields` entries, none for a record without the list or entries that are not objects. */
function userDefinedFieldsOf(raw: unknown): { name?: unknown; value?: unknown }[] {
  if (raw === null || typeof raw !== 'object') return [];
  const fields = (raw as { userDefinedFields?: unknown }).userDefinedFields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((field: unknown): field is { name?: unknown; value?: unknown } => typeof field === 'object' && field !== null);
}

/**
 * The asset kind from the configuration item type's label, which each MSP names itself (Datto RMM
 * creates "Desktop", "Laptop", "Server", "Network Device", ...). The first matching row wins:
 *
 * | kind        | type label contains                                                       |
 * |-------------|---------------------------------------------------------------------------|
 * | server      | server, esxi, hyper-v, virtual host, nas, san, bcdr                       |
 * | network     | network, router, switch, firewall, access point, wireless, gateway        |
 * | mobile      | mobile, phone, tablet, ipad, iphone, android                              |
 * | workstation | workstation, desktop, laptop, notebook, pc, computer, mac, macbook, imac   |
 * | other       | any other label (printers, software, licences, ...)                       |
 *
 * An item without a labelled type is judged by its RMM operating system instead: "Server" → server;
 * FortiOS, JunOS, Cisco IOS XE, RouterOS, PAN-OS, SonicOS, EdgeOS → network; iOS, iPadOS, Android →
 * mobile; Windows and macOS → workstation; anything else → other. The category id is not used: its
 * names live in a separate entity that would cost a request per sync for little gain.
 */
export function assetKind(typeLabel: string | null, operatingSystem: string | null): AssetKind {
  if (typeLabel !== null) return kindFromTypeLabel(typeLabel);
  return operatingSystem === null ? 'other' : kindFromOperatingSystem(operatingSystem);
}

const TYPE_LABEL_KINDS: [RegExp, AssetKind][] = [
  [/server|esxi|hyper-?v|virtual host|\bnas\b|\bsan\b|bcdr/i, 'server'],
  [/network|router|switch|firewall|access point|wireless|gateway/i, 'network'],
  [/mobile|phone|tablet|ipad|android/i, 'mobile'],
  [/workstation|desktop|laptop|notebook|\bpc\b|computer|\bi?mac(book)?\b/i, 'workstation'],
];

const OPERATING_SYSTEM_KINDS: [RegExp, AssetKind][] = [
  [/server/i, 'server'],
  [/fortios|junos|ios[ -]?xe|routeros|pan-?os|sonicos|edgeos/i, 'network'],
  [/\bios\b|ipados|android/i, 'mobile'],
  [/windows|mac ?os|os x/i, 'workstation'],
];

function kindFromTypeLabel(label: string): AssetKind {
  return TYPE_LABEL_KINDS.find(([pattern]) => pattern.test(label))?.[1] ?? 'other';
}

function kindFromOperatingSystem(operatingSystem: string): AssetKind {
  return OPERATING_SYSTEM_KINDS.find(([pattern]) => pattern.test(operatingSystem))?.[1] ?? 'other';
}

/**
 * RMM audits report the OS as one string with the version last ("Microsoft Windows 11 Pro 23H2",
 * "FortiOS 7.2.8"). A last word that reads as a version (dotted numbers or a Windows feature update
 * such as 23H2) is split off; a bare year stays in the name ("Windows Server 2022").
 */
export function splitOperatingSystem(text: string | null): { osName: string | null; osVersion: string | null } {
  if (text === null) return { osName: null, osVersion: null };
  const match = /^(.+?)\s+(\d+(?:\.\d+)+|\d{2}H\d)$/i.exec(text);
  return match ? { osName: match[1]!, osVersion: match[2]! } : { osName: text, osVersion: null };
}

/** `www.northwind.example`, `https://northwind.example/about` → `northwind.example`. */
function domainOf(webAddress: string | null | undefined): string | null {
  const text = toText(webAddress);
  if (text === null) return null;
  const host = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split(/[/?#:]/)[0]!
    .toLowerCase()
    .replace(/^www\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

function latest(...dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((newest, date) => (date !== null && (newest === null || date > newest) ? date : newest), null);
}
