import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../api/client.js';
import type { ControlException } from '../../api/domain.js';
import { useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { Pager } from '../../components/pager.js';
import { RelativeTime } from '../../components/relative-time.js';
import { formatDate } from '../../format.js';
import type { ScorecardException } from './client-types.js';
import { useReloadOn } from './use-reload-on.js';

const PAGE_SIZE = 10;

interface RiskRow {
  id: string;
  controlName: string;
  owner: string;
  reason: string;
  compensatingControl: string | null;
  expiresAt: string;
  active: boolean;
}

function RiskTable({ rows, caption }: { rows: readonly RiskRow[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Control</th>
            <th scope="col">Accepted by</th>
            <th scope="col">Reason</th>
            <th scope="col">Expires</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.controlName}</th>
              <td>{row.owner}</td>
              <td>
                {row.reason}
                {row.compensatingControl && <span className="muted small block">Compensating control: {row.compensatingControl}</span>}
              </td>
              <td>
                <span className="nowrap">{formatDate(row.expiresAt)}</span>
                <span className="small block">
                  {row.active ? <RelativeTime iso={row.expiresAt} /> : <strong className="expired">Expired</strong>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The client's accepted risks: its own (live, so ones recorded since the evaluation show too) and
 * those its baseline accepts for every client on it, as the evaluation applied them.
 */
export function ClientExceptions({ clientId, baselineRisks, baseline, refreshToken }: { clientId: string; baselineRisks: readonly ScorecardException[]; baseline: string | null; refreshToken: number }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const own = useApi<Page<ControlException>>('/exceptions', { clientId, limit: PAGE_SIZE, cursor: cursors.at(-1) });
  useReloadOn(refreshToken, own.reload);
  const inherited: RiskRow[] = baselineRisks.map((risk) => ({ ...risk, active: risk.state === 'active' }));

  return (
    <section className="panel" aria-labelledby="exceptions-heading">
      <div className="panel-heading">
        <h2 id="exceptions-heading">Accepted risks</h2>
        <Link to="/exceptions">All exceptions</Link>
      </div>
      <ErrorMessage error={own.error} />
      {own.loading && !own.data && <Loading what="accepted risks" />}
      {own.data &&
        (own.data.data.length === 0 && cursors.length === 1 ? (
          <p className="muted">No risk accepted for this client.</p>
        ) : (
          <>
            <RiskTable rows={own.data.data} caption="Risks accepted for this client" />
            {(cursors.length > 1 || own.data.nextCursor) && <Pager cursors={cursors} nextCursor={own.data.nextCursor} onChange={setCursors} label="Accepted risks" />}
          </>
        ))}
      {inherited.length > 0 && (
        <>
          <h3 className="subsection">{baseline ? `For every client on the ${baseline} baseline` : 'For every client on its baseline'}</h3>
          <RiskTable rows={inherited} caption="Risks accepted for the client’s baseline" />
        </>
      )}
    </section>
  );
}
