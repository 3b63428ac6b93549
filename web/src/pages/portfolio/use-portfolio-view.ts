import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type PortfolioView, parseView, serialiseView } from './portfolio-view.js';

export type UpdateView = (patch: Partial<PortfolioView>, options?: { replace?: boolean }) => void;

/** The page's view, read from and written to the URL. */
export function usePortfolioView(): [PortfolioView, UpdateView] {
  const [params, setParams] = useSearchParams();
  const committed = params.toString();
  // The router commits a new URL in a transition. Until it does, show the view just asked for, or a
  // checkbox or select would flick back to its old value for a moment.
  const [requested, setRequested] = useState<{ over: string; search: string } | null>(null);
  if (requested && requested.over !== committed) setRequested(null);
  const shown = requested?.over === committed ? requested.search : committed;
  const view = useMemo(() => parseView(new URLSearchParams(shown)), [shown]);

  const update = useCallback<UpdateView>(
    (patch, options) => {
      const next = serialiseView({ ...view, ...patch });
      setRequested({ over: committed, search: next.toString() });
      setParams(next, { replace: options?.replace });
    },
    [view, committed, setParams],
  );
  return [view, update];
}
