import { GradeBadge } from '../../components/grade-badge.js';
import { humanise } from '../../format.js';
import type { CategoryScore } from './client-types.js';
import { isNotPassing } from './control-filter.js';

function notPassing(category: CategoryScore): number {
  return Object.entries(category.counts).reduce((sum, [status, count]) => (isNotPassing(status as keyof CategoryScore['counts']) ? sum + count : sum), 0);
}

/** Score per security category, with how much fixing its controls would add to the client's score. */
export function CategoryScores({ categories }: { categories: readonly CategoryScore[] }) {
  return (
    <section className="panel" aria-labelledby="categories-heading">
      <h2 id="categories-heading">Categories</h2>
      <div className="table-scroll">
        <table className="data category-table">
          <caption className="visually-hidden">Score by category</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Score</th>
              <th scope="col" className="number">
                Not passing
              </th>
              <th scope="col" className="number">
                Points recoverable
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category) => (
              <tr key={category.category}>
                <th scope="row">{humanise(category.category)}</th>
                <td>
                  <div className="bar-cell">
                    <span className="bar" aria-hidden="true">
                      <span className={`bar-fill band-${category.grade ?? 'none'}`} style={{ width: `${category.score ?? 0}%` }} />
                    </span>
                    <GradeBadge grade={category.grade} score={category.score} />
                  </div>
                </td>
                <td className="number">{notPassing(category)}</td>
                <td className="number">{category.pointsRecoverable > 0 ? `+${category.pointsRecoverable.toFixed(1)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
