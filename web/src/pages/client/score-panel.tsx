import { ScoreChange } from '../../components/score-change.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDate, formatScore } from '../../format.js';
import type { Scorecard } from './client-types.js';
import { STATUS_ORDER } from './control-filter.js';
import { ScoreGauge } from './score-gauge.js';

/** The headline: score gauge, how it moved, how the controls stand, and the critical failures. */
export function ScorePanel({ scorecard }: { scorecard: Scorecard }) {
  const { change, lastQbr } = scorecard;
  return (
    <section className="panel score-panel" aria-labelledby="score-heading">
      <h2 id="score-heading">Score</h2>
      <div className="score-summary">
        <ScoreGauge score={scorecard.score} grade={scorecard.grade} />
        <div>
          <dl className="score-changes">
            <div>
              <dt>Since previous evaluation</dt>
              <dd>
                <ScoreChange change={change.previousRun} label="Since previous evaluation" />
              </dd>
            </div>
            <div>
              <dt>Over 30 days</dt>
              <dd>
                <ScoreChange change={change.days30} label="Over 30 days" />
              </dd>
            </div>
            <div>
              <dt>{lastQbr ? `Since QBR of ${formatDate(lastQbr.reviewedAt)}` : 'Since last QBR'}</dt>
              <dd>{lastQbr ? <ScoreChange change={change.sinceQbr} label="Since last QBR" /> : <span className="muted">No QBR marked</span>}</dd>
            </div>
          </dl>
          <p className="muted points-line">
            {formatScore(scorecard.earnedPoints)} of {formatScore(scorecard.possiblePoints)} points earned
          </p>
        </div>
      </div>
      <h3>Controls by status</h3>
      <ul className="status-counts">
        {STATUS_ORDER.filter((status) => scorecard.counts[status] > 0).map((status) => (
          <li key={status}>
            <StatusBadge status={status} /> <span className="count">{scorecard.counts[status]}</span>
          </li>
        ))}
      </ul>
      <h3>Critical controls not passing</h3>
      {scorecard.failingCritical.length === 0 ? (
        <p className="muted">No critical control fails or only partly passes.</p>
      ) : (
        <ul className="failing-critical">
          {scorecard.failingCritical.map((control) => (
            <li key={control.controlId}>
              <StatusBadge status={control.status} /> {control.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
