import type { Grade } from '../../api/domain.js';
import { formatScore } from '../../format.js';
import { gaugeArcs } from './gauge-geometry.js';

const CIRCLE = { cx: 100, cy: 100, r: 80 };

/** The score as a dial with the number and grade in its middle. */
export function ScoreGauge({ score, grade }: { score: number | null; grade: Grade | null }) {
  const arcs = gaugeArcs(score, CIRCLE, 10);
  const label = score === null ? 'No score: no control could be scored' : `Score ${formatScore(score)} out of 100, grade ${grade}`;
  return (
    // An inline SVG is an image only by its role; there is no <img> to use instead.
    // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
    <svg className="score-gauge" viewBox="0 0 200 180" role="img" aria-label={label}>
      <path d={arcs.track} className="gauge-track" />
      {arcs.value && <path d={arcs.value} className={`gauge-value gauge-${grade ?? 'none'}`} />}
      {arcs.bandTicks.map((tick) => (
        <line key={`${tick.to.x},${tick.to.y}`} x1={tick.from.x} y1={tick.from.y} x2={tick.to.x} y2={tick.to.y} className="gauge-tick" />
      ))}
      <text x="100" y="104" className="gauge-score" textAnchor="middle">
        {formatScore(score)}
      </text>
      <text x="100" y="134" className="gauge-grade" textAnchor="middle">
        {grade ? `Grade ${grade}` : 'Not scored'}
      </text>
      <text x="34" y="172" className="gauge-end" textAnchor="middle">
        0
      </text>
      <text x="166" y="172" className="gauge-end" textAnchor="middle">
        100
      </text>
    </svg>
  );
}
