import { useCallback, useEffect, useState } from 'react';
import { type ApiError, api, asApiError, type Query } from './client.js';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again; the data stays on screen until the new answer arrives. */
  reload: () => void;
}

/**
 * GETs `path` whenever it or the query changes; `null` waits (for a value the path needs). A
 * response for an older path never replaces a newer one.
 */
export function useApi<T>(path: string | null, query: Query = {}): ApiState<T> {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<{ key: string; data?: T; error?: ApiError }>();
  const requestKey = path === null ? null : JSON.stringify([path, query, generation]);

  useEffect(() => {
    if (requestKey === null) return;
    const [requestPath, requestQuery] = JSON.parse(requestKey) as [string, Query];
    const controller = new AbortController();
    api.get<T>(requestPath, requestQuery, controller.signal).then(
      (data) => setSettled({ key: requestKey, data }),
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ key: requestKey, error: asApiError(reason) });
      },
    );
    return () => controller.abort();
  }, [requestKey]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: settled?.data, error: settled?.error, loading: requestKey !== null && settled?.key !== requestKey, reload };
}

export interface Mutation<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/** Wraps a write so a form can show it is pending and show the API's error where it happened. */
export function useMutation<A extends unknown[], R>(action: (...args: A) => Promise<R>): Mutation<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(undefined);
      try {
        return await action(...args);
      } catch (reason) {
        setError(asApiError(reason));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action],
  );
  return { run, pending, error, clearError: useCallback(() => setError(undefined), []) };
}
