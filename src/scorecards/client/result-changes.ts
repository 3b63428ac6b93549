import type { ResultStatus } from '../../controls/evaluators/evaluator.js';

/** A control's result as two runs are compared on it. */
export interface ComparableResult {
  controlId: string;
  controlKey: string;
  name: string;
  category: string;
  severity: string;
  status: ResultStatus;
  fraction: number | null;
}

export type ChangeDirection = 'improved' | 'regressed' | 'changed' | 'added' | 'removed';

export interface ResultChange {
  controlId: string;
  key: string;
  name: string;
  category: string;
  severity: string;
  from: { status: ResultStatus; fraction: number | null } | null;
  to: { status: ResultStatus; fraction: number | null } | null;
  direction: ChangeDirection;
}

/** Credit a status earns on evidence; null for the decisions (N/A, excepted) that are not better or worse. */
function creditOf(result: ComparableResult): number | null {
  switch (result.status) {
    case 'pass':
      return 1;
    case 'partial':
      return result.fraction ?? 0;
    case 'fail':
    case 'no_data':
    case 'error':
      return 0;
    case 'not_applicable':
    case 'excepted':
      return null;
  }
}

/**
 * The controls whose result differs between two runs: another status, or another fraction of a
 * partial pass ("12 of 16 laptops encrypted" becoming 14 of 16). Worst news first: regressions,
 * then other changes, then improvements, each by severity.
 */
export function compareResults(before: readonly ComparableResult[], after: readonly ComparableResult[]): ResultChange[] {
  const earlier = new Map(before.map((result) => [result.controlId, result]));
  const later = new Map(after.map((result) => [result.controlId, result]));
  const changes: ResultChange[] = [];
  for (const id of new Set([...earlier.keys(), ...later.keys()])) {
    const from = earlier.get(id);
    const to = later.get(id);
    if (from && to && from.status === to.status && sameFraction(from.fraction, to.fraction)) continue;
    const named = (to ?? from)!;
    changes.push({
      controlId: id,
      key: named.controlKey,
      name: named.name,
      category: named.category,
      severity: named.severity,
      from: from ? { status: from.status, fraction: from.fraction } : null,
      to: to ? { status: to.status, fraction: to.fraction } : null,
      direction: directionOf(from, to),
    });
  }
  return changes.toSorted((a, b) => DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] || SEVERITY_ORDER[a.severity]! - SEVERITY_ORDER[b.severity]! || a.key.localeCompare(b.key));
}

/**
 * Partial credit that fades with age (a backup 3 days old is worth a little less each night) moves
 * in the fifth decimal between runs; under one percentage point is not a change anyone reports.
 */
const FRACTION_TOLERANCE = 0.01;

function sameFraction(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < FRACTION_TOLERANCE;
}

function directionOf(from: ComparableResult | undefined, to: ComparableResult | undefined): ChangeDirection {
  if (!from) return 'added';
  if (!to) return 'removed';
  const [was, now] = [creditOf(from), creditOf(to)];
  if (was === null || now === null || was === now) return 'changed';
  return now > was ? 'improved' : 'regressed';
}

const DIRECTION_ORDER: Record<ChangeDirection, number> = { regressed: 0, changed: 1, removed: 2, added: 3, improved: 4 };
const SEVERITY_ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
