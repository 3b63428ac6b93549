/** The catalog's filters and sort, kept in the URL so a filtered view can be shared and survives reload. */
import { CATEGORIES, type Category, SEVERITIES, type Severity } from '../../api/domain.js';
import type { SortDirection } from '../../components/sortable-header.js';
import type { Control } from './types.js';

export type SortField = 'name' | 'severity' | 'weight';
export interface CatalogSort {
  field: SortField;
  direction: SortDirection;
}

export interface CatalogFilters {
  search: string;
  category: Category | '';
  severity: Severity | '';
  kind: 'builtin' | 'custom' | '';
  /** Effective settings of this baseline; empty for the tenant's. */
  baselineId: string;
  /** Null keeps the catalog's own order (by category). */
  sort: CatalogSort | null;
}

const SORT_FIELDS: readonly SortField[] = ['name', 'severity', 'weight'];
/** The direction a first click sorts in: names A→Z, the most severe and the heaviest first. */
export const FIRST_DIRECTION: Record<SortField, SortDirection> = { name: 'ascending', severity: 'descending', weight: 'descending' };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return values.includes(value as T) ? (value as T) : '';
}

export function filtersFromParams(params: URLSearchParams): CatalogFilters {
  const sortParam = params.get('sort') ?? '';
  const field = oneOf(SORT_FIELDS, sortParam.replace(/^-/, ''));
  return {
    search: params.get('q') ?? '',
    category: oneOf(CATEGORIES, params.get('category')),
    severity: oneOf(SEVERITIES, params.get('severity')),
    kind: oneOf(['builtin', 'custom'] as const, params.get('kind')),
    baselineId: params.get('baseline') ?? '',
    sort: field ? { field, direction: sortParam.startsWith('-') ? 'descending' : 'ascending' } : null,
  };
}

/** Only what differs from the defaults, so a plain catalog has a plain address. */
export function paramsFromFilters(filters: CatalogFilters): Record<string, string> {
  const entries: [string, string][] = [
    ['q', filters.search.trim()],
    ['category', filters.category],
    ['severity', filters.severity],
    ['kind', filters.kind],
    ['baseline', filters.baselineId],
    ['sort', filters.sort ? `${filters.sort.direction === 'descending' ? '-' : ''}${filters.sort.field}` : ''],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

/** Clicking a header: its first direction, then the other way, then back to the catalog's order. */
export function nextSort(current: CatalogSort | null, field: SortField): CatalogSort | null {
  if (current?.field !== field) return { field, direction: FIRST_DIRECTION[field] };
  if (current.direction === FIRST_DIRECTION[field]) return { field, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return null;
}

export function filterControls(controls: readonly Control[], filters: CatalogFilters): Control[] {
  const words = filters.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return controls.filter((control) => {
    if (filters.category && control.category !== filters.category) return false;
    if (filters.severity && control.severity !== filters.severity) return false;
    if (filters.kind && control.builtin !== (filters.kind === 'builtin')) return false;
    const text = `${control.name} ${control.key} ${control.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** Ties keep the catalog's order, so equal rows do not jump around. */
export function sortControls(controls: readonly Control[], sort: CatalogSort | null): Control[] {
  if (!sort) return [...controls];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = {
    name: (a: Control, b: Control) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
    severity: (a: Control, b: Control) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
    weight: (a: Control, b: Control) => a.effective.weight - b.effective.weight,
  }[sort.field];
  return controls.toSorted((a, b) => sign * compare(a, b));
}
