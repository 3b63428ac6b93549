import { CONTROL_CATEGORIES, type ControlCategory } from '../../controls/catalog/control-definition.js';
import { roundScore, type Score, type ScorableResult, scoreResults, type ScoringPolicy } from '../../scoring/scoring.js';

export interface CategoryScore extends Omit<Score, 'controls'> {
  category: ControlCategory;
  /** What passing every control of the category would add to the client score, one decimal. */
  pointsRecoverable: number;
}

/**
 * A category's score is the client formula over that category's controls alone; its points
 * recoverable are the client-level figures of its controls, summed (one control at a time, so a
 * rough guide to what fixing the category is worth). Categories come in catalog order.
 */
export function scoreCategories(results: readonly (ScorableResult & { category: ControlCategory; pointsRecoverable: number })[], policy: ScoringPolicy): CategoryScore[] {
  const present = new Set(results.map((result) => result.category));
  const categories = CONTROL_CATEGORIES.filter((category) => present.has(category));
  return categories.map((category) => {
    const inCategory = results.filter((result) => result.category === category);
    const { controls: _controls, ...score } = scoreResults(inCategory, policy);
    return { category, ...score, pointsRecoverable: roundScore(inCategory.reduce((sum, result) => sum + result.pointsRecoverable, 0)) };
  });
}
