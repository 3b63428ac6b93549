import { useCallback, useEffect, useState } from 'react';
import { type ApiError, api, asApiError, type Page } from '../../api/client.js';
import type { Baseline, Client } from '../../api/domain.js';
import { type CascadeRow, cascadeRows } from './settings-cascade.js';
import type { Control, ControlSetting } from './types.js';

export interface Cascade {
  rows: CascadeRow[];
  overrides: ControlSetting[];
  client: Client | null;
}

/**
 * The effective settings of one control at every level: the tenant, each baseline (a tenant has a
 * handful) and the chosen client, with the overrides stored for it.
 */
async function loadCascade(controlId: string, clientId: string, signal: AbortSignal): Promise<Cascade> {
  const path = `/controls/${encodeURIComponent(controlId)}`;
  const [tenant, baselines, settings, client] = await Promise.all([
    api.get<Control>(path, {}, signal),
    api.get<Page<Baseline>>('/baselines', {}, signal),
    api.get<{ overrides: ControlSetting[] }>(`${path}/settings`, {}, signal),
    clientId ? Promise.all([api.get<Client>(`/clients/${clientId}`, {}, signal), api.get<Control>(path, { clientId }, signal)]) : null,
  ]);
  const perBaseline = await Promise.all(baselines.data.map(async (baseline) => ({ baseline, effective: (await api.get<Control>(path, { baselineId: baseline.id }, signal)).effective })));
  return {
    rows: cascadeRows({ tenant: tenant.effective, baselines: perBaseline, client: client && { client: client[0], effective: client[1].effective } }),
    overrides: settings.overrides,
    client: client?.[0] ?? null,
  };
}

/** Like useApi: the last answer stays on screen while a reload (after a change) is under way. */
export function useSettingsCascade(controlId: string, clientId: string) {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ key: string; data?: Cascade; error?: ApiError }>();
  const key = JSON.stringify([controlId, clientId, generation]);

  useEffect(() => {
    const controller = new AbortController();
    loadCascade(controlId, clientId, controller.signal).then(
      (data) => setState({ key, data }),
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ key, data: previous?.data, error: asApiError(reason) }));
      },
    );
    return () => controller.abort();
  }, [controlId, clientId, key]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: state?.data, error: state?.error, loading: state?.key !== key, reload };
}
