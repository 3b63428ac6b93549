import { Fragment, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ResultStatus } from '../../api/domain.js';
import { SeverityTag } from '../../components/severity-tag.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatScore, humanise } from '../../format.js';
import type { ControlResult } from './client-types.js';
import { ControlDetails } from './control-details.js';
import { type ControlFilter, STATUS_ORDER, type StatusFilter, categoriesOf, countByStatus, filterControls, filterFromParams, filterToParams } from './control-filter.js';

const COLUMNS = 6;
/** Excepted and not-applicable controls are left out of the score, so they earn nothing and owe nothing. */
const SCORED: ReadonlySet<ResultStatus> = new Set(['pass', 'partial', 'fail', 'no_data', 'error']);

function ControlFilters({ controls, filter, onChange }: { controls: readonly ControlResult[]; filter: ControlFilter; onChange: (filter: ControlFilter) => void }) {
  const counts = countByStatus(controls);
  return (
    <search className="toolbar controls-toolbar" aria-label="Filter controls">
      <div className="field">
        <label htmlFor="control-status">Status</label>
        <select id="control-status" value={filter.status} onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })}>
          <option value="">All statuses ({controls.length})</option>
          <option value="not_passing">Not passing ({counts.not_passing})</option>
          {STATUS_ORDER.map((status) => (
            <option key={status} value={status}>
              {humanise(status)} ({counts[status]})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="control-category">Category</label>
        <select id="control-category" value={filter.category} onChange={(event) => onChange({ ...filter, category: event.target.value })}>
          <option value="">All categories</option>
          {categoriesOf(controls).map((category) => (
            <option key={category} value={category}>
              {humanise(category)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="control-search">Search controls</label>
        <input id="control-search" type="search" value={filter.search} placeholder="Name, key or finding" onChange={(event) => onChange({ ...filter, search: event.target.value })} />
      </div>
      {(filter.status || filter.category || filter.search) && (
        <button type="button" className="button" onClick={() => onChange({ status: '', category: '', search: '' })}>
          Clear filters
        </button>
      )}
    </search>
  );
}

function ControlRow({ control, expanded, onToggle, evidencePruned }: { control: ControlResult; expanded: boolean; onToggle: () => void; evidencePruned: boolean }) {
  const detailsId = `control-details-${control.controlId}`;
  return (
    <Fragment>
      <tr className={expanded ? 'expanded' : undefined}>
        <td>
          <StatusBadge status={control.status} fraction={control.fraction} />
        </td>
        <th scope="row" className="control-name">
          <button type="button" className="disclosure" aria-expanded={expanded} aria-controls={expanded ? detailsId : undefined} onClick={onToggle}>
            <span aria-hidden="true" className="disclosure-arrow">
              {expanded ? '▾' : '▸'}
            </span>
            {control.name}
          </button>
          <span className="muted small block">{control.summary}</span>
        </th>
        <td>{humanise(control.category)}</td>
        <td>
          <SeverityTag severity={control.severity} />
        </td>
        <td className="number">{SCORED.has(control.status) ? `${formatScore(control.earned)} / ${control.points}` : <span className="muted">Not scored</span>}</td>
        <td className="number">{control.pointsRecoverable > 0 ? `+${control.pointsRecoverable.toFixed(1)}` : '—'}</td>
      </tr>
      {expanded && (
        <tr className="details-row">
          <td colSpan={COLUMNS} id={detailsId}>
            <ControlDetails control={control} evidencePruned={evidencePruned} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** Every control result of the evaluation, filterable; each row opens to its evidence. */
export function ControlsSection({ controls, evidencePruned }: { controls: readonly ControlResult[]; evidencePruned: boolean }) {
  const [params, setParams] = useSearchParams();
  // The filter lives here and the address follows it: the router updates the address in a
  // transition, and an input bound to it straight would drop keystrokes typed in between.
  const [filter, setFilter] = useState(() => filterFromParams(params));
  useEffect(() => {
    const next = filterToParams(filter, params);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [filter, params, setParams]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const shown = filterControls(controls, filter);

  const toggle = (controlId: string) => {
    const next = new Set(expanded);
    if (next.has(controlId)) next.delete(controlId);
    else next.add(controlId);
    setExpanded(next);
  };

  return (
    <section className="panel" aria-labelledby="controls-heading">
      <div className="panel-heading">
        <h2 id="controls-heading">Controls</h2>
        {expanded.size > 0 && (
          <button type="button" className="button small" onClick={() => setExpanded(new Set())}>
            Collapse all
          </button>
        )}
      </div>
      {evidencePruned && <p className="notice">This evaluation’s detailed evidence has been removed by the retention policy; statuses and points remain.</p>}
      <ControlFilters controls={controls} filter={filter} onChange={setFilter} />
      <output className="muted block result-count">
        Showing {shown.length} of {controls.length} controls
      </output>
      <div className="table-scroll">
        <table className="data controls-table">
          <caption className="visually-hidden">Control results, not passing first, by points recoverable</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Control</th>
              <th scope="col">Category</th>
              <th scope="col">Severity</th>
              <th scope="col" className="number">
                Points earned
              </th>
              <th scope="col" className="number">
                Points recoverable
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((control) => (
              <ControlRow key={control.controlId} control={control} expanded={expanded.has(control.controlId)} onToggle={() => toggle(control.controlId)} evidencePruned={evidencePruned} />
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={COLUMNS} className="muted">
                  No control matches the filter.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
