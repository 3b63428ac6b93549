import { useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { ClientsPanel } from './clients-panel.js';
import { HeatmapPanel } from './heatmap-panel.js';
import { PortfolioFilters } from './portfolio-filters.js';
import { PortfolioSummary } from './portfolio-summary.js';
import type { PortfolioScorecard } from './portfolio-types.js';
import { type PortfolioView, type Tab, clientFilterQuery, hasClientFilters } from './portfolio-view.js';
import { TabPanel, Tabs } from './tabs.js';
import { TopFixes } from './top-fixes.js';
import { usePortfolioView } from './use-portfolio-view.js';
import './portfolio.css';

const TAB_DEFINITIONS: { id: Tab; label: string }[] = [
  { id: 'clients', label: 'Clients' },
  { id: 'heatmap', label: 'Heat map' },
];

/** All clients at a glance: the portfolio's standing, what to fix first, every client and every control. */
export function PortfolioPage() {
  const [view, update] = usePortfolioView();
  const overview = usePortfolioOverview(view);
  const total = overview.loading ? undefined : overview.data?.portfolio.clients;

  return (
    <>
      <PageHeader title="Portfolio" subtitle="Every client's security score, how it is moving, and the fixes that lift the most." />
      <PortfolioFilters view={view} update={update} />
      <ErrorMessage error={overview.error} />
      <div className="portfolio-overview" aria-busy={overview.loading}>
        <section className="panel" aria-labelledby="portfolio-summary-heading">
          <h2 id="portfolio-summary-heading">Portfolio score</h2>
          {overview.data ? <PortfolioSummary totals={overview.data.portfolio} filtered={hasClientFilters(view)} /> : overview.loading && <Loading what="the portfolio score" />}
        </section>
        <section className="panel" aria-labelledby="top-fixes-heading">
          <h2 id="top-fixes-heading">Top fixes</h2>
          <p className="muted section-intro">The controls that would lift the portfolio score most if they passed for every client.</p>
          {overview.data ? <TopFixes fixes={overview.data.fixes ?? []} /> : overview.loading && <Loading what="the top fixes" />}
        </section>
      </div>
      <section className="panel portfolio-details" aria-label="Clients and heat map">
        <Tabs label="Portfolio views" idPrefix="portfolio" tabs={TAB_DEFINITIONS} selected={view.tab} onSelect={(tab) => update({ tab }, { replace: true })} />
        <TabPanel idPrefix="portfolio" tab={view.tab}>
          {view.tab === 'clients' ? <ClientsPanel view={view} update={update} total={total} /> : <HeatmapPanel view={view} update={update} total={total} />}
        </TabPanel>
      </section>
    </>
  );
}

/**
 * The portfolio figures and top fixes for the filtered clients. The API sends fixes with the first
 * page only, so they come from their own one-row request that paging and sorting leave alone.
 */
function usePortfolioOverview(view: PortfolioView) {
  return useApi<PortfolioScorecard>('/portfolio/scorecard', { ...clientFilterQuery(view), limit: 1 });
}
