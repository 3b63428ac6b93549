import { Fragment, useEffect, useRef } from 'react';
import { useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { StatusBadge } from '../../components/status-badge.js';
import type { Requirement, Statement } from './client-types.js';
import { statementPanelId } from './framework-coverage.js';
import { REQUIREMENT_STATUSES, RequirementStatusBadge } from './requirement-status.js';

function groupsOf(requirements: readonly Requirement[]): { grouping: string; requirements: Requirement[] }[] {
  const groups: { grouping: string; requirements: Requirement[] }[] = [];
  for (const requirement of requirements) {
    const last = groups.at(-1);
    if (last?.grouping === requirement.grouping) last.requirements.push(requirement);
    else groups.push({ grouping: requirement.grouping, requirements: [requirement] });
  }
  return groups;
}

/** Statement of applicability: each requirement of the framework, its verdict and the controls behind it. */
export function FrameworkStatement({ clientId, frameworkId, runId, onClose }: { clientId: string; frameworkId: string; runId: string; onClose: () => void }) {
  const statement = useApi<Statement>(`/clients/${clientId}/frameworks/${frameworkId}`, { runId });
  const panel = useRef<HTMLElement>(null);
  // Opened from a table that may fill the screen: bring the statement up when it would start out of sight.
  useEffect(() => {
    const top = panel.current?.getBoundingClientRect().top;
    if (top !== undefined && top > window.innerHeight - 120) panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);
  const title = statement.data ? `Statement of applicability: ${statement.data.framework.name}` : 'Statement of applicability';
  return (
    <section ref={panel} className="panel" id={statementPanelId} aria-labelledby="statement-heading">
      <div className="panel-heading">
        <h2 id="statement-heading">{title}</h2>
        <button type="button" className="button small" onClick={onClose}>
          Close statement
        </button>
      </div>
      <ErrorMessage error={statement.error} />
      {statement.loading && <Loading what="the statement of applicability" />}
      {statement.data && !statement.loading && <StatementBody statement={statement.data} />}
    </section>
  );
}

function StatementBody({ statement }: { statement: Statement }) {
  const { requirements, statusCounts, framework } = statement;
  return (
    <>
      <ul className="status-counts">
        {REQUIREMENT_STATUSES.filter((status) => statusCounts[status] > 0).map((status) => (
          <li key={status}>
            <RequirementStatusBadge status={status} /> <span className="count">{statusCounts[status]}</span>
          </li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="data statement-table">
          <caption className="visually-hidden">{`${framework.name}: requirements and the controls that support them`}</caption>
          <thead>
            <tr>
              <th scope="col">Ref</th>
              <th scope="col">Requirement</th>
              <th scope="col">Status</th>
              <th scope="col">Supporting controls</th>
            </tr>
          </thead>
          <tbody>
            {groupsOf(requirements).map((group) => (
              <Fragment key={group.grouping}>
                <tr className="group-row">
                  <th scope="colgroup" colSpan={4}>
                    {group.grouping}
                  </th>
                </tr>
                {group.requirements.map((requirement) => (
                  <tr key={requirement.id}>
                    <td>{requirement.ref}</td>
                    <td>{requirement.title}</td>
                    <td>
                      <RequirementStatusBadge status={requirement.status} />
                    </td>
                    <td>
                      {requirement.controls.length === 0 ? (
                        <span className="muted">No control mapped</span>
                      ) : (
                        <ul className="plain-list">
                          {requirement.controls.map((control) => (
                            <li key={control.controlId}>
                              {control.status ? <StatusBadge status={control.status} fraction={control.fraction} /> : <span className="muted">Not evaluated</span>} {control.name}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
