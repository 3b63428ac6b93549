/**
 * HaloPSA's wire shapes, as far as the connector reads them (docs/psa-apis.md §3). Halo names
 * everything in snake_case or lowercase; fields are optional because list views omit what is empty.
 */

/** `POST {authUrl}/token` with the client-credentials grant. */
export interface HaloTokenResponse {
  access_token?: string;
  token_type?: string;
  /** Seconds; Halo issues 3600. */
  expires_in?: number;
  scope?: string;
}

/** An entry of an asset's `fields` (asset-type fields) or any record's `customfields`. */
export interface HaloField {
  id?: number;
  /** The internal name, `CFSecurityTier` for custom fields, "Operating System" for asset fields. */
  name?: string;
  /** What people see; custom fields only. */
  label?: string;
  type?: number;
  /** A date in ISO form, text, or a lookup's id (then `display` holds its text). */
  value?: unknown;
  display?: string | null;
}

/** A client (Halo's "Area"): the company. */
export interface HaloClient {
  id: number;
  name?: string;
  toplevel_id?: number;
  /** The top level the client sits under ("Clients", "Prospects", ...): Halo's grouping of customers. */
  toplevel_name?: string;
  inactive?: boolean;
  main_site_id?: number;
  customertype?: number;
  /** On stop for non-payment when above 0. */
  stopped?: number;
  accountsid?: string;
  customfields?: HaloField[];
}

export interface HaloSite {
  id: number;
  name?: string;
  client_id?: number;
  client_name?: string;
  inactive?: boolean;
}

/** An end-user contact. Linked to a site, and through it to a client; `client_id` may be missing. */
export interface HaloUser {
  id: number;
  name?: string;
  firstname?: string;
  surname?: string;
  title?: string;
  emailaddress?: string;
  phonenumber_preferred?: string;
  phonenumber?: string;
  mobilenumber?: string;
  client_id?: number;
  client_name?: string;
  /** Typed as a number by Halo, so it may arrive as 31.0. */
  site_id?: number;
  site_name?: string;
  inactive?: boolean;
  customfields?: HaloField[];
}

/** An asset ("Device" in Halo's schema). */
export interface HaloAsset {
  id: number;
  inventory_number?: string;
  /** The primary fields the asset type defines; by default hostname, serial number and a spare. */
  key_field?: string;
  key_field2?: string;
  key_field3?: string;
  client_id?: number;
  client_name?: string;
  site_id?: number;
  assettype_id?: number;
  assettype_name?: string;
  assetgroup_id?: number;
  assetgroup_name?: string;
  status_name?: string;
  inactive?: boolean;
  username?: string;
  warranty_end?: string;
  changehistory_last_updated?: string;
  /** Asset-type fields, only with `includeassetfields=true`. */
  fields?: HaloField[];
  customfields?: HaloField[];
}

/** Every paged list: `pageinate=true&page_size=N&page_no=K`, with the total in `record_count`. */
export interface HaloPage {
  page_no?: number;
  page_size?: number;
  record_count?: number;
}

export interface HaloClientList extends HaloPage {
  clients?: HaloClient[];
}

export interface HaloUserList extends HaloPage {
  users?: HaloUser[];
}

export interface HaloAssetList extends HaloPage {
  assets?: HaloAsset[];
}

/**
 * The error bodies Halo is seen to send: OAuth `{error, error_description}` from the token
 * endpoint, and `{resultCode, errorMessage}`, `{ClassName, Message}` or `{Message}` from the API.
 */
export interface HaloErrorBody {
  error?: string;
  error_description?: string;
  errorMessage?: string;
  Message?: string;
  message?: string;
}
