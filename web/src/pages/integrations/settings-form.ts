import type { ErrorDetail } from '../../api/client.js';
import { MAPPABLE_ASSET_FIELDS, type FieldMapping, type FieldSource, type Integration, type MappableAssetField, type PsaKind } from './types.js';
import { fieldKey, type SettingField, VENDORS } from './vendors.js';

export const ASSET_FIELD_LABELS: Record<MappableAssetField, string> = {
  hostname: 'Hostname',
  serialNumber: 'Serial number',
  osName: 'Operating system',
  osVersion: 'OS version',
  lastSeenAt: 'Last seen',
  antivirusProduct: 'Antivirus product',
  antivirusStatus: 'Antivirus status',
  patchStatus: 'Patch status',
  missingPatches: 'Missing patches',
  diskEncrypted: 'Disk encrypted',
  warrantyEndsAt: 'Warranty end',
  lastBackupAt: 'Last backup',
};

export type MappingSource = 'standard' | 'customField' | 'path';
export interface MappingRow {
  source: MappingSource;
  value: string;
}

/** What the settings form holds: every value as typed, keyed like the API's error details (`config.baseUrl`). */
export interface SettingsForm {
  kind: PsaKind;
  name: string;
  values: Record<string, string>;
  /** Comma-separated, as typed; empty means the vendor default. */
  clientTypes: string;
  /** Comma-separated, as typed; empty means any status. */
  clientStatuses: string;
  includeInactive: boolean;
  mapping: Record<MappableAssetField, MappingRow>;
}

/** A problem with one field, keyed like the form (`name`, `config.baseUrl`, `fieldMapping.hostname`). */
export type FieldProblems = Record<string, string>;

/** The DOM id of the input for a form key such as `config.baseUrl`; also where focus goes when it has a problem. */
export function fieldId(key: string): string {
  return `integration-${key.replace(/\./g, '-')}`;
}

/** What the summary above the form says: how many settings need attention, or the API's message when it names no field. */
export function problemHeadline(problems: FieldProblems, error: { message: string } | undefined): string | undefined {
  const count = Object.keys(problems).length;
  if (count === 0) return error?.message;
  return `${count === 1 ? 'One setting needs attention' : `${count} settings need attention`}${error ? ': nothing was saved.' : '.'}`;
}

export interface ClientFilterBody {
  types: string[] | null;
  statuses: string[] | null;
  includeInactive: boolean;
}

export interface CreateBody {
  kind: PsaKind;
  name: string;
  config: Record<string, string | number>;
  credentials: Record<string, string>;
  clientFilter: ClientFilterBody;
  fieldMapping: FieldMapping;
}

export type UpdateBody = Omit<CreateBody, 'kind' | 'credentials'> & { credentials?: Record<string, string> };

function standardMapping(): Record<MappableAssetField, MappingRow> {
  return Object.fromEntries(MAPPABLE_ASSET_FIELDS.map((field) => [field, { source: 'standard', value: '' }])) as Record<MappableAssetField, MappingRow>;
}

export function blankForm(kind: PsaKind, name = ''): SettingsForm {
  const values = Object.fromEntries(VENDORS[kind].fields.map((field) => [fieldKey(field), field.initial ?? '']));
  return { kind, name, values, clientTypes: '', clientStatuses: '', includeInactive: false, mapping: standardMapping() };
}

/** The stored settings, ready to edit; credentials stay blank because the API never returns them. */
export function formFromIntegration(integration: Integration): SettingsForm {
  const form = blankForm(integration.kind, integration.name);
  for (const field of VENDORS[integration.kind].fields) {
    const stored = field.part === 'config' ? integration.config[field.name] : undefined;
    form.values[fieldKey(field)] = stored === undefined || stored === null ? '' : String(stored);
  }
  const mapping = standardMapping();
  for (const [field, source] of Object.entries(integration.fieldMapping) as [MappableAssetField, FieldSource][]) {
    if (!(field in mapping)) continue;
    mapping[field] = 'customField' in source ? { source: 'customField', value: source.customField } : { source: 'path', value: source.path };
  }
  return {
    ...form,
    clientTypes: integration.clientFilter.types?.join(', ') ?? '',
    clientStatuses: integration.clientFilter.statuses?.join(', ') ?? '',
    includeInactive: integration.clientFilter.includeInactive,
    mapping,
  };
}

/** "Client, Partner ," → ["Client", "Partner"]; nothing → null (the API's "no filter"). */
export function parseList(text: string): string[] | null {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length > 0 ? [...new Set(items)] : null;
}

