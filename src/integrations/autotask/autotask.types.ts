/**
 * Autotask PSA REST API v1.0 as it answers (camelCase JSON of the swagger's PascalCase models).
 * Only the fields Rampart reads are typed; the rest travel untouched in `raw`. Every field is
 * optional or nullable because Autotask omits what the API user may not see.
 */

/** `GET /atservicesrest/v1.0/zoneInformation?user=` on the discovery host; needs no credentials. */
export interface AutotaskZoneInformation {
  zoneName: string;
  /** The zone's REST root, ending in `/` (`https://webservices15.autotask.net/ATServicesRest/`). */
  url: string;
  webUrl?: string;
  ci?: number;
}

/** `GET /V1.0/ThresholdInformation`: usage of the hourly request budget shared by the whole database. */
export interface AutotaskThresholdInformation {
  externalRequestThreshold: number;
  /** Minutes. */
  requestThresholdTimeframe: number;
  currentTimeframeRequestCount: number;
}

export interface AutotaskUserDefinedField {
  name: string;
  value: string | null;
}

/** One condition of a query filter; `and`/`or` group `items`, `udf` targets a user-defined field. */
export interface AutotaskFilter {
  op: AutotaskFilterOperator;
  field?: string;
  value?: string | number | boolean | (string | number)[];
  udf?: boolean;
  items?: AutotaskFilter[];
}

export const AUTOTASK_FILTER_OPERATORS = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte', 'beginsWith', 'endsWith', 'contains', 'exist', 'notExist', 'in', 'notIn', 'and', 'or'] as const;
export type AutotaskFilterOperator = (typeof AUTOTASK_FILTER_OPERATORS)[number];

/** The body of `POST /V1.0/{Entity}/query`, POSTed again unchanged to each `nextPageUrl`. */
export interface AutotaskQuery {
  MaxRecords: number;
  filter: AutotaskFilter[];
}

export interface AutotaskPageDetails {
  count: number;
  requestCount: number;
  prevPageUrl: string | null;
  /** Absolute, with an opaque id-keyset `paging` cursor; null on the last page. */
  nextPageUrl: string | null;
}

export interface AutotaskPage<T> {
  items: T[];
  pageDetails: AutotaskPageDetails;
}

/** `GET /V1.0/{Entity}/entityInformation/fields`: labels of the instance's picklists. */
export interface AutotaskEntityFields {
  fields: AutotaskFieldInfo[];
}

export interface AutotaskFieldInfo {
  name: string;
  dataType?: string;
  isPickList?: boolean;
  picklistValues?: AutotaskPicklistValue[] | null;
}

export interface AutotaskPicklistValue {
  /** The stored value as a string ("1"), though records carry it as an integer. */
  value: string;
  label: string;
  isActive?: boolean;
}

export interface AutotaskCompany {
  id: number;
  companyName?: string | null;
  companyNumber?: string | null;
  /** Picklist: 1 Customer, 2 Lead, 3 Prospect, 4 Dead, 6 Cancellation, 7 Vendor, 8 Partner by default. */
  companyType?: number | null;
  isActive?: boolean | null;
  webAddress?: string | null;
  createDate?: string | null;
  lastActivityDate?: string | null;
  lastTrackedModifiedDateTime?: string | null;
  userDefinedFields?: AutotaskUserDefinedField[];
}

export interface AutotaskContact {
  id: number;
  companyID: number;
  firstName?: string | null;
  lastName?: string | null;
  title?: string | null;
  emailAddress?: string | null;
  phone?: string | null;
  mobilePhone?: string | null;
  /** 1 or 0: an integer here, unlike the booleans on companies and configuration items. */
  isActive?: number | null;
  lastActivityDate?: string | null;
  lastModifiedDate?: string | null;
  userDefinedFields?: AutotaskUserDefinedField[];
}

export interface AutotaskConfigurationItem {
  id: number;
  companyID: number;
  /** Picklist; labels are the MSP's own (see `entityInformation/fields`). */
  configurationItemType?: number | null;
  configurationItemCategoryID?: number | null;
  referenceTitle?: string | null;
  serialNumber?: string | null;
  isActive?: boolean | null;
  lastModifiedTime?: string | null;
  warrantyExpirationDate?: string | null;
  rmmDeviceAuditHostname?: string | null;
  /** One string, version included: "Microsoft Windows 11 Pro 23H2". */
  rmmDeviceAuditOperatingSystem?: string | null;
  rmmDeviceAuditAntivirusStatusID?: number | null;
  rmmDeviceAuditPatchStatusID?: number | null;
  rmmDeviceAuditMissingPatchCount?: number | null;
  rmmDeviceAuditLastUser?: string | null;
  dattoHostname?: string | null;
  dattoSerialNumber?: string | null;
  /** Datto BCDR appliances only. */
  dattoLastCheckInDateTime?: string | null;
  userDefinedFields?: AutotaskUserDefinedField[];
}
