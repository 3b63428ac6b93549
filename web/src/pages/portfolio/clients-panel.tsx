import { useId } from 'react';
import { useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { Pager } from '../../components/pager.js';
import { ClientsTable } from './clients-table.js';
import { ExportLinks } from './export-links.js';
import { rangeText, useCursorStack } from './paging.js';
import type { PortfolioScorecard } from './portfolio-types.js';
import { PAGE_SIZES, type PageSize, type PortfolioView, clientListQuery, hasClientFilters, listKey, toggleSort } from './portfolio-view.js';
import type { UpdateView } from './use-portfolio-view.js';

/** Every client, a page at a time, in the order and with the filters of the view. */
export function ClientsPanel({ view, update, total }: { view: PortfolioView; update: UpdateView; total: number | undefined }) {
  const [cursors, setCursors] = useCursorStack(listKey(view, view.pageSize));
  const query = clientListQuery(view);
  const page = useApi<PortfolioScorecard>('/portfolio/scorecard', { ...query, limit: view.pageSize, cursor: cursors.at(-1) ?? undefined });
  const clients = page.data?.data;

  return (
    <>
      <div className="panel-toolbar">
        <PageSizeSelect value={view.pageSize} onChange={(pageSize) => update({ pageSize })} />
        <output className="range" aria-live="polite">
          {page.loading ? clients && 'Loading clients…' : clients && rangeText('clients', cursors.length - 1, view.pageSize, clients.length, total)}
        </output>
        <ExportLinks what="clients" path="/portfolio/scorecard/export" query={query} />
      </div>
      <ErrorMessage error={page.error} />
      {!clients && page.loading && <Loading what="clients" />}
      {clients && clients.length === 0 && <p className="empty">{hasClientFilters(view) ? 'No clients match these filters.' : 'No active clients yet: connect a PSA or add clients to see them here.'}</p>}
      {clients && clients.length > 0 && <ClientsTable clients={clients} sort={view.sort} onSort={(key) => update({ sort: toggleSort(view.sort, key) })} busy={page.loading} />}
      {clients && clients.length > 0 && <Pager label="Clients" cursors={cursors} nextCursor={page.data?.nextCursor ?? null} onChange={setCursors} />}
    </>
  );
}

function PageSizeSelect({ value, onChange }: { value: PageSize; onChange: (size: PageSize) => void }) {
  const id = useId();
  return (
    <div className="field inline-field">
      <label htmlFor={id}>Rows per page</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value) as PageSize)}>
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </div>
  );
}
