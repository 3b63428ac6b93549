import { useCallback, useState } from 'react';
import { api, type Page } from '../../api/client.js';
import { useApi, useMutation } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { SyncProgress } from './sync-progress.js';
import { isActive, runAnnouncement } from './sync-runs.js';
import type { SyncMode, SyncRun } from './types.js';
import { useLiveSyncRun } from './use-live-sync-run.js';

const MODES: { mode: SyncMode; label: string; hint: string }[] = [
  { mode: 'incremental', label: 'Incremental', hint: 'Only what changed in the PSA since the last sync.' },
  { mode: 'full', label: 'Full', hint: 'Everything, and retire clients, contacts and assets that were removed from the PSA.' },
];

interface SyncPanelProps {
  integrationId: string;
  canWrite: boolean;
  /** A run was queued or finished: the history and the integration's sync watermark have moved. */
  onRunChanged: () => void;
}

/** Start a sync and follow it live; when idle, the newest run. */
export function SyncPanel({ integrationId, canWrite, onRunChanged }: SyncPanelProps) {
  const newest = useApi<Page<SyncRun>>(`/integrations/${integrationId}/sync-runs`, { limit: 1 });
  const [started, setStarted] = useState<SyncRun>();
  const [mode, setMode] = useState<SyncMode>('incremental');
  // Only runs asked for on this page are announced; one already shown when the page opened is not news.
  const [announcing, setAnnouncing] = useState(false);
  const request = useMutation((chosen: SyncMode) => api.post<SyncRun>(`/integrations/${integrationId}/sync`, { mode: chosen }));
  const { reload: reloadNewest } = newest;

  const finished = useCallback(() => {
    reloadNewest();
    onRunChanged();
  }, [reloadNewest, onRunChanged]);
  const live = useLiveSyncRun(integrationId, started ?? newest.data?.data[0], finished);
  const run = live.run;
  const running = run !== undefined && isActive(run);
  const busy = running || request.pending;

  const syncNow = async () => {
    if (busy) return;
    setAnnouncing(true);
    const queued = await request.run(mode);
    if (queued) {
      setStarted(queued);
      onRunChanged();
    } else {
      // Most likely someone else's sync is already under way: pick it up and follow it.
      setStarted(undefined);
      reloadNewest();
    }
  };

  return (
    <section className="panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      {canWrite && (
        <div className="sync-controls">
          <fieldset className="mode-picker" disabled={busy}>
            <legend>Mode</legend>
            {MODES.map((option) => (
              <div key={option.mode} className="mode-option">
                <input type="radio" id={`sync-mode-${option.mode}`} name="sync-mode" checked={mode === option.mode} onChange={() => setMode(option.mode)} aria-describedby={`sync-mode-${option.mode}-hint`} />
                <label htmlFor={`sync-mode-${option.mode}`}>{option.label}</label>
                <p className="hint" id={`sync-mode-${option.mode}-hint`}>
                  {option.hint}
                </p>
              </div>
            ))}
          </fieldset>
          {/* aria-disabled, not disabled: a disabled button drops keyboard focus when a sync starts. */}
          <button type="button" className="button primary" onClick={() => void syncNow()} aria-disabled={busy || undefined}>
            Sync now
          </button>
        </div>
      )}
      <ErrorMessage error={request.error} />
      {/* Announces each change of status or phase once, not every page stored. */}
      <output className="visually-hidden">{announcing && run ? runAnnouncement(run) : ''}</output>
      {live.error && (
        <p className="error-message" role="alert">
          Could not check on the sync: {live.error.message}
          {live.error.status === 0 || live.error.status >= 500 ? ' Retrying…' : ''}
        </p>
      )}
      {newest.error && <ErrorMessage error={newest.error} />}
      {newest.loading && !newest.data && <Loading what="the latest sync" />}
      {run ? (
        <>
          <h3 className="run-title">{running ? 'Sync in progress' : 'Latest sync'}</h3>
          <SyncProgress run={run} />
        </>
      ) : (
        newest.data && <p className="muted">This integration has never synced. {canWrite ? 'Sync now to import its clients, contacts and assets.' : ''}</p>
      )}
    </section>
  );
}
