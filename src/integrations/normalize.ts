import type { FieldMapping, MappableAssetField, NormalizedAsset } from './psa-connector.js';

/** Trimmed text, or null for empty, missing or non-scalar values. */
export function toText(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The longest custom-field value a company keeps; longer text is cut to this many characters. */
export const CUSTOM_FIELD_MAX_LENGTH = 200;

/**
 * A record's custom fields as name → text, from (name, value) pairs in the vendor's order: names
 * and values trimmed, booleans and numbers as text, fields without a name or a scalar value left
 * out, values cut to {@link CUSTOM_FIELD_MAX_LENGTH} characters. The first of two same-named
 * fields wins.
 */
export function customFieldsFrom(fields: Iterable<readonly [name: unknown, value: unknown]>): Record<string, string> {
  const texts = new Map<string, string>();
  for (const [name, value] of fields) {
    const key = toText(name);
    const text = toText(value);
    if (key === null || text === null || texts.has(key)) continue;
    // Cut by code point, so an emoji or CJK supplement character is never split in half.
    texts.set(key, text.length > CUSTOM_FIELD_MAX_LENGTH ? [...text].slice(0, CUSTOM_FIELD_MAX_LENGTH).join('') : text);
  }
  // fromEntries defines own properties, so a field named "__proto__" stays a field.
  return Object.fromEntries(texts);
}

/** A Date from ISO strings and epoch milliseconds; null for anything unparseable. */
export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toInteger(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? Math.trunc(number) : null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'enabled', 'encrypted', 'fully encrypted', 'protected']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'disabled', 'not encrypted', 'unencrypted', 'decrypted', 'unprotected']);

/** Booleans as PSAs spell them in custom fields ("Yes", "Encrypted", 1); null when it says neither. */
export function toBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const word = toText(value)?.toLowerCase();
  if (word === undefined || word === null) return null;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** The value at a dot path (`properties.av_status`, `fields.0.value`). */
export function readPath(raw: unknown, path: string): unknown {
  let current: unknown = raw;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const COERCE: { [F in MappableAssetField]: (value: unknown) => NormalizedAsset[F] } = {
  hostname: toText,
  serialNumber: toText,
  osName: toText,
  osVersion: toText,
  lastSeenAt: toDate,
  antivirusProduct: toText,
  antivirusStatus: toText,
  patchStatus: toText,
  missingPatches: toInteger,
  diskEncrypted: toBoolean,
  warrantyEndsAt: toDate,
  lastBackupAt: toDate,
};

/**
 * Overlays the fields an integration's mapping reads from custom fields or raw paths on an asset a
 * mapper produced. `readCustomField` is the vendor's way to find a custom field by name.
 */
export function applyFieldMapping(asset: NormalizedAsset, mapping: FieldMapping | undefined, readCustomField: (raw: unknown, name: string) => unknown): NormalizedAsset {
  if (!mapping) return asset;
  const mapped: NormalizedAsset = { ...asset };
  for (const [field, source] of Object.entries(mapping) as [MappableAssetField, FieldMapping[MappableAssetField]][]) {
    if (!source) continue;
    const value = 'customField' in source ? readCustomField(asset.raw, source.customField) : readPath(asset.raw, source.path);
    // A record without the mapped field keeps what the vendor's standard field said.
    if (value === undefined) continue;
    setField(mapped, field, COERCE[field](value));
  }
  return mapped;
}

function setField<F extends MappableAssetField>(asset: NormalizedAsset, field: F, value: NormalizedAsset[F]): void {
  asset[field] = value;
}
