import type { ResultStatus } from '../../api/domain.js';
import type { ControlResult } from './client-types.js';

/** `not_passing`: anything that still costs points (fail, partial, no data, error). */
export type StatusFilter = ResultStatus | 'not_passing' | '';

export interface ControlFilter {
  status: StatusFilter;
  category: string;
  search: string;
}

export const STATUS_ORDER: readonly ResultStatus[] = ['fail', 'partial', 'no_data', 'error', 'excepted', 'not_applicable', 'pass'];
const NOT_PASSING: ReadonlySet<ResultStatus> = new Set(['fail', 'partial', 'no_data', 'error']);

export function isNotPassing(status: ResultStatus): boolean {
  return NOT_PASSING.has(status);
}

function matchesStatus(control: ControlResult, status: StatusFilter): boolean {
  if (status === '') return true;
  if (status === 'not_passing') return isNotPassing(control.status);
  return control.status === status;
}

/** Lower case without accents, so "securite" finds "Sécurité". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Every word of the search must appear in the control's name, key, category or summary. */
function matchesSearch(control: ControlResult, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${control.name} ${control.key} ${control.category} ${control.summary}`);
  return words.every((word) => haystack.includes(word));
}

/** The controls that pass the filter, in the order the API gave them (not passing first, by points recoverable). */
export function filterControls(controls: readonly ControlResult[], filter: ControlFilter): ControlResult[] {
  return controls.filter((control) => matchesStatus(control, filter.status) && (filter.category === '' || control.category === filter.category) && matchesSearch(control, filter.search));
}

/** How many controls have each status, for the filter's options. */
export function countByStatus(controls: readonly ControlResult[]): Record<ResultStatus, number> & { not_passing: number } {
  const counts = { pass: 0, partial: 0, fail: 0, not_applicable: 0, excepted: 0, no_data: 0, error: 0, not_passing: 0 };
  for (const control of controls) {
    counts[control.status] += 1;
    if (isNotPassing(control.status)) counts.not_passing += 1;
  }
  return counts;
}

/** The categories the controls belong to, in the order they first appear. */
export function categoriesOf(controls: readonly ControlResult[]): string[] {
  return [...new Set(controls.map((control) => control.category))];
}

const STATUS_VALUES: ReadonlySet<string> = new Set([...STATUS_ORDER, 'not_passing']);

/** The filter kept in the address (`?status=&category=&q=`), so a filtered view can be shared. */
export function filterFromParams(params: URLSearchParams): ControlFilter {
  const status = params.get('status') ?? '';
  return {
    status: STATUS_VALUES.has(status) ? (status as StatusFilter) : '',
    category: params.get('category') ?? '',
    search: params.get('q') ?? '',
  };
}

/** `params` with the filter written over it; other parameters stay, empty values leave. */
export function filterToParams(filter: ControlFilter, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  const values: [string, string][] = [
    ['status', filter.status],
    ['category', filter.category],
    ['q', filter.search],
  ];
  for (const [name, value] of values) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}
