import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client.js';
import type { Client } from '../../api/domain.js';

/**
 * Names for the clients a page of exceptions mentions (the exception carries only the id): one
 * request per client not seen before, at most a page's worth.
 */
export function useClientNames(ids: readonly string[]): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const missing = [...new Set(ids)].filter((id) => !names.has(id)).toSorted();
  const key = missing.join(',');

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    Promise.all(
      key.split(',').map((id) =>
        api.get<Client>(`/clients/${id}`, {}, controller.signal).then(
          (client) => [id, client.name] as const,
          (error: unknown) => [id, error instanceof ApiError && error.status === 404 ? 'Deleted client' : 'Client name unavailable'] as const,
        ),
      ),
    ).then((found) => {
      if (!controller.signal.aborted) setNames((current) => new Map([...current, ...found]));
    });
    return () => controller.abort();
  }, [key]);

  return names;
}
