import type { FieldError } from '../common/errors/error-response.js';
import { MAPPABLE_ASSET_FIELDS } from './psa-connector.js';

/** What is wrong with a field mapping, per field; an empty list when it is sound. */
export function fieldMappingProblems(mapping: Record<string, unknown>): FieldError[] {
  return Object.entries(mapping).flatMap(([field, source]): FieldError[] => {
    const at = `fieldMapping.${field}`;
    if (!(MAPPABLE_ASSET_FIELDS as readonly string[]).includes(field)) {
      return [{ field: at, message: `${at} is not a mappable asset field; use one of ${MAPPABLE_ASSET_FIELDS.join(', ')}` }];
    }
    const keys = source !== null && typeof source === 'object' ? Object.keys(source) : [];
    const value = keys.length === 1 ? (source as Record<string, unknown>)[keys[0]!] : undefined;
    if (keys.length !== 1 || !['customField', 'path'].includes(keys[0]!) || typeof value !== 'string' || value.length < 1 || value.length > 200) {
      return [{ field: at, message: `${at} must be {"customField": "<name>"} or {"path": "<dot.path>"}` }];
    }
    return [];
  });
}

