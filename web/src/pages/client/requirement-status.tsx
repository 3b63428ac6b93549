import { humanise } from '../../format.js';
import type { RequirementStatus } from './client-types.js';

const LOOKS: Record<RequirementStatus, { symbol: string; className: string }> = {
  met: { symbol: '✓', className: 'status-pass' },
  partially_met: { symbol: '◐', className: 'status-partial' },
  not_met: { symbol: '✗', className: 'status-fail' },
  risk_accepted: { symbol: '⚑', className: 'status-excepted' },
  not_applicable: { symbol: '–', className: 'status-not_applicable' },
  not_covered: { symbol: '?', className: 'status-no_data' },
  no_controls: { symbol: '∅', className: 'status-no_data' },
};

/** A framework requirement's verdict as a symbol and words, like StatusBadge for controls. */
export function RequirementStatusBadge({ status }: { status: RequirementStatus }) {
  const look = LOOKS[status];
  return (
    <span className={`status ${look.className}`}>
      <span aria-hidden="true">{look.symbol} </span>
      {humanise(status)}
    </span>
  );
}

export const REQUIREMENT_STATUSES = Object.keys(LOOKS) as RequirementStatus[];
