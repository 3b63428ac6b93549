import { useEffect, useRef } from 'react';

/**
 * Calls `reload` whenever `token` changes after the first render: the page bumps the token when
 * something it did (a re-evaluation, a QBR mark) makes every section's data out of date.
 */
export function useReloadOn(token: number, reload: () => void): void {
  const seen = useRef(token);
  useEffect(() => {
    if (token === seen.current) return;
    seen.current = token;
    reload();
  }, [token, reload]);
}
