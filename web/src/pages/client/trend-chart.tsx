import { formatDate, formatDateTime, formatScore } from '../../format.js';
import type { QbrMark, TrendPoint } from './client-types.js';
import { layoutTrend } from './trend-scale.js';

const SIZE = { width: 640, height: 250, padding: { top: 26, right: 24, bottom: 30, left: 40 } };

function describeTrend(points: readonly TrendPoint[], marks: readonly QbrMark[]): string {
  const scored = points.filter((point) => point.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  const reviews = marks.length === 0 ? '' : `; ${marks.length} QBR ${marks.length === 1 ? 'review' : 'reviews'} marked`;
  if (!first || !last) return `Score trend: ${points.length} evaluations, none scored${reviews}.`;
  if (first === last) return `Score trend: one evaluation, ${formatScore(first.score)} (grade ${first.grade}) on ${formatDate(first.evaluatedAt)}${reviews}.`;
  return `Score trend over ${points.length} evaluations: from ${formatScore(first.score)} (grade ${first.grade}) on ${formatDate(first.evaluatedAt)} to ${formatScore(last.score)} (grade ${last.grade}) on ${formatDate(last.evaluatedAt)}${reviews}.`;
}

/** The score of each evaluation over time, grade bands behind it, QBR reviews as dashed lines. */
export function TrendChart({ points, marks }: { points: readonly TrendPoint[]; marks: readonly QbrMark[] }) {
  const layout = layoutTrend(points, marks, SIZE);
  if (!layout) return null;
  const { plot } = layout;
  // A dense history reads as a line; a marker on each of its points would hide it. The table has every point.
  const latest = layout.points.at(-1);
  const markers = layout.points.length > 30 ? layout.points.slice(-1) : layout.points;
  return (
    // An inline SVG is an image only by its role; there is no <img> to use instead.
    // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
    <svg className="trend-chart" viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={describeTrend(points, marks)}>
      {layout.bands.map((band) => (
        <g key={band.grade}>
          <rect x={plot.left} y={band.y} width={plot.right - plot.left} height={band.height} className={`trend-band band-${band.grade}`} />
          <text x={plot.right + 6} y={band.y + band.height / 2 + 4} className={`trend-band-label band-label-${band.grade}`}>
            {band.grade}
          </text>
        </g>
      ))}
      {layout.yTicks.map((tick) => (
        <g key={tick.value}>
          <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} className={tick.value === 0 ? 'trend-axis' : 'trend-grid'} />
          <text x={plot.left - 6} y={tick.y + 4} textAnchor="end" className="trend-label">
            {tick.value}
          </text>
        </g>
      ))}
      {layout.xTicks.map((tick) => (
        <g key={tick.x}>
          <line x1={tick.x} x2={tick.x} y1={plot.bottom} y2={plot.bottom + 4} className="trend-axis" />
          <text x={tick.x} y={plot.bottom + 17} textAnchor="middle" className="trend-label">
            {tick.label}
          </text>
        </g>
      ))}
      {layout.marks.map(({ x, mark, labelled }) => (
        <g key={mark.id} className="trend-qbr">
          <line x1={x} x2={x} y1={plot.top - 6} y2={plot.bottom} />
          {labelled && (
            <text x={x} y={plot.top - 10} textAnchor={x > plot.right - 40 ? 'end' : x < plot.left + 40 ? 'start' : 'middle'}>
              QBR
            </text>
          )}
          <title>{`QBR ${formatDateTime(mark.reviewedAt)}${mark.note ? `: ${mark.note}` : ''}`}</title>
        </g>
      ))}
      {layout.lines.map((line) => (
        <path key={line} d={line} className="trend-line" />
      ))}
      {markers.map(({ x, y, point }) => (
        <circle key={point.runId} cx={x} cy={y} r={4} className={`trend-point band-${point.grade ?? 'none'}`}>
          <title>{`${formatDateTime(point.evaluatedAt)}: ${formatScore(point.score)} (grade ${point.grade})`}</title>
        </circle>
      ))}
      {latest && (
        <text x={Math.min(latest.x, plot.right - 14)} y={latest.y - 18 < plot.top ? latest.y + 22 : latest.y - 10} textAnchor="middle" className="trend-latest">
          {formatScore(latest.point.score)}
        </text>
      )}
    </svg>
  );
}
