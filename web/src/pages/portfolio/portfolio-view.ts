/**
 * What the portfolio page shows (filters, sort, page size, tab), kept in the URL so a view can be
 * shared and the back button steps through it. Unknown or malformed values fall back to defaults,
 * since a URL may be hand-edited or outlive an option.
 */
import type { Query } from '../../api/client.js';
import { CATEGORIES, type Category, type Grade, GRADES } from '../../api/domain.js';
import type { SortDirection } from '../../components/sortable-header.js';

export const SORT_KEYS = ['name', 'score', 'change', 'change30d', 'changeSinceQbr', 'failingCritical', 'evaluatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export const CHANGE_FILTERS = ['any', 'up', 'down'] as const;
export type ChangeFilter = (typeof CHANGE_FILTERS)[number];

export const CHANGE_WINDOWS = ['previousRun', '30d', 'qbr'] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const TABS = ['clients', 'heatmap'] as const;
export type Tab = (typeof TABS)[number];

export interface PortfolioView {
  search: string;
  /** A baseline name; empty for every baseline. */
  baseline: string;
  grades: Grade[];
  changed: ChangeFilter | null;
  changedSince: ChangeWindow;
  sort: SortState;
  pageSize: PageSize;
  tab: Tab;
  /** Narrows the heat map's controls only. */
  category: Category | null;
}

/** The API's default order: the clients that need attention first. */
export const DEFAULT_SORT: SortState = { key: 'score', direction: 'ascending' };

export const DEFAULT_VIEW: PortfolioView = {
  search: '',
  baseline: '',
  grades: [],
  changed: null,
  changedSince: 'previousRun',
  sort: DEFAULT_SORT,
  pageSize: 50,
  tab: 'clients',
  category: null,
};

/**
 * The direction a column sorts in on its first click: the worrying end first (lowest score,
 * biggest drop, most critical failures, stalest evaluation), names A to Z.
 */
const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  name: 'ascending',
  score: 'ascending',
  change: 'ascending',
  change30d: 'ascending',
  changeSinceQbr: 'ascending',
  failingCritical: 'descending',
  evaluatedAt: 'ascending',
};

function oneOf<T extends string | number>(options: readonly T[], value: string | number | null | undefined): T | undefined {
  return options.find((option) => String(option) === String(value));
}

/** `-score` → descending by score; anything the API does not know → the default sort. */
export function parseSort(value: string | null): SortState {
  if (!value) return DEFAULT_SORT;
  const descending = value.startsWith('-');
  const key = oneOf(SORT_KEYS, descending ? value.slice(1) : value);
  return key ? { key, direction: descending ? 'descending' : 'ascending' } : DEFAULT_SORT;
}

/** The API's `sort` parameter. */
export function sortParam(sort: SortState): string {
  return `${sort.direction === 'descending' ? '-' : ''}${sort.key}`;
}

/** Clicking the sorted column flips it; clicking another sorts by it, worrying end first. */
export function toggleSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: FIRST_DIRECTION[key] };
}

/** Grades as `C,D` (or repeated), deduplicated and in A–F order. */
function parseGrades(values: string[]): Grade[] {
  const wanted = new Set(values.flatMap((value) => value.split(',')).map((value) => value.trim().toUpperCase()));
  return GRADES.filter((grade) => wanted.has(grade));
}

export function parseView(params: URLSearchParams): PortfolioView {
  return {
    search: params.get('q')?.trim() ?? '',
    baseline: params.get('baseline')?.trim() ?? '',
    grades: parseGrades(params.getAll('grade')),
    changed: oneOf(CHANGE_FILTERS, params.get('changed')) ?? null,
    changedSince: oneOf(CHANGE_WINDOWS, params.get('since')) ?? DEFAULT_VIEW.changedSince,
    sort: parseSort(params.get('sort')),
    pageSize: oneOf(PAGE_SIZES, params.get('size')) ?? DEFAULT_VIEW.pageSize,
    tab: oneOf(TABS, params.get('view')) ?? DEFAULT_VIEW.tab,
    category: oneOf(CATEGORIES, params.get('category')) ?? null,
  };
}

/** The URL's search params for a view; defaults are left out so shared links stay short. */
export function serialiseView(view: PortfolioView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.search) params.set('q', view.search);
  if (view.baseline) params.set('baseline', view.baseline);
  if (view.grades.length > 0) params.set('grade', view.grades.join(','));
  if (view.changed) params.set('changed', view.changed);
  if (view.changed && view.changedSince !== DEFAULT_VIEW.changedSince) params.set('since', view.changedSince);
  if (sortParam(view.sort) !== sortParam(DEFAULT_SORT)) params.set('sort', sortParam(view.sort));
  if (view.pageSize !== DEFAULT_VIEW.pageSize) params.set('size', String(view.pageSize));
  if (view.tab !== DEFAULT_VIEW.tab) params.set('view', view.tab);
  if (view.category) params.set('category', view.category);
  return params;
}

export function hasClientFilters(view: PortfolioView): boolean {
  return Boolean(view.search || view.baseline || view.grades.length > 0 || view.changed);
}

/** The filters every portfolio route shares: which clients count. */
export function clientFilterQuery(view: PortfolioView): Query {
  return {
    name: view.search || undefined,
    baseline: view.baseline || undefined,
    grade: view.grades.length > 0 ? view.grades : undefined,
    changed: view.changed ?? undefined,
    changedSince: view.changed ? view.changedSince : undefined,
  };
}

/** The filters and the order of the clients, as the list, the heat map and both exports take them. */
export function clientListQuery(view: PortfolioView): Query {
  return { ...clientFilterQuery(view), sort: sortParam(view.sort) };
}

/** A stable key for "the same clients in the same order": paging starts over when it changes. */
export function listKey(view: PortfolioView, ...extra: (string | number | null)[]): string {
  return JSON.stringify([clientListQuery(view), ...extra]);
}
