import { useState } from 'react';
import { useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { GradeBadge } from '../../components/grade-badge.js';
import { Loading } from '../../components/loading.js';
import { ScoreChange } from '../../components/score-change.js';
import { formatDate, formatDateTime, humanise } from '../../format.js';
import type { ChangeDirection, Changes, Scorecard } from './client-types.js';
import { describeState } from './result-changes.js';
import { useReloadOn } from './use-reload-on.js';

const DIRECTIONS: Record<ChangeDirection, { symbol: string; className: string }> = {
  regressed: { symbol: '▼', className: 'change-down' },
  improved: { symbol: '▲', className: 'change-up' },
  changed: { symbol: '◆', className: 'change-flat' },
  added: { symbol: '+', className: 'change-flat' },
  removed: { symbol: '−', className: 'change-flat' },
};

type Baseline = 'previous' | 'qbr' | 'days30';
const DAY_MS = 86_400_000;

function sinceFor(baseline: Baseline, scorecard: Scorecard): string | undefined {
  if (baseline === 'qbr') return scorecard.lastQbr?.reviewedAt;
  if (baseline === 'days30') return new Date(Date.parse(scorecard.run.evaluatedAt) - 30 * DAY_MS).toISOString();
  return undefined;
}

function ChangesTable({ changes }: { changes: Changes }) {
  const shown = changes.changes;
  return (
    <>
      <p>
        From {formatDateTime(changes.from.evaluatedAt)} <GradeBadge grade={changes.from.grade} score={changes.from.score} /> to {formatDateTime(changes.to.evaluatedAt)}{' '}
        <GradeBadge grade={changes.to.grade} score={changes.to.score} />:{' '}
        <ScoreChange change={changes.scoreChange} label="Score change" />
      </p>
      {shown.length === 0 ? (
        <p className="muted">No control changed its result.</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Controls whose result changed, regressions first</caption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Control</th>
                <th scope="col">Was</th>
                <th scope="col">Now</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((change) => (
                <tr key={change.controlId}>
                  <td className={`change ${DIRECTIONS[change.direction].className}`}>
                    <span aria-hidden="true">{DIRECTIONS[change.direction].symbol} </span>
                    {humanise(change.direction)}
                  </td>
                  <th scope="row">
                    {change.name}
                    <span className="muted small block">
                      {humanise(change.category)} · {humanise(change.severity)}
                    </span>
                  </th>
                  <td>{describeState(change.from)}</td>
                  <td>{describeState(change.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Which controls changed result between an earlier evaluation and this one. */
export function ChangesSection({ clientId, scorecard, refreshToken }: { clientId: string; scorecard: Scorecard; refreshToken: number }) {
  const [baseline, setBaseline] = useState<Baseline>('previous');
  const changes = useApi<Changes>(`/clients/${clientId}/changes`, { since: sinceFor(baseline, scorecard), until: scorecard.run.id });
  useReloadOn(refreshToken, changes.reload);
  const nothingToCompare = changes.error?.status === 404;

  return (
    <section className="panel" aria-labelledby="changes-heading">
      <div className="panel-heading">
        <h2 id="changes-heading">What changed</h2>
        <div className="inline-field">
          <label htmlFor="changes-since">Compared with</label>
          <select id="changes-since" value={baseline} onChange={(event) => setBaseline(event.target.value as Baseline)}>
            <option value="previous">Previous evaluation</option>
            {scorecard.lastQbr && <option value="qbr">Last QBR ({formatDate(scorecard.lastQbr.reviewedAt)})</option>}
            <option value="days30">30 days earlier</option>
          </select>
        </div>
      </div>
      {nothingToCompare ? <p className="muted">No earlier evaluation to compare with.</p> : <ErrorMessage error={changes.error} />}
      {changes.loading && <Loading what="the changes" />}
      {changes.data && !changes.loading && !changes.error && <ChangesTable changes={changes.data} />}
    </section>
  );
}
