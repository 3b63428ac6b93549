import type { Grade } from '../../scoring/scoring.js';

/** What a client's current score is compared with. */
export const CHANGE_WINDOWS = ['previousRun', '30d', 'qbr'] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];

export const CHANGE_DIRECTIONS = ['any', 'up', 'down'] as const;
export type ChangeDirection = (typeof CHANGE_DIRECTIONS)[number];

const SORT_FIELDS = ['score', 'name', 'change', 'change30d', 'changeSinceQbr', 'failingCritical', 'evaluatedAt'] as const;
export type PortfolioSortField = (typeof SORT_FIELDS)[number];
export const PORTFOLIO_SORTS = SORT_FIELDS.flatMap((field) => [field, `-${field}`] as const);
export type PortfolioSort = PortfolioSortField | `-${PortfolioSortField}`;

export interface PortfolioFilter {
  name?: string;
  baseline?: string;
  grade?: Grade[];
  minScore?: number;
  maxScore?: number;
  changed?: ChangeDirection;
  changedSince: ChangeWindow;
}

export interface SortOrder {
  field: PortfolioSortField;
  descending: boolean;
}

export function parseSort(sort: PortfolioSort): SortOrder {
  return sort.startsWith('-') ? { field: sort.slice(1) as PortfolioSortField, descending: true } : { field: sort as PortfolioSortField, descending: false };
}

/** The window each sort compares over; the others need no history beyond the previous run. */
const SORT_WINDOWS: Partial<Record<PortfolioSortField, ChangeWindow>> = { change30d: '30d', changeSinceQbr: 'qbr' };

/**
 * Whether the 30-day and QBR comparisons must be known for every client before paging (to sort or
 * filter on them) or only for the page's rows, which is much cheaper on a large portfolio.
 */
export function needsHistoryForEveryClient(filter: PortfolioFilter, order: SortOrder): boolean {
  return SORT_WINDOWS[order.field] !== undefined || (filter.changed !== undefined && filter.changedSince !== 'previousRun');
}

/** Days back for the "since 30 days ago" comparison. */
export const MONTH_DAYS = 30;

/** A score older than this, or evidence older than that, is flagged stale. */
export const STALE_EVALUATION_HOURS = 48;
export const STALE_EVIDENCE_DAYS = 7;

export function isStale(evaluatedAt: Date | null, evidenceAt: Date | null, now: Date): boolean {
  if (!evaluatedAt || !evidenceAt) return true;
  return now.getTime() - evaluatedAt.getTime() > STALE_EVALUATION_HOURS * 3_600_000 || now.getTime() - evidenceAt.getTime() > STALE_EVIDENCE_DAYS * 86_400_000;
}
