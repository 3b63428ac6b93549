import { GRADE_BANDS, type Grade } from '../../../scoring/scoring.js';
import { formatDay } from '../format.js';

/*
 * The maths of the charts, kept apart from drawing so it can be tested: value-to-page mappings,
 * the gauge's arcs, axis ticks. Page coordinates have y growing downwards, as in pdfkit.
 */

export interface Point {
  x: number;
  y: number;
}

/** Maps a domain linearly onto a range (either may run backwards, as a y axis does). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A point at an angle (radians, 0 pointing right, π/2 up) and distance from a centre. */
export function polar(centre: Point, radius: number, angle: number): Point {
  return { x: centre.x + radius * Math.cos(angle), y: centre.y - radius * Math.sin(angle) };
}

/** The gauge runs over the upper half circle: 0 at the left (π), 100 at the right (0). */
export function gaugeAngle(score: number): number {
  return Math.PI * (1 - clamp(score, 0, 100) / 100);
}

const round = (value: number) => Math.round(value * 100) / 100;

/** An SVG path of the ring segment between two scores, for pdfkit's `path`. */
export function ringSegmentPath(centre: Point, outer: number, inner: number, from: number, to: number): string {
  const [start, end] = [gaugeAngle(Math.min(from, to)), gaugeAngle(Math.max(from, to))];
  const a = polar(centre, outer, start);
  const b = polar(centre, outer, end);
  const c = polar(centre, inner, end);
  const d = polar(centre, inner, start);
  // Left to right over the top is clockwise on a y-down page: sweep 1 outside, 0 back inside.
  return `M ${round(a.x)} ${round(a.y)} A ${outer} ${outer} 0 0 1 ${round(b.x)} ${round(b.y)} L ${round(c.x)} ${round(c.y)} A ${inner} ${inner} 0 0 0 ${round(d.x)} ${round(d.y)} Z`;
}

export interface GradeBand {
  grade: Grade;
  from: number;
  to: number;
}

/** The grade bands as ranges from the scoring constants: F 0–60, D 60–70 ... A 90–100. */
export function gradeRanges(): GradeBand[] {
  const bands: GradeBand[] = GRADE_BANDS.map((band, index) => ({ grade: band.grade, from: band.from, to: index === 0 ? 100 : GRADE_BANDS[index - 1]!.from }));
  bands.push({ grade: 'F', from: 0, to: GRADE_BANDS.at(-1)!.from });
  return bands.toSorted((a, b) => a.from - b.from);
}

export interface Tick {
  time: number;
  label: string;
}

const DAY = 86_400_000;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Date ticks for an axis: the finest of daily, weekly, fortnightly, monthly, quarterly... steps that
 * gives at most `maxTicks`, on whole days or the first of a month (UTC). Month labels carry the
 * year on the first tick and at each January, so a year's chart reads "Jun 2026, Jul, ... Jan 2027".
 */
export function timeTicks(from: number, to: number, maxTicks: number): Tick[] {
  const dayStart = (time: number) => Math.floor(time / DAY) * DAY;
  for (const days of [1, 2, 7, 14]) {
    const first = Math.ceil(from / DAY) * DAY;
    if ((to - first) / (days * DAY) + 1 > maxTicks) continue;
    const ticks: Tick[] = [];
    for (let time = first; time <= to; time += days * DAY) ticks.push({ time: dayStart(time), label: formatDay(new Date(time)) });
    return ticks;
  }
  for (const months of [1, 2, 3, 6, 12]) {
    const start = new Date(from);
    const year = start.getUTCFullYear();
    let month = start.getUTCMonth();
    if (Date.UTC(year, month, 1) < from) month += 1;
    // Align multi-month steps to the calendar: quarters start in Jan, Apr, Jul, Oct.
    month = Math.ceil(month / months) * months;
    const ticks: Tick[] = [];
    for (let time = Date.UTC(year, month, 1); time <= to; month += months, time = Date.UTC(year, month, 1)) {
      const date = new Date(time);
      const withYear = ticks.length === 0 || date.getUTCMonth() === 0;
      ticks.push({ time, label: withYear ? `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}` : MONTH_NAMES[date.getUTCMonth()]! });
    }
    if (ticks.length <= maxTicks) return ticks;
  }
  return [];
}

/** Splits a series at missing values, so a line is drawn through runs of values with gaps between. */
export function segments<T>(points: readonly T[], value: (point: T) => number | null): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  for (const point of points) {
    if (value(point) === null) {
      if (current.length > 0) result.push(current);
      current = [];
    } else current.push(point);
  }
  if (current.length > 0) result.push(current);
  return result;
}
