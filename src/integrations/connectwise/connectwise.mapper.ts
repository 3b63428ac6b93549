import { applyFieldMapping, customFieldsFrom, readPath, toDate, toText } from '../normalize.js';
import type { AssetKind, FieldMapping, NormalizedAsset, NormalizedCompany, NormalizedContact } from '../psa-connector.js';
import type { ConnectwiseCompany, ConnectwiseConfiguration, ConnectwiseContact, ConnectwiseCustomField, ConnectwiseConfigurationQuestion } from './connectwise.types.js';

/*
 * Each mapper returns null for a record Rampart cannot import: one without an id, or a contact or
 * configuration not attached to a company (ConnectWise allows both; there is no client to file
 * them under).
 */

/**
 * Company status names are set up per instance; the stock ones are Active, Inactive, Not-Approved,
 * Credit Hold and Imported. These say the company is no longer served; Credit Hold still is.
 */
const INACTIVE_STATUS = /\binactive\b|not[\s-]?approved|no longer|\bclosed\b|\bdisabled\b|\bretired\b|\bdisposed\b|\bdecommissioned\b/i;

export function mapCompany(raw: ConnectwiseCompany): NormalizedCompany | null {
  const externalId = idOf(raw);
  if (externalId === null) return null;
  const status = toText(raw.status?.name);
  return {
    externalId,
    name: toText(raw.name) ?? toText(raw.identifier) ?? `ConnectWise company ${externalId}`,
    types: companyTypes(raw),
    status,
    // Deleted companies stay in the API (and in an incremental sync, which is how Rampart learns of the deletion).
    active: raw.deletedFlag !== true && !(status !== null && INACTIVE_STATUS.test(status)),
    domains: domainsOf(raw.website),
    // By caption, as Setup Tables > Custom Fields names them; checkboxes and numbers as "true", "42".
    customFields: customFieldsFrom((raw.customFields ?? []).map((field) => [field.caption, field.value])),
    updatedAt: lastUpdatedOf(raw),
    raw,
  };
}

function companyTypes(raw: ConnectwiseCompany): string[] {
  const references = raw.types ?? (raw.type ? [raw.type] : []);
  const names = references.map((reference) => toText(reference.name)).filter((name): name is string => name !== null);
  return [...new Set(names)];
}

/** `website` is free text: "northwind.example", "https://www.Northwind.example/contact", sometimes "N/A". */
function domainsOf(website: string | undefined): string[] {
  const text = toText(website);
  if (text === null) return [];
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname.toLowerCase();
  } catch {
    return [];
  }
  const domain = host.replace(/^www\./, '');
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/.test(domain) ? [domain] : [];
}

export function mapContact(raw: ConnectwiseContact): NormalizedContact | null {
  const externalId = idOf(raw);
  const companyExternalId = raw.company ? idOf(raw.company) : null;
  if (externalId === null || companyExternalId === null) return null;
  return {
    externalId,
    companyExternalId,
    firstName: toText(raw.firstName),
    lastName: toText(raw.lastName),
    // ConnectWise has no email field: addresses are communication items, one of them the default.
    email: preferredCommunication(raw, 'Email'),
    phone: toText(raw.defaultPhoneNbr) ?? preferredCommunication(raw, 'Phone'),
    title: toText(raw.title),
    active: raw.inactiveFlag !== true,
    updatedAt: lastUpdatedOf(raw),
    raw,
  };
}

function preferredCommunication(raw: ConnectwiseContact, communicationType: 'Email' | 'Phone'): string | null {
  const items = (raw.communicationItems ?? []).filter((item) => item.communicationType === communicationType && toText(item.value) !== null);
  const preferred = items.find((item) => item.defaultFlag === true) ?? items[0];
  return preferred ? toText(preferred.value) : null;
}

/**
 * Configuration types are set up per instance, so the kind is read from the type's name, first
 * match wins (order matters: "Mobile Workstation" is a laptop, "Network Printer" is a printer):
 *
 * | type name contains                                                   | kind        |
 * |----------------------------------------------------------------------|-------------|
 * | printer, copier, scanner, ups, camera, voip, desk phone, phone system, licence, software | other |
 * | server, hypervisor, host, virtual machine, vm, nas, san, storage      | server      |
 * | workstation, desktop, laptop, notebook, pc, computer, mac, thin client | workstation |
 * | firewall, router, switch, access point, wap, wireless, network, gateway | network   |
 * | mobile, smartphone, cell, tablet, ipad, iphone, android              | mobile      |
 *
 * When the type name says none of these (types like "Managed Device"), `osType` decides: a server
 * OS is a server, iOS/iPadOS/Android mobile, Windows/macOS/Linux desktop a workstation. Else other.
 */
