import { useState } from 'react';
import { useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Loading } from '../../components/loading.js';
import type { Trend } from './client-types.js';
import { TrendChart } from './trend-chart.js';
import { TrendTable } from './trend-table.js';
import { useReloadOn } from './use-reload-on.js';

const PERIODS = [
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 182, label: 'Last 6 months' },
  { days: 365, label: 'Last 12 months' },
] as const;

const DAY_MS = 86_400_000;

function startOfPeriod(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}

/** The score over a chosen period; the API's `to` defaults to now, so a reload picks up new runs. */
export function TrendPanel({ clientId, refreshToken }: { clientId: string; refreshToken: number }) {
  const [period, setPeriod] = useState<{ days: number; from: string }>(() => ({ days: 90, from: startOfPeriod(90) }));
  const trend = useApi<Trend>(`/clients/${clientId}/trend`, { from: period.from });
  useReloadOn(refreshToken, trend.reload);

  return (
    <section className="panel trend-panel" aria-labelledby="trend-heading">
      <div className="panel-heading">
        <h2 id="trend-heading">Score trend</h2>
        <div className="inline-field">
          <label htmlFor="trend-period">Period</label>
          <select id="trend-period" value={period.days} onChange={(event) => setPeriod({ days: Number(event.target.value), from: startOfPeriod(Number(event.target.value)) })}>
            {PERIODS.map((option) => (
              <option key={option.days} value={option.days}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={trend.error} />
      {trend.loading && !trend.data && <Loading what="the score trend" />}
      {trend.data &&
        (trend.data.points.length === 0 && trend.data.qbrMarks.length === 0 ? (
          <p className="muted">No evaluation in this period.</p>
        ) : (
          <>
            <TrendChart points={trend.data.points} marks={trend.data.qbrMarks} />
            {trend.data.points.length === 1 && <p className="muted hint-line">One evaluation so far: the line appears after the next one.</p>}
            <TrendTable points={trend.data.points} marks={trend.data.qbrMarks} />
          </>
        ))}
    </section>
  );
}
