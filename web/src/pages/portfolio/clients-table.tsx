import { Link } from 'react-router';
import { GradeBadge } from '../../components/grade-badge.js';
import { RelativeTime } from '../../components/relative-time.js';
import { ScoreChange } from '../../components/score-change.js';
import { SortableHeader } from '../../components/sortable-header.js';
import { formatDate } from '../../format.js';
import type { PortfolioClient } from './portfolio-types.js';
import type { SortKey, SortState } from './portfolio-view.js';

const SORT_DESCRIPTIONS: Record<SortKey, [string, string]> = {
  name: ['name, A to Z', 'name, Z to A'],
  score: ['score, lowest first', 'score, highest first'],
  change: ['change since the last run, biggest drop first', 'change since the last run, biggest rise first'],
  change30d: ['change over 30 days, biggest drop first', 'change over 30 days, biggest rise first'],
  changeSinceQbr: ['change since the last QBR, biggest drop first', 'change since the last QBR, biggest rise first'],
  failingCritical: ['critical controls failing, fewest first', 'critical controls failing, most first'],
  evaluatedAt: ['last evaluation, oldest first', 'last evaluation, newest first'],
};

export function sortDescription(sort: SortState): string {
  return SORT_DESCRIPTIONS[sort.key][sort.direction === 'ascending' ? 0 : 1];
}

/** One page of clients with their standing; the headers sort on the server. */
export function ClientsTable({ clients, sort, onSort, busy }: { clients: PortfolioClient[]; sort: SortState; onSort: (key: SortKey) => void; busy: boolean }) {
  const header = (label: string, sortKey: SortKey, className?: string) => <SortableHeader label={label} direction={sort.key === sortKey ? sort.direction : undefined} onSort={() => onSort(sortKey)} className={className} />;
  return (
    <div className="table-scroll">
      <table className="data clients-table" aria-busy={busy}>
        <caption className="visually-hidden">Clients, sorted by {sortDescription(sort)}</caption>
        <thead>
          <tr>
            {header('Client', 'name')}
            <th scope="col">Baseline</th>
            {header('Score', 'score')}
            {header('Since last run', 'change', 'number')}
            {header('30 days', 'change30d', 'number')}
            {header('Since QBR', 'changeSinceQbr', 'number')}
            {header('Critical failing', 'failingCritical', 'number')}
            {header('Evaluated', 'evaluatedAt')}
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <ClientRow key={client.clientId} client={client} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClientRow({ client }: { client: PortfolioClient }) {
  return (
    <tr>
      <th scope="row" className="client-name">
        <Link to={`/clients/${client.clientId}`}>{client.name}</Link>
      </th>
      <td>{client.baseline ?? <span className="muted">None</span>}</td>
      <td>
        <GradeBadge grade={client.grade} score={client.score} />
      </td>
      <td className="number">
        <ScoreChange change={client.change.previousRun} label="Since last run" />
      </td>
      <td className="number">
        <ScoreChange change={client.change.days30} label="Over 30 days" />
      </td>
      <td className="number">
        {client.lastQbr ? (
          <>
            <ScoreChange change={client.change.sinceQbr} label="Since QBR" />
            <div className="cell-note">{formatDate(client.lastQbr.reviewedAt)}</div>
          </>
        ) : (
          <span className="muted">No QBR</span>
        )}
      </td>
      <td className="number">
        <FailingCritical client={client} />
      </td>
      <td>
        <Freshness freshness={client.freshness} />
      </td>
    </tr>
  );
}

function FailingCritical({ client }: { client: PortfolioClient }) {
  const failing = client.failingCritical;
  if (failing.length === 0) return <span className="muted">0</span>;
  return (
    <details className="critical-failing-details">
      <summary>
        {failing.length}
        <span className="visually-hidden"> critical {failing.length === 1 ? 'control' : 'controls'} failing at {client.name}</span>
      </summary>
      <ul>
        {failing.map((control) => (
          <li key={control.controlId}>
            <Link to={`/controls/${control.controlId}`}>{control.name}</Link> <span className={`status status-${control.status}`}>({control.status === 'fail' ? 'fail' : 'partial'})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Freshness({ freshness }: { freshness: PortfolioClient['freshness'] }) {
  if (!freshness.evaluatedAt) return <span className="muted">Not evaluated</span>;
  return (
    <>
      <RelativeTime iso={freshness.evaluatedAt} stale={freshness.stale} />
      {freshness.stale && (
        <div className="cell-note stale-note">
          <span aria-hidden="true">⚠ Stale · </span>evidence <RelativeTime iso={freshness.evidenceAt} />
        </div>
      )}
    </>
  );
}
