import { Link, useSearchParams } from 'react-router';
import type { Page } from '../../api/client.js';
import { type Baseline, CATEGORIES, SEVERITIES } from '../../api/domain.js';
import { useApi } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { SortableHeader } from '../../components/sortable-header.js';
import { humanise } from '../../format.js';
import { type CatalogFilters, filterControls, filtersFromParams, nextSort, paramsFromFilters, type SortField, sortControls } from './catalog-filters.js';
import { EffectiveState, KindLabel, SeverityBadge } from './control-badges.js';
import type { Control } from './types.js';

/** `/controls`: every control of the catalog with its effective weight and state, filtered in the browser (the catalog is listed whole). */
export function ControlCatalogPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const baselines = useApi<Page<Baseline>>('/baselines');
  const catalog = useApi<Page<Control>>('/controls', { baselineId: filters.baselineId });
  const update = (changes: Partial<CatalogFilters>) => setParams(paramsFromFilters({ ...filters, ...changes }), { replace: true });
  const all = catalog.data?.data ?? [];
  const shown = sortControls(filterControls(all, filters), filters.sort);
  const baselineName = baselines.data?.data.find((baseline) => baseline.id === filters.baselineId)?.name;
  const filtered = Boolean(filters.search || filters.category || filters.severity || filters.kind);
  const header = (label: string, field: SortField, className?: string) => (
    <SortableHeader label={label} direction={filters.sort?.field === field ? filters.sort.direction : undefined} onSort={() => update({ sort: nextSort(filters.sort, field) })} className={className} />
  );

  return (
    <>
      <PageHeader
        title="Controls"
        subtitle="The checks every client is scored on, and the weight and state they have for your tenant or a baseline."
        actions={
          can('controls:write') && (
            <Link to="/controls/new" className="button primary">
              New custom control
            </Link>
          )
        }
      />
      <search className="toolbar" aria-label="Filter controls">
        <div className="field">
          <label htmlFor="catalog-search">Search controls</label>
          <input id="catalog-search" type="search" value={filters.search} placeholder="Name, key or description" onChange={(event) => update({ search: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="catalog-category">Category</label>
          <select id="catalog-category" value={filters.category} onChange={(event) => update({ category: event.target.value as CatalogFilters['category'] })}>
            <option value="">All categories</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {humanise(category)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-severity">Severity</label>
          <select id="catalog-severity" value={filters.severity} onChange={(event) => update({ severity: event.target.value as CatalogFilters['severity'] })}>
            <option value="">All severities</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {humanise(severity)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-kind">Kind</label>
          <select id="catalog-kind" value={filters.kind} onChange={(event) => update({ kind: event.target.value as CatalogFilters['kind'] })}>
            <option value="">Built-in and custom</option>
            <option value="builtin">Built-in</option>
            <option value="custom">Custom</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-baseline">Settings for</label>
          <select id="catalog-baseline" value={filters.baselineId} onChange={(event) => update({ baselineId: event.target.value })}>
            <option value="">Tenant (all clients)</option>
            {baselines.data?.data.map((baseline) => (
              <option key={baseline.id} value={baseline.id}>
                Baseline {baseline.name}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button type="button" className="button" onClick={() => update({ search: '', category: '', severity: '', kind: '' })}>
            Clear filters
          </button>
        )}
      </search>

      <ErrorMessage error={catalog.error ?? baselines.error} />
      <output className="ctl-status-line muted ctl-catalog-count">
        {catalog.loading ? 'Loading controls…' : catalog.data ? `Showing ${shown.length} of ${all.length} controls${baselineName ? `, with the settings of baseline ${baselineName}` : ''}` : ''}
      </output>
      {catalog.loading && !catalog.data && <Loading what="controls" />}
      {catalog.data && (
        <div className="table-scroll">
          <table className="data ctl-catalog-table">
            <caption className="visually-hidden">Controls{baselineName ? `, with the settings of baseline ${baselineName}` : ', with the tenant’s settings'}</caption>
            <thead>
              <tr>
                {header('Control', 'name')}
                <th scope="col">Category</th>
                {header('Severity', 'severity')}
                <th scope="col">Kind</th>
                {header('Weight', 'weight', 'number')}
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((control) => (
                <tr key={control.id}>
                  <td>
                    <Link to={`/controls/${control.key}`}>{control.name}</Link>
                    <div className="muted ctl-control-key">
                      <code>{control.key}</code>
                    </div>
                  </td>
                  <td>{humanise(control.category)}</td>
                  <td>
                    <SeverityBadge severity={control.severity} />
                  </td>
                  <td>
                    <KindLabel builtin={control.builtin} />
                  </td>
                  <td className="number">{control.effective.weight}</td>
                  <td>
                    <EffectiveState effective={control.effective} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="ctl-empty-table">No control matches these filters.</p>}
        </div>
      )}
    </>
  );
}
