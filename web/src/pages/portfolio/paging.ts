import { useCallback, useState } from 'react';

/** "Clients 26–50 of 120" for the page at `pageIndex` (0-based); the total only when known. */
export function rangeText(noun: string, pageIndex: number, pageSize: number, shown: number, total?: number): string {
  if (shown === 0) return `No ${noun}`;
  const first = pageIndex * pageSize + 1;
  const last = first + shown - 1;
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${first}–${last}${total === undefined ? '' : ` of ${total}`}`;
}

/**
 * The cursors of the pages seen so far (for `Pager`), back to the first page whenever `resetKey`
 * changes: a cursor only means something for the filters and order it was issued for.
 */
export function useCursorStack(resetKey: string): [(string | null)[], (cursors: (string | null)[]) => void] {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key: resetKey, cursors: [null] });
  const stale = state.key !== resetKey;
  // Forget the old pages outright, so returning to the earlier filters starts on page 1 too.
  if (stale) setState({ key: resetKey, cursors: [null] });
  const setCursors = useCallback((next: (string | null)[]) => setState({ key: resetKey, cursors: next }), [resetKey]);
  return [stale ? [null] : state.cursors, setCursors];
}
