/**
 * ConnectWise Manage REST 3.0 records as the API sends them (only the fields Rampart reads or keeps
 * an eye on; the rest stays in `raw`). Every field is optional because ConnectWise omits empty
 * fields, and a `fields=` sparse fieldset or a member's security role can leave out any of them.
 */

/** `_info` on every record: audit stamps and `*_href` links. */
export interface ConnectwiseInfo {
  lastUpdated?: string;
  updatedBy?: string;
  dateEntered?: string;
  enteredBy?: string;
  [href: string]: string | undefined;
}

/** A link to another record: `{id, name}`, company links add `identifier`. */
export interface ConnectwiseReference {
  id: number;
  name?: string;
  identifier?: string;
  _info?: Record<string, string>;
}

/** A value of a user-defined field (Setup Tables > Custom Fields), on companies and configurations. */
export interface ConnectwiseCustomField {
  id: number;
  caption?: string;
  /** "Text", "Number", "Date", "Checkbox", "Hyperlink", "Percent", ... */
  type?: string;
  entryMethod?: string;
  numberOfDecimals?: number;
  value?: string | number | boolean | null;
}

export interface ConnectwiseCompany {
  id: number;
  identifier?: string;
  name?: string;
  status?: ConnectwiseReference | null;
  types?: ConnectwiseReference[];
  /** Before `types` became a list, API versions up to 2018 sent one type. */
  type?: ConnectwiseReference | null;
  deletedFlag?: boolean;
  dateDeleted?: string | null;
  leadFlag?: boolean;
  isVendorFlag?: boolean;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: ConnectwiseReference | null;
  phoneNumber?: string;
  website?: string;
  territory?: ConnectwiseReference | null;
  accountNumber?: string;
  dateAcquired?: string;
  site?: ConnectwiseReference | null;
  customFields?: ConnectwiseCustomField[];
  _info?: ConnectwiseInfo;
}

export interface ConnectwiseCommunicationItem {
  id: number;
  type?: ConnectwiseReference;
  value?: string;
  extension?: string;
  defaultFlag?: boolean;
  domain?: string;
  communicationType?: 'Email' | 'Phone' | 'Fax';
}

export interface ConnectwiseContact {
  id: number;
  firstName?: string;
  lastName?: string;
  company?: ConnectwiseReference | null;
  site?: ConnectwiseReference | null;
  inactiveFlag?: boolean;
  title?: string;
  department?: ConnectwiseReference | null;
  types?: ConnectwiseReference[];
  defaultFlag?: boolean;
  communicationItems?: ConnectwiseCommunicationItem[];
  defaultPhoneType?: string;
  defaultPhoneNbr?: string;
  defaultPhoneExtension?: string;
  customFields?: ConnectwiseCustomField[];
  _info?: ConnectwiseInfo;
}

/** A type-specific question on a configuration (Setup Tables > Configuration Types > Questions). */
export interface ConnectwiseConfigurationQuestion {
  answerId?: number;
  questionId: number;
  question?: string;
  answer?: string | number | boolean | null;
  sequenceNumber?: number;
  fieldType?: string;
  requiredFlag?: boolean;
}

/** `/company/configurations`: what ConnectWise calls an asset. */
export interface ConnectwiseConfiguration {
  id: number;
  name?: string;
  type?: ConnectwiseReference | null;
  status?: ConnectwiseReference | null;
  activeFlag?: boolean;
  company?: ConnectwiseReference | null;
  contact?: ConnectwiseReference | null;
  site?: ConnectwiseReference | null;
  deviceIdentifier?: string;
  serialNumber?: string;
  modelNumber?: string;
  tagNumber?: string;
  manufacturer?: ConnectwiseReference | null;
  purchaseDate?: string | null;
  installationDate?: string | null;
  warrantyExpirationDate?: string | null;
  osType?: string;
  osInfo?: string;
  lastLoginName?: string;
  ipAddress?: string;
  defaultGateway?: string;
  macAddress?: string;
  cpuSpeed?: string;
  ram?: string;
  localHardDrives?: string;
  lastBackupDate?: string | null;
  backupSuccesses?: number;
  backupFailed?: number;
  questions?: ConnectwiseConfigurationQuestion[];
  customFields?: ConnectwiseCustomField[];
  _info?: ConnectwiseInfo;
}

/** `GET /system/info`. */
export interface ConnectwiseSystemInfo {
  version?: string;
  isCloud?: boolean;
  serverTimeZone?: string;
  cloudRegion?: string;
}

/** Every ConnectWise error: `{code, message, errors}`; `errors` carries per-field validation detail. */
export interface ConnectwiseErrorBody {
  code: string;
  message: string;
  errors?: { code?: string; message?: string; resource?: string; field?: string }[] | null;
}
