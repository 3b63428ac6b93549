import { formatPercent, humanise } from '../../format.js';
import type { ResultState } from './client-types.js';

/** "Partial 40%", "Fail", or "Not evaluated" when there is no result. */
export function describeState(state: ResultState | null): string {
  if (!state) return 'Not evaluated';
  const label = humanise(state.status);
  return state.status === 'partial' && state.fraction !== null ? `${label} ${formatPercent(state.fraction)}` : label;
}
