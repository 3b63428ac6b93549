import { GradeBadge } from '../../components/grade-badge.js';
import { formatDateTime } from '../../format.js';
import type { QbrMark, TrendPoint } from './client-types.js';

type Row = { kind: 'evaluation'; at: string; point: TrendPoint } | { kind: 'qbr'; at: string; mark: QbrMark };

/** The chart's data as a table, newest first, for reading and for screen readers. */
export function TrendTable({ points, marks }: { points: readonly TrendPoint[]; marks: readonly QbrMark[] }) {
  const rows: Row[] = [
    ...points.map((point): Row => ({ kind: 'evaluation', at: point.evaluatedAt, point })),
    ...marks.map((mark): Row => ({ kind: 'qbr', at: mark.reviewedAt, mark })),
  ].toSorted((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <details className="trend-data">
      <summary>Trend data as a table</summary>
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">Evaluations and QBR reviews in the period, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.kind === 'evaluation' ? row.point.runId : row.mark.id}>
                <td>{formatDateTime(row.at)}</td>
                <td>{row.kind === 'evaluation' ? 'Evaluation' : `QBR review${row.mark.note ? `: ${row.mark.note}` : ''}`}</td>
                <td>{row.kind === 'evaluation' ? <GradeBadge grade={row.point.grade} score={row.point.score} /> : <GradeBadge grade={row.mark.grade} score={row.mark.score} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
