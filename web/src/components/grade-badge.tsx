import type { Grade } from '../api/domain.js';
import { formatScore } from '../format.js';

/** A grade letter in its band colour, with the score beside it when given; read out as "Grade B, 84.2". */
export function GradeBadge({ grade, score }: { grade: Grade | null; score?: number | null }) {
  if (!grade) return <span className="muted">Not scored</span>;
  return (
    <span className="grade">
      <span className={`grade-badge grade-${grade}`}>
        <span className="visually-hidden">Grade </span>
        {grade}
      </span>
      {score !== undefined && (
        <span className="score-number">
          <span className="visually-hidden">, </span>
          {formatScore(score)}
        </span>
      )}
    </span>
  );
}