function partValues(form: SettingsForm, part: 'config'): Record<string, string | number>;
function partValues(form: SettingsForm, part: 'credentials'): Record<string, string>;
function partValues(form: SettingsForm, part: SettingField['part']): Record<string, string | number> {
  const body: Record<string, string | number> = {};
  for (const field of VENDORS[form.kind].fields) {
    if (field.part !== part) continue;
    const value = (form.values[fieldKey(field)] ?? '').trim();
    // The API refuses empty strings for optional settings; leaving them out means "use the default".
    if (value === '') continue;
    body[field.name] = field.input === 'integer' ? Number(value) : value;
  }
  return body;
}

function mappingBody(form: SettingsForm): FieldMapping {
  const mapping: FieldMapping = {};
  for (const field of MAPPABLE_ASSET_FIELDS) {
    const row = form.mapping[field];
    const value = row.value.trim();
    if (row.source === 'customField' && value) mapping[field] = { customField: value };
    if (row.source === 'path' && value) mapping[field] = { path: value };
  }
  return mapping;
}

function clientFilterBody(form: SettingsForm): ClientFilterBody {
  return { types: parseList(form.clientTypes), statuses: parseList(form.clientStatuses), includeInactive: form.includeInactive };
}

export function createBody(form: SettingsForm): CreateBody {
  return {
    kind: form.kind,
    name: form.name.trim(),
    config: partValues(form, 'config'),
    credentials: partValues(form, 'credentials'),
    clientFilter: clientFilterBody(form),
    fieldMapping: mappingBody(form),
  };
}

/** The API replaces config and credentials whole, so config is always sent in full and credentials only when all are retyped. */
export function updateBody(form: SettingsForm): UpdateBody {
  const credentials = partValues(form, 'credentials');
  return {
    name: form.name.trim(),
    config: partValues(form, 'config'),
    ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
    clientFilter: clientFilterBody(form),
    fieldMapping: mappingBody(form),
  };
}

function credentialsTouched(form: SettingsForm): boolean {
  return VENDORS[form.kind].fields.some((field) => field.part === 'credentials' && (form.values[fieldKey(field)] ?? '').trim() !== '');
}

/**
 * What must be fixed before sending. When editing, blank credentials keep the stored ones; but the
 * API replaces them whole, so once one is typed every required one must be.
 */
export function formProblems(form: SettingsForm, editing: boolean): FieldProblems {
  const problems: FieldProblems = {};
  if (!form.name.trim()) problems.name = 'Connection name is required.';
  const retypingCredentials = !editing || credentialsTouched(form);
  for (const field of VENDORS[form.kind].fields) {
    const key = fieldKey(field);
    const value = (form.values[key] ?? '').trim();
    const required = field.required && (field.part === 'config' || retypingCredentials);
    if (required && value === '') {
      problems[key] = editing && field.part === 'credentials' ? `${field.label} is required too: the credentials are replaced together.` : `${field.label} is required.`;
    } else if (field.input === 'integer' && value !== '' && !/^[1-9]\d*$/.test(value)) {
      problems[key] = `${field.label} must be a whole number of 1 or more.`;
    }
  }
  for (const field of MAPPABLE_ASSET_FIELDS) {
    const row = form.mapping[field];
    if (row.source !== 'standard' && !row.value.trim()) {
      problems[`fieldMapping.${field}`] = row.source === 'customField' ? `Name the custom field to read ${ASSET_FIELD_LABELS[field].toLowerCase()} from.` : `Give the path to read ${ASSET_FIELD_LABELS[field].toLowerCase()} from.`;
    }
  }
  return problems;
}

/**
 * The API's error as problems at the fields it names. Its messages start with the field's path
 * ("config.baseUrl must be …"), which means nothing next to a labelled input, so the label replaces
 * it. A conflict is always the name: it must be unique in the tenant.
 */
export function problemsFromError(error: { status: number; message: string; details: ErrorDetail[] }, kind: PsaKind): FieldProblems {
  if (error.status === 409 && error.details.length === 0) return { name: error.message };
  const problems: FieldProblems = {};
  for (const detail of error.details) {
    const label = fieldLabel(kind, detail.field);
    const rest = detail.message.startsWith(detail.field) ? detail.message.slice(detail.field.length) : '';
    const message = label && /^:? /.test(rest) ? `${label}${rest}` : detail.message;
    problems[detail.field] = problems[detail.field] ? `${problems[detail.field]} ${message}` : message;
  }
  return problems;
}

/** Labels for every key the form can show a problem at. */
export function fieldLabel(kind: PsaKind, key: string): string | undefined {
  if (key === 'name') return 'Connection name';
  if (key.startsWith('fieldMapping.')) return ASSET_FIELD_LABELS[key.slice('fieldMapping.'.length) as MappableAssetField];
  if (key === 'clientFilter.types') return 'Company types';
  if (key === 'clientFilter.statuses') return 'Statuses';
  return VENDORS[kind].fields.find((field) => fieldKey(field) === key)?.label;
}
