import { Fragment, useCallback, useState } from 'react';
import type { Page } from '../../api/client.js';
import { type ApiState, useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { Pager } from '../../components/pager.js';
import { RelativeTime } from '../../components/relative-time.js';
import { RunStatus } from './run-status.js';
import { COUNT_TEXT, formatDuration, MODE_TEXT } from './sync-runs.js';
import type { SyncCounts, SyncRun } from './types.js';

const PAGE_SIZE = 10;
const COUNT_KEYS = Object.keys(COUNT_TEXT) as (keyof SyncCounts)[];
// Status, mode, started, duration, pages, the counts, requested by.
const COLUMN_COUNT = 5 + COUNT_KEYS.length + 1;

export interface SyncHistoryState {
  runs: ApiState<Page<SyncRun>>;
  cursors: (string | null)[];
  setCursors: (cursors: (string | null)[]) => void;
  /** Back to the newest runs and load them again, after a run was queued or finished. */
  refresh: () => void;
}

/** The integration's runs, newest first, a page at a time; owned by the page so a new sync can refresh it. */
export function useSyncHistory(integrationId: string): SyncHistoryState {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const runs = useApi<Page<SyncRun>>(`/integrations/${integrationId}/sync-runs`, { limit: PAGE_SIZE, cursor: cursors.at(-1) });
  const { reload } = runs;
  const refresh = useCallback(() => {
    setCursors([null]);
    reload();
  }, [reload]);
  return { runs, cursors, setCursors, refresh };
}

export function SyncHistory({ history }: { history: SyncHistoryState }) {
  const { runs, cursors, setCursors } = history;
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Sync history</h2>
      <ErrorMessage error={runs.error} />
      {runs.loading && !runs.data && <Loading what="sync history" />}
      {runs.data && runs.data.data.length === 0 && cursors.length === 1 && <p className="muted">No syncs yet.</p>}
      {runs.data && runs.data.data.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="data history-table" aria-busy={runs.loading || undefined}>
              <caption className="visually-hidden">Sync runs, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Started</th>
                  <th scope="col" className="number">
                    Duration
                  </th>
                  <th scope="col" className="number">
                    Pages
                  </th>
                  {COUNT_KEYS.map((key) => (
                    <th key={key} scope="col" className="number">
                      {COUNT_TEXT[key]}
                    </th>
                  ))}
                  <th scope="col">Requested by</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.data.map((run) => (
                  <RunRows key={run.id} run={run} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager label="Sync history" cursors={cursors} nextCursor={runs.data.nextCursor} onChange={setCursors} />
        </>
      )}
    </section>
  );
}

/** A run, and under a failed one a full-width row with its error in full. */
function RunRows({ run }: { run: SyncRun }) {
  const failed = run.status === 'failed';
  return (
    <Fragment>
      <tr className={failed ? 'failed-run' : undefined}>
        <td>
          <RunStatus status={run.status} />
        </td>
        <td>{MODE_TEXT[run.mode]}</td>
        <td>{run.startedAt ? <RelativeTime iso={run.startedAt} /> : <span className="muted">
            waiting, requested <RelativeTime iso={run.createdAt} />
          </span>}</td>
        <td className="number">{formatDuration(run.startedAt, run.finishedAt)}</td>
        <td className="number">{run.progress.done.toLocaleString('en')}</td>
        {COUNT_KEYS.map((key) => (
          <td key={key} className="number">
            {run.counts[key].toLocaleString('en')}
          </td>
        ))}
        <td className="requested-by">{run.requestedBy}</td>
      </tr>
      {failed && (
        <tr className="run-error-row">
          <td colSpan={COLUMN_COUNT}>
            <span className="run-error-title">Error: </span>
            <span className="run-error-text">{run.error ?? 'The sync stopped without a reason.'}</span>
          </td>
        </tr>
      )}
    </Fragment>
  );
}
