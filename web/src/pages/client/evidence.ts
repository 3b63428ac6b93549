/**
 * A control result's evidence object, made readable: labels from its keys, dates and numbers
 * formatted, asset conditions as phrases. Nested objects stay nested.
 */
import { formatDateTime, humanise } from '../../format.js';

export type EvidenceValue = { kind: 'text'; text: string } | { kind: 'list'; items: EvidenceValue[] } | { kind: 'record'; entries: EvidenceEntry[] };

export interface EvidenceEntry {
  key: string;
  label: string;
  value: EvidenceValue;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** `assetsOfKind` → "Assets of kind", `ageDays` → "Age (days)", `last_success_at` → "Last success at". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const days = /^(.*) days$/.exec(words);
  return humanise(days ? `${days[1]} (days)` : words);
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-GB', { maximumFractionDigits: 3 });
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An asset condition `{field, op, value}` as "lastSeenAt within days 14". */
function conditionText(value: Record<string, unknown>): string | null {
  const keys = Object.keys(value).toSorted().join(',');
  if (keys !== 'field,op,value' && keys !== 'field,op') return null;
  const operand = Array.isArray(value.value) ? value.value.map(scalarText).join(', ') : value.value === undefined ? '' : scalarText(value.value);
  return `${String(value.field)} ${humanise(String(value.op)).toLowerCase()} ${operand}`.trim();
}

export function describeValue(value: unknown): EvidenceValue {
  if (Array.isArray(value)) {
    if (value.every((item) => !isRecord(item) && !Array.isArray(item))) return { kind: 'text', text: value.length === 0 ? 'None' : value.map(scalarText).join(', ') };
    return { kind: 'list', items: value.map(describeValue) };
  }
  if (isRecord(value)) {
    const condition = conditionText(value);
    return condition === null ? { kind: 'record', entries: describeEvidence(value) } : { kind: 'text', text: condition };
  }
  return { kind: 'text', text: scalarText(value) };
}

export function describeEvidence(evidence: Record<string, unknown>): EvidenceEntry[] {
  return Object.entries(evidence).map(([key, value]) => ({ key, label: labelOf(key), value: describeValue(value) }));
}
