import type { ResultStatus } from '../api/domain.js';
import { humanise } from '../format.js';
import { STATUS_SYMBOLS } from './status-symbols.js';

/** A result status as a symbol and a word, so it reads without colour. */
export function StatusBadge({ status, fraction }: { status: ResultStatus; fraction?: number | null }) {
  const partial = status === 'partial' && typeof fraction === 'number' ? ` ${Math.round(fraction * 100)}%` : '';
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOLS[status]} </span>
      {humanise(status)}
      {partial}
    </span>
  );
}
