import type { Severity } from '../controls/catalog/control-definition.js';
import { RESULT_STATUSES, type ResultStatus } from '../controls/evaluators/evaluator.js';
import type { NoDataScoring } from '../database/schema.js';

/*
 * The one scoring formula (docs/scoring.md). The API, the dashboard and the PDF all call these
 * functions; nothing else computes a score.
 */

export const SEVERITY_POINTS: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 5 };

export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];
/** Lowest score of each grade; anything under the last band is F. */
export const GRADE_BANDS: readonly { grade: Exclude<Grade, 'F'>; from: number }[] = [
  { grade: 'A', from: 90 },
  { grade: 'B', from: 80 },
  { grade: 'C', from: 70 },
  { grade: 'D', from: 60 },
];

/** What the formula needs from a control's result. */
export interface ScorableResult {
  controlId: string;
  status: ResultStatus;
  /** Credit for partial results, 0..1 (pass and fail carry 1 and 0). */
  fraction: number | null;
  severity: Severity;
  weight: number;
}

export interface ScoringPolicy {
  noData: NoDataScoring;
}

export const DEFAULT_POLICY: ScoringPolicy = { noData: 'fail' };

export interface ControlScore {
  controlId: string;
  /** Points the control is worth: severity points × weight. */
  points: number;
  /** Points it earned; 0 for a control that is counted but not passing. */
  earned: number;
  /** Whether the control is in the score's denominator. */
  counted: boolean;
  /** How much the score would rise if this control passed (0 for a pass), one decimal. */
  pointsRecoverable: number;
}

export interface Score {
  /** 0–100 with one decimal; null when nothing is counted (every control N/A, say). */
  score: number | null;
  grade: Grade | null;
  earnedPoints: number;
  possiblePoints: number;
  /** Every status is counted and shown, including the ones the score leaves out. */
  counts: Record<ResultStatus, number>;
  controls: ControlScore[];
}

export function roundScore(value: number): number {
  return Math.round((value + Number.EPSILON) * 10) / 10;
}

export function gradeFor(score: number): Grade {
  return GRADE_BANDS.find((band) => score >= band.from)?.grade ?? 'F';
}

/** Whether a status is in the denominator, and the credit (0..1) it earns there. */
function creditOf(result: ScorableResult, policy: ScoringPolicy): number | null {
  switch (result.status) {
    case 'pass':
      return 1;
    case 'partial':
      return Math.min(1, Math.max(0, result.fraction ?? 0));
    case 'fail':
      return 0;
    case 'no_data':
    case 'error':
      return policy.noData === 'fail' ? 0 : null;
    case 'not_applicable':
    case 'excepted':
      return null;
  }
}

export function scoreResults(results: readonly ScorableResult[], policy: ScoringPolicy = DEFAULT_POLICY): Score {
  const counts = Object.fromEntries(RESULT_STATUSES.map((status) => [status, 0])) as Record<ResultStatus, number>;
  let earnedPoints = 0;
  let possiblePoints = 0;
  const scored = results.map((result) => {
    counts[result.status] += 1;
    const points = SEVERITY_POINTS[result.severity] * result.weight;
    const credit = creditOf(result, policy);
    if (credit !== null) {
      earnedPoints += points * credit;
      possiblePoints += points;
    }
    return { result, points, credit };
  });
  const exact = possiblePoints > 0 ? (100 * earnedPoints) / possiblePoints : null;
  const controls = scored.map(({ result, points, credit }): ControlScore => {
    const earned = credit === null ? 0 : points * credit;
    // Excepted and N/A controls are decisions, not gaps: they have nothing to recover.
    const recoverable = result.status === 'pass' || result.status === 'excepted' || result.status === 'not_applicable' || points === 0
      ? 0
      : (100 * (earnedPoints - earned + points)) / (possiblePoints + (credit === null ? points : 0)) - (exact ?? 0);
    return { controlId: result.controlId, points, earned, counted: credit !== null, pointsRecoverable: roundScore(Math.max(0, recoverable)) };
  });
  const score = exact === null ? null : roundScore(exact);
  return { score, grade: score === null ? null : gradeFor(score), earnedPoints, possiblePoints, counts, controls };
}

export interface RequirementCoverage {
  requirementId: string;
  /** Controls mapped to the requirement (only those evaluated for this client matter). */
  controlIds: readonly string[];
}

/** Statuses that say something about a requirement: a verdict on evidence, or a recorded decision. */
const COVERING_STATUSES: ReadonlySet<ResultStatus> = new Set(['pass', 'partial', 'fail', 'excepted']);

export interface FrameworkScore extends Omit<Score, 'controls'> {
  requirementsTotal: number;
  requirementsCovered: number;
  /** Share of the framework's requirements with at least one evaluated control, 0..1 (three decimals). */
  coverage: number;
}

/**
 * A framework's score is the client score formula over the controls mapped to any of its
 * requirements (each control once), so a control weighs the same whichever requirement it serves.
 */
export function scoreFramework(results: readonly ScorableResult[], requirements: readonly RequirementCoverage[], policy: ScoringPolicy = DEFAULT_POLICY): FrameworkScore {
  const byControl = new Map(results.map((result) => [result.controlId, result]));
  const mapped = new Set(requirements.flatMap((requirement) => requirement.controlIds));
  const inFramework = results.filter((result) => mapped.has(result.controlId));
  const covered = requirements.filter((requirement) => requirement.controlIds.some((id) => COVERING_STATUSES.has(byControl.get(id)?.status ?? 'no_data'))).length;
  const { controls: _controls, ...score } = scoreResults(inFramework, policy);
  return {
    ...score,
    requirementsTotal: requirements.length,
    requirementsCovered: covered,
    coverage: requirements.length === 0 ? 0 : Math.round((covered / requirements.length) * 1000) / 1000,
  };
}

export interface PortfolioScore {
  /** Mean of the scored clients' scores: every client counts the same, whatever its size. */
  score: number | null;
  grade: Grade | null;
  scoredClients: number;
  unscoredClients: number;
  distribution: Record<Grade, number>;
}

export function scorePortfolio(clientScores: readonly (number | null)[]): PortfolioScore {
  const scored = clientScores.filter((score): score is number => score !== null);
  const distribution = Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
  for (const score of scored) distribution[gradeFor(score)] += 1;
  const score = scored.length === 0 ? null : roundScore(scored.reduce((sum, value) => sum + value, 0) / scored.length);
  return { score, grade: score === null ? null : gradeFor(score), scoredClients: scored.length, unscoredClients: clientScores.length - scored.length, distribution };
}

/** How much a score moved, one decimal; null when either score is missing (never evaluated, or nothing counted). */
export function scoreChange(current: number | null, earlier: number | null): number | null {
  return current === null || earlier === null ? null : roundScore(current - earlier);
}
