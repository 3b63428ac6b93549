import { useEffect, useState } from 'react';
import { type ApiError, api, asApiError } from '../../api/client.js';
import { isActive } from './sync-runs.js';
import type { SyncRun } from './types.js';

const POLL_MS = 1000;
const LONGEST_WAIT_MS = 15_000;

export interface LiveSyncRun {
  run: SyncRun | undefined;
  /** The last poll failed; polling goes on after a network or server error. */
  error: ApiError | undefined;
}

/**
 * Follows `tracked` while it is queued or running, asking for it again every second, and calls
 * `onFinished` once when it ends. `onFinished` should keep its identity (useCallback).
 */
export function useLiveSyncRun(integrationId: string, tracked: SyncRun | undefined, onFinished: (run: SyncRun) => void): LiveSyncRun {
  const [latest, setLatest] = useState<SyncRun>();
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  // A newer answer about the same run wins; a different run starts over from what was handed in.
  const run = latest && latest.id === tracked?.id ? latest : tracked;

  useEffect(() => {
    if (!run || !isActive(run)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.get<SyncRun>(`/integrations/${integrationId}/sync-runs/${run.id}`, {}, controller.signal).then(
        (next) => {
          setError(undefined);
          setAttempt(0);
          setLatest(next);
          if (!isActive(next)) onFinished(next);
        },
        (reason: unknown) => {
          if (controller.signal.aborted) return;
          const failure = asApiError(reason);
          setError(failure);
          // Lost connection or a server hiccup: try again; anything else will not get better.
          if (failure.status === 0 || failure.status >= 500) setAttempt((count) => count + 1);
        },
      );
      // After failed polls, wait longer each time so an outage is not hammered.
    }, Math.min(POLL_MS * 2 ** attempt, LONGEST_WAIT_MS));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [integrationId, run, attempt, onFinished]);

  return { run, error };
}
