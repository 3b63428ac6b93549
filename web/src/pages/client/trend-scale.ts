/**
 * Geometry of the score trend chart: a time axis fitted to the evaluations and QBR marks, a fixed
 * 0..100 score axis (so a small change is not drawn as a collapse), and the grade bands behind.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface TimeDomain {
  from: number;
  to: number;
}

/**
 * From the earliest to the latest time; under a day of spread (one run, or every run on the same
 * day) it widens by a day each side so the points sit in the middle instead of on the edges.
 */
export function timeDomain(times: readonly number[]): TimeDomain | null {
  if (times.length === 0) return null;
  const from = Math.min(...times);
  const to = Math.max(...times);
  return to - from < DAY ? { from: from - DAY, to: to + DAY } : { from, to };
}

export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) * (r1 - r0)) / (d1 - d0);
}

export interface TimeTick {
  time: number;
  label: string;
}

interface Interval {
  unit: 'hour' | 'day' | 'month';
  size: number;
}

const INTERVALS: Interval[] = [
  ...[1, 2, 3, 6, 12].map((size) => ({ unit: 'hour' as const, size })),
  ...[1, 2, 7, 14].map((size) => ({ unit: 'day' as const, size })),
  ...[1, 2, 3, 6, 12].map((size) => ({ unit: 'month' as const, size })),
];

/** The first boundary of the interval at or after `time`, in the viewer's time zone. */
function firstBoundary(time: number, { unit, size }: Interval): Date {
  const date = new Date(time);
  date.setMinutes(0, 0, 0);
  if (unit === 'hour') {
    date.setHours(Math.floor(date.getHours() / size) * size);
  } else {
    date.setHours(0);
    if (unit === 'month') date.setMonth(Math.floor(date.getMonth() / size) * size, 1);
  }
  while (date.getTime() < time) advance(date, { unit, size });
  return date;
}

function advance(date: Date, { unit, size }: Interval): void {
  if (unit === 'hour') date.setHours(date.getHours() + size);
  else if (unit === 'day') date.setDate(date.getDate() + size);
  else date.setMonth(date.getMonth() + size);
}

function ticksOf(domain: TimeDomain, interval: Interval, limit: number): number[] {
  const times: number[] = [];
  for (const date = firstBoundary(domain.from, interval); date.getTime() <= domain.to; advance(date, interval)) {
    times.push(date.getTime());
    if (times.length > limit) break;
  }
  return times;
}

function tickLabel(time: number, unit: Interval['unit']): string {
  const date = new Date(time);
  if (unit === 'hour') return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  if (unit === 'day') return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  return date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric' });
}

/** Calendar-aligned ticks (whole hours, midnights, month starts), at most `maxTicks` of them. */
export function timeTicks(domain: TimeDomain, maxTicks: number): TimeTick[] {
  const limit = Math.max(1, maxTicks);
  for (const interval of INTERVALS) {
    const times = ticksOf(domain, interval, limit);
    if (times.length <= limit) return times.map((time) => ({ time, label: tickLabel(time, interval.unit) }));
  }
  const yearly = INTERVALS.at(-1)!;
  return ticksOf(domain, yearly, limit).slice(0, limit).map((time) => ({ time, label: tickLabel(time, yearly.unit) }));
}

export const SCORE_TICKS = [0, 20, 40, 60, 80, 100] as const;

/** The score ranges of each grade, bottom to top, to shade behind the line. */
export const GRADE_BANDS = [
  { grade: 'F', from: 0, to: 60 },
  { grade: 'D', from: 60, to: 70 },
  { grade: 'C', from: 70, to: 80 },
  { grade: 'B', from: 80, to: 90 },
  { grade: 'A', from: 90, to: 100 },
] as const;

export interface ChartSize {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
}

export interface PlottedPoint<P> {
  x: number;
  y: number;
  point: P;
}

export interface TrendLayout<P, M> {
  plot: { left: number; right: number; top: number; bottom: number };
  points: PlottedPoint<P>[];
  /** One polyline per run of scored evaluations; an unscored evaluation breaks the line. */
  lines: string[];
  /** `labelled`: whether the mark has room for its label; marks closer than that to the last labelled one share it. */
  marks: { x: number; mark: M; labelled: boolean }[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
  bands: { grade: string; y: number; height: number }[];
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Horizontal room a "QBR" label needs, in chart units. */
export const MARK_LABEL_WIDTH = 36;

function labelMarks<M>(marks: { x: number; mark: M }[]): { x: number; mark: M; labelled: boolean }[] {
  let lastLabelled = -Infinity;
  return marks
    .toSorted((a, b) => a.x - b.x)
    .map((entry) => {
      const labelled = entry.x - lastLabelled >= MARK_LABEL_WIDTH;
      if (labelled) lastLabelled = entry.x;
      return { ...entry, labelled };
    });
}

/** Where everything goes; null when there is nothing to draw. */
export function layoutTrend<P extends { evaluatedAt: string; score: number | null }, M extends { reviewedAt: string }>(
  points: readonly P[],
  marks: readonly M[],
  size: ChartSize,
): TrendLayout<P, M> | null {
  const domain = timeDomain([...points.map((point) => Date.parse(point.evaluatedAt)), ...marks.map((mark) => Date.parse(mark.reviewedAt))]);
  if (!domain) return null;
  const plot = { left: size.padding.left, right: size.width - size.padding.right, top: size.padding.top, bottom: size.height - size.padding.bottom };
  // The first and last points sit a little inside the plot, so their markers are not cut off.
  const inset = 8;
  const xOf = linearScale([domain.from, domain.to], [plot.left + inset, plot.right - inset]);
  const yOf = linearScale([0, 100], [plot.bottom, plot.top]);

  const plotted: PlottedPoint<P>[] = [];
  const lines: string[] = [];
  let line: string[] = [];
  for (const point of points) {
    if (point.score === null) {
      if (line.length > 1) lines.push(line.join(' '));
      line = [];
      continue;
    }
    const x = round(xOf(Date.parse(point.evaluatedAt)));
    const y = round(yOf(point.score));
    plotted.push({ x, y, point });
    line.push(`${line.length === 0 ? 'M' : 'L'} ${x} ${y}`);
  }
  if (line.length > 1) lines.push(line.join(' '));

  const maxTicks = Math.max(2, Math.floor((plot.right - plot.left) / 96));
  return {
    plot,
    points: plotted,
    lines,
    marks: labelMarks(marks.map((mark) => ({ x: round(xOf(Date.parse(mark.reviewedAt))), mark }))),
    xTicks: timeTicks(domain, maxTicks).map((tick) => ({ x: round(xOf(tick.time)), label: tick.label })),
    yTicks: SCORE_TICKS.map((value) => ({ y: round(yOf(value)), value })),
    bands: GRADE_BANDS.map((band) => ({ grade: band.grade, y: round(yOf(band.to)), height: round(yOf(band.from) - yOf(band.to)) })),
  };
}
