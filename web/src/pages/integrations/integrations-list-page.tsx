import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { Pager } from '../../components/pager.js';
import { RelativeTime } from '../../components/relative-time.js';
import { RunStatus } from './run-status.js';
import { summariseCounts } from './sync-runs.js';
import type { Integration, SyncRun } from './types.js';
import { vendorLabel } from './vendors.js';

const PAGE_SIZE = 50;

/** Set by the detail page after a delete, so the list can say what happened. */
export interface ListNotice {
  deleted?: string;
}

export function IntegrationsListPage() {
  const { can } = useSession();
  const notice = (useLocation().state as ListNotice | null)?.deleted;
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const integrations = useApi<Page<Integration>>('/integrations', { limit: PAGE_SIZE, cursor: cursors.at(-1) });
  const connect = can('integrations:write') && (
    <Link className="button primary" to="/integrations/new">
      Connect a PSA
    </Link>
  );

  return (
    <>
      <PageHeader title="Integrations" subtitle="PSA connections that keep your clients, contacts and assets up to date." actions={connect} />
      {notice && (
        <output className="notice">
          Deleted {notice}. Its imported clients stay in Rampart but are no longer updated from the PSA.
        </output>
      )}
      <ErrorMessage error={integrations.error} />
      {integrations.loading && !integrations.data && <Loading what="integrations" />}
      {integrations.data && integrations.data.data.length === 0 && cursors.length === 1 && (
        <div className="panel empty-state">
          <h2>No PSA connected yet</h2>
          <p>Connect ConnectWise Manage, Autotask, HaloPSA or Syncro to import your clients, their contacts and their assets, and keep them in step.</p>
          {connect}
        </div>
      )}
      {integrations.data && integrations.data.data.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">PSA integrations</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">PSA</th>
                  <th scope="col">Last sync</th>
                  <th scope="col">Last sync result</th>
                </tr>
              </thead>
              <tbody>
                {integrations.data.data.map((integration) => (
                  <IntegrationRow key={integration.id} integration={integration} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager label="Integrations" cursors={cursors} nextCursor={integrations.data.nextCursor} onChange={setCursors} />
        </>
      )}
    </>
  );
}

function IntegrationRow({ integration }: { integration: Integration }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/integrations/${integration.id}`}>{integration.name}</Link>
      </th>
      <td>{vendorLabel(integration.kind)}</td>
      <LastSyncCells integrationId={integration.id} />
    </tr>
  );
}

/** The newest run of one integration; the list route does not include it, so each row asks for one run. */
function LastSyncCells({ integrationId }: { integrationId: string }) {
  const runs = useApi<Page<SyncRun>>(`/integrations/${integrationId}/sync-runs`, { limit: 1 });
  const run = runs.data?.data[0];
  if (runs.error) {
    return (
      <td colSpan={2} className="muted">
        Could not load the last sync: {runs.error.message}
      </td>
    );
  }
  if (!runs.data) {
    return (
      <td colSpan={2} className="muted" aria-busy="true">
        Loading…
      </td>
    );
  }
  if (!run) {
    return (
      <td colSpan={2} className="muted">
        Never synced
      </td>
    );
  }
  return (
    <>
      <td>
        <RunStatus status={run.status} /> <RelativeTime iso={run.finishedAt ?? run.startedAt ?? run.createdAt} />
      </td>
      <td className={run.status === 'failed' ? 'run-error-text' : undefined}>{run.status === 'failed' ? run.error : `Records: ${summariseCounts(run.counts)}`}</td>
    </>
  );
}
