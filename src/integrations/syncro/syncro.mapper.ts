import { applyFieldMapping, customFieldsFrom, toBoolean, toDate, toInteger, toText } from '../normalize.js';
import type { AssetKind, FieldMapping, NormalizedAsset, NormalizedCompany, NormalizedContact } from '../psa-connector.js';
import type { SyncroAsset, SyncroContact, SyncroCustomer, SyncroProperties, SyncroRmmStore } from './syncro.types.js';

/** The asset type Syncro gives every device its agent manages; only these carry RMM inventory. */
export const SYNCRO_AGENT_ASSET_TYPE = 'Syncro Device';

/**
 * Syncro has no company type. The one distinction it draws is business versus individual
 * (residential) customers, by whether `business_name` is set, so that is what `types` carries.
 */
export function mapSyncroCustomer(raw: SyncroCustomer): NormalizedCompany {
  const businessName = toText(raw.business_name);
  return {
    externalId: String(raw.id),
    name: toText(raw.business_then_name) ?? businessName ?? toText(raw.fullname) ?? `Syncro customer ${raw.id}`,
    types: [businessName ? 'Business' : 'Individual'],
    // Syncro has no status name, only the `disabled` flag.
    status: null,
    active: raw.disabled !== true,
    domains: businessName ? emailDomains(raw.email) : [],
    // Customer `properties` hold the account's customer custom fields, by name.
    customFields: customFieldsFrom(Object.entries(propertiesOf(raw))),
    updatedAt: toDate(raw.updated_at),
    raw,
  };
}

/**
 * Syncro has no website field; a business's own email domain is the best hint of its domain. An
 * individual's address is a personal mailbox (gmail.com and the like), so it is not used.
 */
function emailDomains(email: string | null | undefined): string[] {
  const domain = toText(email)?.split('@')[1]?.toLowerCase();
  return domain ? [domain] : [];
}

export function mapSyncroContact(raw: SyncroContact): NormalizedContact {
  // Syncro keeps one `name`; the first word is taken as the first name, the rest as the last.
  const [firstName, ...rest] = (toText(raw.name) ?? '').split(/\s+/);
  return {
    externalId: String(raw.id),
    companyExternalId: String(raw.customer_id),
    firstName: toText(firstName),
    lastName: toText(rest.join(' ')),
    email: toText(raw.email),
    phone: toText(raw.phone) ?? toText(raw.mobile),
    title: toText(raw.properties?.['title']),
    // Syncro contacts have no active or disabled flag: a contact that exists is current.
    active: true,
    updatedAt: toDate(raw.updated_at),
    raw,
  };
}

/**
 * Non-agent asset types are named by each account, so they are matched by keyword, first match wins:
 *
 * | `asset_type` contains                                                     | kind        |
 * |---------------------------------------------------------------------------|-------------|
 * | server, hypervisor, NAS, SAN                                              | server      |
 * | firewall, router, switch, access point, WAP, wireless, network, gateway, modem | network |
 * | workstation, desktop, laptop, notebook, computer, PC, Mac                 | workstation |
 * | mobile, smartphone, cell, tablet, iPad, iPhone, Android                   | mobile      |
 * | anything else (printers, phones, UPS, ...)                                | other       |
 *
 * "Syncro Device" (agent-managed) is a server when the agent reports a server OS or form factor,
 * otherwise a workstation: the agent runs only on Windows and macOS computers.
 */
const ASSET_TYPE_KINDS: [RegExp, AssetKind][] = [
  [/server|hypervisor|\bnas\b|\bsan\b/i, 'server'],
  [/firewall|router|switch|access point|\bwap\b|wireless|network|gateway|modem/i, 'network'],
  [/workstation|desktop|laptop|notebook|computer|\bpc\b|\bmac\b/i, 'workstation'],
  [/mobile|smartphone|\bcell|tablet|ipad|iphone|android/i, 'mobile'],
];

