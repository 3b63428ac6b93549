import type { ResultStatus } from '../api/domain.js';

/** One symbol per status, so a status reads without colour; the badge and the heat map use the same ones. */
export const STATUS_SYMBOLS: Record<ResultStatus, string> = {
  pass: '✓',
  partial: '◐',
  fail: '✗',
  not_applicable: '–',
  excepted: '⚑',
  no_data: '?',
  error: '!',
};
