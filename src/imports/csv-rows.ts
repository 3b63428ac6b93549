import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { ClientCreateDto } from '../clients/dto/client.dto.js';
import { flattenValidationErrors } from '../common/validation/validation.pipe.js';
import { AssetInputDto } from '../evidence/dto/evidence.dto.js';

export const CSV_KINDS = ['clients', 'assets'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export interface RowError {
  /** 1-based line of the data row (the header is line 1). */
  row: number;
  field: string;
  message: string;
}

export interface ParsedRows<T> {
  rows: { row: number; value: T }[];
  errors: RowError[];
}

export interface AssetCsvRow {
  /** The client by name or id. */
  client: string;
  asset: AssetInputDto;
}

/** Header spellings people use: `Serial Number`, `serial_number` and `serialNumber` are one column. */
const normalizeHeader = (header: string) => header.trim().toLowerCase().replace(/[\s_-]+/g, '');

const CLIENT_COLUMNS: Record<string, keyof ClientCreateDto> = { name: 'name', status: 'status', domains: 'domains', seats: 'seats', baseline: 'baseline', notes: 'notes' };
const ASSET_COLUMNS: Record<string, keyof AssetInputDto | 'client'> = {
  client: 'client', externalid: 'externalId', kind: 'kind', name: 'name', hostname: 'hostname', serialnumber: 'serialNumber', osname: 'osName',
  osversion: 'osVersion', lastseenat: 'lastSeenAt', antivirusproduct: 'antivirusProduct', antivirusstatus: 'antivirusStatus', patchstatus: 'patchStatus',
  missingpatches: 'missingPatches', diskencrypted: 'diskEncrypted', warrantyendsat: 'warrantyEndsAt', lastbackupat: 'lastBackupAt', active: 'active',
};
const REQUIRED: Record<CsvKind, string[]> = { clients: ['name'], assets: ['client', 'externalId', 'kind'] };
const NUMBER_FIELDS = new Set(['seats', 'missingPatches']);
const BOOLEAN_FIELDS = new Set(['diskEncrypted', 'active']);

export class CsvFormatError extends Error {}

/** Splits CSV text into records keyed by field name, refusing unknown or missing columns up front. */
function records(text: string, kind: CsvKind): { row: number; fields: Record<string, string> }[] {
  let table: string[][];
  try {
    table = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (error) {
    throw new CsvFormatError(`The CSV cannot be read: ${(error as Error).message}`);
  }
  if (table.length === 0) throw new CsvFormatError('The CSV is empty: it needs a header row and at least one data row');
  const columns = kind === 'clients' ? CLIENT_COLUMNS : ASSET_COLUMNS;
  const header = table[0]!.map((name) => columns[normalizeHeader(name)]);
  const unknown = table[0]!.filter((_, index) => header[index] === undefined);
  if (unknown.length > 0) throw new CsvFormatError(`Unknown column(s) ${unknown.join(', ')}; ${kind} CSV columns are ${Object.values(columns).join(', ')}`);
  const missing = REQUIRED[kind].filter((field) => !header.includes(field as never));
  if (missing.length > 0) throw new CsvFormatError(`Missing required column(s): ${missing.join(', ')}`);
  return table.slice(1).map((cells, index) => ({
    row: index + 2,
    fields: Object.fromEntries(header.flatMap((field, column) => (cells[column] === '' || cells[column] === undefined ? [] : [[field!, cells[column]!]]))),
  }));
}

/** A cell's text as the type the API expects, or the text itself when it is not one (validation then says why). */
function typed(field: string, text: string): unknown {
  if (NUMBER_FIELDS.has(field)) return /^-?\d+$/.test(text) ? Number(text) : text;
  if (BOOLEAN_FIELDS.has(field)) {
    const word = text.toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(word)) return true;
    if (['false', 'no', 'n', '0'].includes(word)) return false;
    return text;
  }
  if (field === 'domains') return text.split(/[;\s]+/).filter(Boolean);
  return text;
}

function validateRow<T extends object>(type: new () => T, row: number, plain: Record<string, unknown>): { value?: T; errors: RowError[] } {
  const instance = plainToInstance(type, plain);
  const errors = flattenValidationErrors(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }));
  return errors.length > 0 ? { errors: errors.map((error) => ({ row, field: error.field, message: error.message })) } : { value: instance, errors: [] };
}

export function parseClientRows(text: string): ParsedRows<ClientCreateDto> {
  const result: ParsedRows<ClientCreateDto> = { rows: [], errors: [] };
  const seen = new Map<string, number>();
  for (const { row, fields } of records(text, 'clients')) {
    const name = fields.name?.toLowerCase();
    if (name && seen.has(name)) {
      result.errors.push({ row, field: 'name', message: `name "${fields.name}" is also on row ${seen.get(name)}` });
      continue;
    }
    if (name) seen.set(name, row);
    const plain = Object.fromEntries(Object.entries(fields).map(([field, cell]) => [field, typed(field, cell)]));
    const { value, errors } = validateRow(ClientCreateDto, row, plain);
    result.errors.push(...errors);
    if (value) result.rows.push({ row, value });
  }
  return result;
}

export function parseAssetRows(text: string): ParsedRows<AssetCsvRow> {
  const result: ParsedRows<AssetCsvRow> = { rows: [], errors: [] };
  const seen = new Map<string, number>();
  for (const { row, fields } of records(text, 'assets')) {
    const { client, ...assetFields } = fields;
    const externalId = assetFields.externalId;
    if (externalId && seen.has(externalId)) {
      result.errors.push({ row, field: 'externalId', message: `externalId "${externalId}" is also on row ${seen.get(externalId)}` });
      continue;
    }
    if (externalId) seen.set(externalId, row);
    const plain = Object.fromEntries(Object.entries(assetFields).map(([field, cell]) => [field, typed(field, cell)]));
    const { value, errors } = validateRow(AssetInputDto, row, plain);
    if (!client) errors.push({ row, field: 'client', message: 'client is required: the client\'s name or id' });
    result.errors.push(...errors);
    if (!value || !client) continue;
    result.rows.push({ row, value: { client, asset: value } });
  }
  return result;
}