function assetKind(raw: SyncroAsset): AssetKind {
  const assetType = toText(raw.asset_type) ?? '';
  if (assetType === SYNCRO_AGENT_ASSET_TYPE) {
    const inventory = raw.properties?.kabuto_information;
    const serverLike = /server/i.test(toText(inventory?.os?.name) ?? '') || /server/i.test(toText(inventory?.general?.form_factor) ?? '');
    return serverLike ? 'server' : 'workstation';
  }
  return ASSET_TYPE_KINDS.find(([pattern]) => pattern.test(assetType))?.[1] ?? 'other';
}

/**
 * Syncro's bundled antivirus (Emsisoft) reports its own state; for any other product the RMM only
 * raises `no_av_triggered` when Windows Security Center sees no antivirus at all.
 */
function antivirus(rmm: SyncroRmmStore | null | undefined): { product: string | null; status: string | null } {
  const emsisoft = rmm?.emsisoft?.device_mav_state;
  if (emsisoft?.installed === true) {
    const status = emsisoft.running !== true ? 'Not running' : emsisoft.real_time_protection !== true ? 'Real-time protection off' : 'Protected';
    return { product: 'Emsisoft', status };
  }
  const noAntivirus = toBoolean(rmm?.triggers?.['no_av_triggered']);
  if (noAntivirus === null) return { product: null, status: null };
  return { product: null, status: noAntivirus ? 'No antivirus detected' : 'Antivirus detected' };
}

function patches(rmm: SyncroRmmStore | null | undefined): { status: string | null; missing: number | null } {
  const updates = rmm?.windows_updates;
  const missing = toInteger(updates?.wu_available);
  const error = toText(updates?.wu_error);
  if (toBoolean(updates?.wu_on) === false) return { status: 'Windows Update off', missing };
  if (error) return { status: `Windows Update error: ${error}`, missing };
  if (missing === null) return { status: null, missing };
  return { status: missing > 0 ? 'Missing patches' : 'Up to date', missing };
}

/**
 * OS, last seen and hostname come from the agent's inventory (`properties.kabuto_information`),
 * antivirus and patching from the RMM's state (`rmm_store`). Syncro records no disk encryption,
 * warranty or backup anywhere standard: accounts keep those in asset custom fields, which a
 * field mapping reads by name.
 */
export function mapSyncroAsset(raw: SyncroAsset, fieldMapping?: FieldMapping): NormalizedAsset {
  const inventory = raw.properties?.kabuto_information;
  const av = antivirus(raw.rmm_store);
  const patch = patches(raw.rmm_store);
  const asset: NormalizedAsset = {
    externalId: String(raw.id),
    companyExternalId: String(raw.customer_id),
    kind: assetKind(raw),
    name: toText(raw.name),
    hostname: toText(inventory?.general?.name),
    serialNumber: toText(raw.asset_serial) ?? toText(inventory?.general?.serial_number),
    osName: toText(inventory?.os?.name),
    osVersion: toText(inventory?.os?.windows_release_version) ?? toText(inventory?.os?.build),
    lastSeenAt: toDate(inventory?.last_synced_at),
    antivirusProduct: av.product,
    antivirusStatus: av.status,
    patchStatus: patch.status,
    missingPatches: patch.missing,
    diskEncrypted: null,
    warrantyEndsAt: null,
    lastBackupAt: null,
    // Assets have no active flag; an asset of a disabled customer is no longer looked after.
    active: raw.customer?.disabled !== true,
    updatedAt: toDate(raw.updated_at),
    raw,
  };
  return applyFieldMapping(asset, fieldMapping, readSyncroAssetProperty);
}

/**
 * An asset custom field by its name in `properties`. Falls back to a case-insensitive match
 * because people type field names into a mapping from memory of Syncro's UI.
 */
export function readSyncroAssetProperty(raw: unknown, name: string): unknown {
  const properties = propertiesOf(raw);
  if (Object.hasOwn(properties, name)) return properties[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(properties).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : properties[key];
}

/** A record's `properties`, empty when it has none (or Syncro sent something other than an object). */
function propertiesOf(raw: unknown): SyncroProperties {
  const properties = raw !== null && typeof raw === 'object' ? (raw as { properties?: unknown }).properties : undefined;
  return properties !== null && typeof properties === 'object' && !Array.isArray(properties) ? (properties as SyncroProperties) : {};
}
