import { CELL_LOOKS, LEGEND_ORDER } from './heatmap-cells.js';

/** What each cell's symbol and colour mean. */
export function HeatmapLegend() {
  return (
    <ul className="heatmap-legend" aria-label="Heat map legend">
      {LEGEND_ORDER.map((status) => (
        <li key={status}>
          <span className={`heat-cell-swatch heat-${status}`} aria-hidden="true">
            {CELL_LOOKS[status].symbol}
          </span>
          {CELL_LOOKS[status].word}
        </li>
      ))}
    </ul>
  );
}