const KIND_BY_TYPE_NAME: [RegExp, AssetKind][] = [
  [/printer|copier|scanner|\bups\b|camera|voip|desk ?phone|phone system|licen[cs]e|software/i, 'other'],
  [/server|hypervisor|\bhosts?\b|virtual machine|\bvm\b|\bnas\b|\bsan\b|storage/i, 'server'],
  [/workstation|desktop|laptop|notebook|\bpc\b|computer|\bmac(book)?\b|\bimac\b|thin client/i, 'workstation'],
  [/firewall|router|switch|access point|\bwap\b|wireless|network|gateway/i, 'network'],
  [/mobile|smart ?phone|\bcell|tablet|\bipad\b|\biphone\b|android/i, 'mobile'],
];
const KIND_BY_OS: [RegExp, AssetKind][] = [
  [/server|esxi/i, 'server'],
  [/\bios\b|ipados|android/i, 'mobile'],
  [/windows|mac\s?os|os x|ubuntu desktop|chrome ?os/i, 'workstation'],
];

export function assetKind(typeName: string | null, osType: string | null): AssetKind {
  const byType = typeName === null ? undefined : KIND_BY_TYPE_NAME.find(([pattern]) => pattern.test(typeName));
  if (byType) return byType[1];
  const byOs = osType === null ? undefined : KIND_BY_OS.find(([pattern]) => pattern.test(osType));
  return byOs ? byOs[1] : 'other';
}

export function mapConfiguration(raw: ConnectwiseConfiguration, fieldMapping?: FieldMapping): NormalizedAsset | null {
  const externalId = idOf(raw);
  const companyExternalId = raw.company ? idOf(raw.company) : null;
  if (externalId === null || companyExternalId === null) return null;
  const name = toText(raw.name);
  const osName = toText(raw.osType);
  const statusName = toText(raw.status?.name);
  const updatedAt = lastUpdatedOf(raw);
  const asset: NormalizedAsset = {
    externalId,
    companyExternalId,
    kind: assetKind(toText(raw.type?.name), osName),
    name,
    // No hostname field: RMM-synced configurations (Automate, N-able, ...) are named after the computer.
    hostname: name,
    serialNumber: toText(raw.serialNumber),
    osName,
    osVersion: toText(raw.osInfo),
    // No check-in time either; the RMM sync touches the record, so its last update stands in.
    lastSeenAt: updatedAt,
    // Antivirus, patching and encryption are not ConnectWise fields; an integration maps them from
    // the questions or custom fields its RMM sync fills in.
    antivirusProduct: null,
    antivirusStatus: null,
    patchStatus: null,
    missingPatches: null,
    diskEncrypted: null,
    warrantyEndsAt: toDate(raw.warrantyExpirationDate),
    lastBackupAt: toDate(raw.lastBackupDate),
    active: raw.activeFlag !== false && !(statusName !== null && INACTIVE_STATUS.test(statusName)),
    updatedAt,
    raw,
  };
  return applyFieldMapping(asset, fieldMapping, readConnectwiseCustomField);
}

/**
 * A custom field by caption, else a configuration question by its text; both compared without
 * case or surrounding space, since people type the names into the mapping by hand.
 */
export function readConnectwiseCustomField(raw: unknown, name: string): unknown {
  if (raw === null || typeof raw !== 'object') return undefined;
  const record = raw as { customFields?: ConnectwiseCustomField[]; questions?: ConnectwiseConfigurationQuestion[] };
  const wanted = name.trim().toLowerCase();
  const field = record.customFields?.find((candidate) => candidate.caption?.trim().toLowerCase() === wanted);
  if (field) return field.value;
  return record.questions?.find((candidate) => candidate.question?.trim().toLowerCase() === wanted)?.answer;
}

/** `_info.lastUpdated`: when anyone, or any sync, last changed the record. */
function lastUpdatedOf(record: ConnectwiseCompany | ConnectwiseContact | ConnectwiseConfiguration): Date | null {
  return toDate(readPath(record, '_info.lastUpdated'));
}

function idOf(record: { id?: unknown }): string | null {
  return typeof record.id === 'number' && Number.isInteger(record.id) ? String(record.id) : null;
}
