import type { JobStatus } from '../../api/domain.js';
import { STATUS_TEXT } from './sync-runs.js';

/** A sync run's status as a symbol and a word, so it reads without colour. */
export function RunStatus({ status }: { status: JobStatus }) {
  const { symbol, word } = STATUS_TEXT[status];
  return (
    <span className={`run-status run-${status}`}>
      <span aria-hidden="true">{symbol} </span>
      {word}
    </span>
  );
}
