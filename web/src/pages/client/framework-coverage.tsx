import { GradeBadge } from '../../components/grade-badge.js';
import { formatPercent } from '../../format.js';
import type { FrameworkScore } from './client-types.js';

export const statementPanelId = 'framework-statement';

export function statementToggleId(frameworkId: string): string {
  return `statement-toggle-${frameworkId}`;
}

/**
 * Each framework's score beside its coverage: a score over a third of the requirements says less
 * than one over all of them. Each framework opens its requirement-by-requirement statement.
 */
export function FrameworkCoverage({ frameworks, open, onToggle }: { frameworks: readonly FrameworkScore[]; open: string | null; onToggle: (frameworkId: string) => void }) {
  return (
    <section className="panel" aria-labelledby="frameworks-heading">
      <h2 id="frameworks-heading">Frameworks</h2>
      {frameworks.length === 0 ? (
        <p className="muted">No framework is mapped to this client’s controls.</p>
      ) : (
        <div className="table-scroll">
          <table className="data framework-table">
            <caption className="visually-hidden">Score and coverage by framework</caption>
            <thead>
              <tr>
                <th scope="col">Framework</th>
                <th scope="col">Score</th>
                <th scope="col">Coverage</th>
                <th scope="col">
                  <span className="visually-hidden">Statement</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {frameworks.map((framework) => {
                const expanded = open === framework.frameworkId;
                return (
                  <tr key={framework.frameworkId}>
                    <th scope="row">
                      {framework.name}
                      <span className="muted small block">Version {framework.version}</span>
                    </th>
                    <td>
                      <GradeBadge grade={framework.grade} score={framework.score} />
                    </td>
                    <td>
                      <div className="bar-cell">
                        <span className="bar" aria-hidden="true">
                          <span className="bar-fill coverage-fill" style={{ width: formatPercent(framework.coverage, 1) }} />
                        </span>
                        <span>{formatPercent(framework.coverage)}</span>
                      </div>
                      <span className="muted small block">
                        {framework.requirementsCovered} of {framework.requirementsTotal} requirements
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        id={statementToggleId(framework.frameworkId)}
                        className="button small"
                        aria-expanded={expanded}
                        aria-controls={expanded ? statementPanelId : undefined}
                        aria-label={`Statement of applicability: ${framework.name}`}
                        onClick={() => onToggle(framework.frameworkId)}
                      >
                        Statement
                        <span aria-hidden="true" className="disclosure-arrow">
                          {expanded ? '▾' : '▸'}
                        </span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
