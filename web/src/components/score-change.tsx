import { formatChange, trendOf } from '../format.js';

const ARROWS = { up: '▲', down: '▼', flat: '▬', none: '' } as const;
const WORDS = { up: 'up', down: 'down', flat: 'unchanged', none: 'no earlier score' } as const;

/** A score change with an arrow; the colour is never the only signal (the arrow and words carry it). */
export function ScoreChange({ change, label }: { change: number | null | undefined; label?: string }) {
  const trend = trendOf(change);
  const spoken = trend === 'none' ? WORDS.none : `${WORDS[trend]} ${formatChange(change).replace('−', 'minus ')}`;
  return (
    <span className={`change change-${trend}`}>
      <span aria-hidden="true">
        {ARROWS[trend] && `${ARROWS[trend]} `}
        {formatChange(change)}
      </span>
      <span className="visually-hidden">{label ? `${label}: ${spoken}` : spoken}</span>
    </span>
  );
}
