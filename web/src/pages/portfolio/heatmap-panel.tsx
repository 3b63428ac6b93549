import { useId } from 'react';
import { CATEGORIES, type Category } from '../../api/domain.js';
import { useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { Pager } from '../../components/pager.js';
import { humanise } from '../../format.js';
import { ExportLinks } from './export-links.js';
import { HeatmapLegend } from './heatmap-legend.js';
import { HeatmapTable } from './heatmap-table.js';
import { rangeText, useCursorStack } from './paging.js';
import type { Heatmap } from './portfolio-types.js';
import { type PortfolioView, clientListQuery, hasClientFilters, listKey } from './portfolio-view.js';
import type { UpdateView } from './use-portfolio-view.js';

/** As many client columns as fit beside the control names at 1366 pixels wide. */
const HEATMAP_PAGE_SIZE = 25;

/** Control × client statuses for the filtered clients, a page of clients at a time. */
export function HeatmapPanel({ view, update, total }: { view: PortfolioView; update: UpdateView; total: number | undefined }) {
  const [cursors, setCursors] = useCursorStack(listKey(view, view.category));
  const query = { ...clientListQuery(view), category: view.category ?? undefined };
  const page = useApi<Heatmap>('/portfolio/heatmap', { ...query, limit: HEATMAP_PAGE_SIZE, cursor: cursors.at(-1) ?? undefined });
  const heatmap = page.data;

  return (
    <>
      <div className="panel-toolbar">
        <CategorySelect value={view.category} onChange={(category) => update({ category })} />
        <output className="range" aria-live="polite">
          {page.loading ? heatmap && 'Loading the heat map…' : heatmap && `${rangeText('clients', cursors.length - 1, HEATMAP_PAGE_SIZE, heatmap.data.length, total)} · ${heatmap.controls.length} controls`}
        </output>
        <ExportLinks what="heat map" path="/portfolio/heatmap/export" query={query} />
      </div>
      <ErrorMessage error={page.error} />
      {!heatmap && page.loading && <Loading what="the heat map" />}
      {heatmap && heatmap.data.length === 0 && <p className="empty">{hasClientFilters(view) ? 'No clients match these filters.' : 'No active clients yet.'}</p>}
      {heatmap && heatmap.data.length > 0 && (
        <>
          <HeatmapLegend />
          <HeatmapTable heatmap={heatmap} busy={page.loading} />
          <Pager label="Heat map clients" cursors={cursors} nextCursor={heatmap.nextCursor} onChange={setCursors} />
        </>
      )}
    </>
  );
}

function CategorySelect({ value, onChange }: { value: Category | null; onChange: (category: Category | null) => void }) {
  const id = useId();
  return (
    <div className="field inline-field">
      <label htmlFor={id}>Control category</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange((event.target.value || null) as Category | null)}>
        <option value="">All categories</option>
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {humanise(category)}
          </option>
        ))}
      </select>
    </div>
  );
}
