import { GRADES } from '../../api/domain.js';
import { GradeBadge } from '../../components/grade-badge.js';
import { formatPercent, formatScore } from '../../format.js';
import type { PortfolioTotals } from './portfolio-types.js';

/** The portfolio's score and grade, how many clients it covers, and how their grades spread. */
export function PortfolioSummary({ totals, filtered }: { totals: PortfolioTotals; filtered: boolean }) {
  return (
    <>
      <p className="muted summary-scope">{filtered ? 'Clients matching the filters' : 'All active clients'}</p>
      <p className="summary-score">
        <span className="visually-hidden">Portfolio score </span>
        <span className="summary-score-number">{formatScore(totals.score)}</span>
        <span className="visually-hidden">{totals.grade ? ` out of 100, grade ${totals.grade}` : ' out of 100, not graded'}</span>
        <span aria-hidden="true">
          <GradeBadge grade={totals.grade} />
        </span>
      </p>
      <dl className="summary-counts">
        <div>
          <dt>Clients</dt>
          <dd>{totals.clients}</dd>
        </div>
        <div>
          <dt>Scored</dt>
          <dd>{totals.scoredClients}</dd>
        </div>
        <div>
          <dt>Not evaluated</dt>
          <dd>{totals.notEvaluated}</dd>
        </div>
        {totals.unscoredClients > 0 && (
          <div>
            <dt>Nothing to score</dt>
            <dd>{totals.unscoredClients}</dd>
          </div>
        )}
      </dl>
      <GradeDistribution totals={totals} />
    </>
  );
}

function GradeDistribution({ totals }: { totals: PortfolioTotals }) {
  const scored = totals.scoredClients;
  return (
    <>
      <h3 id="grade-distribution-heading">Grade distribution</h3>
      <ul className="distribution" aria-labelledby="grade-distribution-heading">
        {GRADES.map((grade) => {
          const count = totals.distribution[grade] ?? 0;
          const share = scored > 0 ? count / scored : 0;
          return (
            <li key={grade}>
              <span aria-hidden="true">
                <GradeBadge grade={grade} />
              </span>
              <span className="distribution-track" aria-hidden="true">
                <span className={`distribution-bar grade-${grade}`} style={{ width: `${share * 100}%` }} />
              </span>
              <span className="distribution-count">
                <span className="visually-hidden">Grade {grade}: </span>
                {count} {count === 1 ? 'client' : 'clients'}
                <span className="muted"> · {formatPercent(share)}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
