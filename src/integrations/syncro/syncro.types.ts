/**
 * Syncro's REST API v1 records as the list endpoints return them (docs/psa-apis.md §4.5). Only the
 * fields the mapper or the fake use are typed; everything is optional or nullable because Syncro
 * omits keys freely between accounts and API versions.
 */

/** `meta` on every list response: a fixed 25 per page, 1-based `page`. */
export interface SyncroListMeta {
  total_pages?: number;
  total_entries?: number;
  per_page?: number;
  page?: number;
}

/** Custom fields by their name, plus Syncro's own keys such as `kabuto_information` on agent assets. */
export type SyncroProperties = Record<string, unknown>;

export interface SyncroCustomer {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  fullname?: string | null;
  /** Null for individuals (residential customers). */
  business_name?: string | null;
  /** The business name, or the person's name when there is none: what Syncro shows as the customer. */
  business_then_name?: string | null;
  business_and_full_name?: string | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
  disabled?: boolean | null;
  properties?: SyncroProperties | null;
  created_at?: string | null;
  updated_at?: string | null;
}

export interface SyncroContact {
  id: number;
  /** One name field: Syncro does not split contacts into first and last names. */
  name?: string | null;
  customer_id: number;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
  /** e.g. `{"title": "IT Manager"}`. */
  properties?: SyncroProperties | null;
  created_at?: string | null;
  updated_at?: string | null;
}

/** The Syncro agent's inventory of a device, under `properties.kabuto_information`. */
export interface SyncroKabutoInformation {
  last_synced_at?: string | null;
  last_user?: string | null;
  general?: { name?: string | null; domain?: string | null; ip?: string | null; manufacturer?: string | null; model?: string | null; serial_number?: string | null; form_factor?: string | null } | null;
  os?: { name?: string | null; build?: string | null; windows_release_version?: string | null; os_architecture?: string | null; last_boot_time?: string | null; pending_reboot?: boolean | null } | null;
}

/** The RMM's monitoring state of an agent asset. Trigger and Windows Update values are the strings "true"/"false". */
export interface SyncroRmmStore {
  triggers?: Record<string, string | null> | null;
  windows_updates?: { wu_schedule?: string | null; wu_available?: string | null; wu_latest?: string | null; wu_on?: string | null; wu_error?: string | null } | null;
  emsisoft?: {
    device_mav_state?: { installed?: boolean | null; running?: boolean | null; real_time_protection?: boolean | null; last_scan_time?: string | null; def_version?: string | null } | null;
  } | null;
}

export interface SyncroAsset {
  id: number;
  name?: string | null;
  customer_id: number;
  contact_id?: number | null;
  /** "Syncro Device" for agent-managed assets; otherwise an asset type the account defined ("Firewall", "Printer"). */
  asset_type?: string | null;
  asset_serial?: string | null;
  properties?: (SyncroProperties & { kabuto_information?: SyncroKabutoInformation | null }) | null;
  customer?: { id?: number; business_name?: string | null; business_then_name?: string | null; disabled?: boolean | null } | null;
  rmm_store?: SyncroRmmStore | null;
  created_at?: string | null;
  updated_at?: string | null;
}

export interface SyncroCustomersPage {
  customers: SyncroCustomer[];
  meta?: SyncroListMeta;
}

export interface SyncroContactsPage {
  contacts: SyncroContact[];
  meta?: SyncroListMeta;
}

export interface SyncroAssetsPage {
  assets: SyncroAsset[];
  meta?: SyncroListMeta;
}
