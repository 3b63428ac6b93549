/**
 * The score gauge's arcs. Angles are in degrees, clockwise from 12 o'clock; the gauge opens at the
 * bottom, running from -120° (score 0) to +120° (score 100).
 */

export const GAUGE_START = -120;
export const GAUGE_SWEEP = 240;

export interface Point {
  x: number;
  y: number;
}

export interface Circle {
  cx: number;
  cy: number;
  r: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function pointOnCircle({ cx, cy, r }: Circle, angle: number): Point {
  const radians = ((angle - 90) * Math.PI) / 180;
  return { x: round(cx + r * Math.cos(radians)), y: round(cy + r * Math.sin(radians)) };
}

/** An SVG path along the circle from one angle to a later one; empty when there is nothing to draw. */
export function arcPath(circle: Circle, from: number, to: number): string {
  const sweep = Math.min(to - from, 359.99);
  if (!(sweep > 0)) return '';
  const start = pointOnCircle(circle, from);
  const end = pointOnCircle(circle, from + sweep);
  const largeArc = sweep > 180 ? 1 : 0;
  return `M ${start.x} ${start.y} A ${circle.r} ${circle.r} 0 ${largeArc} 1 ${end.x} ${end.y}`;
}

/** Where a score sits on the gauge; scores outside 0..100 stop at its ends. */
export function scoreAngle(score: number): number {
  const clamped = Math.min(Math.max(score, 0), 100);
  return GAUGE_START + (GAUGE_SWEEP * clamped) / 100;
}

export interface GaugeArcs {
  track: string;
  value: string;
  /** Short radial strokes where the grades change (60, 70, 80, 90). */
  bandTicks: { from: Point; to: Point }[];
}

export function gaugeArcs(score: number | null, circle: Circle, tickLength = 6): GaugeArcs {
  const inner = { ...circle, r: circle.r - tickLength };
  return {
    track: arcPath(circle, GAUGE_START, GAUGE_START + GAUGE_SWEEP),
    value: score === null ? '' : arcPath(circle, GAUGE_START, scoreAngle(score)),
    bandTicks: [60, 70, 80, 90].map((threshold) => ({ from: pointOnCircle(inner, scoreAngle(threshold)), to: pointOnCircle(circle, scoreAngle(threshold)) })),
  };
}
