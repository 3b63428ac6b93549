/** How a heat-map cell reads: a symbol and a colour for the eye, words for everyone else. */
import type { Category, ResultStatus } from '../../api/domain.js';
import { STATUS_SYMBOLS } from '../../components/status-symbols.js';
import type { HeatmapControl } from './portfolio-types.js';

/** A status, or `none` where the control was not evaluated for the client (disabled or never run). */
export type CellStatus = ResultStatus | 'none';

interface CellLook {
  symbol: string;
  word: string;
}

/** In legend order: from good to bad, then the ones outside the score. */
export const CELL_LOOKS: Record<CellStatus, CellLook> = {
  pass: { symbol: STATUS_SYMBOLS.pass, word: 'pass' },
  partial: { symbol: STATUS_SYMBOLS.partial, word: 'partial' },
  fail: { symbol: STATUS_SYMBOLS.fail, word: 'fail' },
  error: { symbol: STATUS_SYMBOLS.error, word: 'error' },
  no_data: { symbol: STATUS_SYMBOLS.no_data, word: 'no data' },
  excepted: { symbol: STATUS_SYMBOLS.excepted, word: 'excepted' },
  not_applicable: { symbol: STATUS_SYMBOLS.not_applicable, word: 'not applicable' },
  none: { symbol: '', word: 'not evaluated' },
};

export const LEGEND_ORDER = Object.keys(CELL_LOOKS) as CellStatus[];

/** The API's status string; one this page does not know yet reads as not evaluated rather than breaking. */
export function cellStatus(status: string | null | undefined): CellStatus {
  return status && status in CELL_LOOKS ? (status as CellStatus) : 'none';
}

/** "Atlas Freight Brokers, Backups succeeding: fail". */
export function cellLabel(clientName: string, controlName: string, status: string | null | undefined): string {
  return `${clientName}, ${controlName}: ${CELL_LOOKS[cellStatus(status)].word}`;
}

export interface ControlGroup {
  category: Category;
  /** Each control with its position in the API's `controls`, which indexes every row's `statuses`. */
  controls: { control: HeatmapControl; index: number }[];
}

/** Controls grouped by category, keeping the API's order of both. */
export function groupByCategory(controls: readonly HeatmapControl[]): ControlGroup[] {
  const groups = new Map<Category, ControlGroup>();
  controls.forEach((control, index) => {
    let group = groups.get(control.category);
    if (!group) {
      group = { category: control.category, controls: [] };
      groups.set(control.category, group);
    }
    group.controls.push({ control, index });
  });
  return [...groups.values()];
}
