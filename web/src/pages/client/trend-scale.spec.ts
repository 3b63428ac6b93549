import { describe, expect, it } from '@jest/globals';
import { layoutTrend, linearScale, timeDomain, timeTicks } from './trend-scale.js';

const DAY = 86_400_000;
const size = { width: 600, height: 240, padding: { top: 10, right: 20, bottom: 30, left: 40 } };
const at = (iso: string, score: number | null) => ({ evaluatedAt: iso, score });

describe('timeDomain', () => {
  it('spans the earliest to the latest time', () => {
    expect(timeDomain([5 * DAY, 2 * DAY, 9 * DAY])).toEqual({ from: 2 * DAY, to: 9 * DAY });
  });

  it('widens a single time, or times within one day, by a day each side', () => {
    expect(timeDomain([10 * DAY])).toEqual({ from: 9 * DAY, to: 11 * DAY });
    expect(timeDomain([10 * DAY, 10 * DAY + 60_000])).toEqual({ from: 9 * DAY, to: 11 * DAY + 60_000 });
  });

  it('is null without any time', () => {
    expect(timeDomain([])).toBeNull();
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, inverted ranges included', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(y(100)).toBe(0);
  });

  it('puts everything in the middle of the range for an empty domain', () => {
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });
});

describe('timeTicks', () => {
  const spans = [2 * DAY, 5 * DAY, 30 * DAY, 90 * DAY, 365 * DAY, 3 * 365 * DAY];
  it.each(spans)('gives between one and the most ticks asked for, in order and inside a span of %d ms', (span) => {
    const domain = { from: Date.parse('2026-08-25T13:17:00Z'), to: Date.parse('2026-08-25T13:17:00Z') + span };
    const ticks = timeTicks(domain, 6);
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (const [index, tick] of ticks.entries()) {
      expect(tick.time).toBeGreaterThanOrEqual(domain.from);
      expect(tick.time).toBeLessThanOrEqual(domain.to);
      if (index > 0) expect(tick.time).toBeGreaterThan(ticks[index - 1]!.time);
    }
    expect(new Set(ticks.map((tick) => tick.label)).size).toBe(ticks.length);
  });

  it('labels sub-day ticks with the time and longer ones with the date only', () => {
    const from = Date.parse('2026-11-22T22:44:00Z');
    expect(timeTicks({ from, to: from + 2 * DAY }, 6)[0]!.label).toMatch(/\d{2}:\d{2}/);
    expect(timeTicks({ from, to: from + 30 * DAY }, 6)[0]!.label).not.toMatch(/:/);
  });
});

describe('layoutTrend', () => {
  it('is null with nothing to draw', () => {
    expect(layoutTrend([], [], size)).toBeNull();
  });

  it('centres a single evaluation and draws no line for it', () => {
    const layout = layoutTrend([at('2026-11-23T22:44:00Z', 40)], [], size)!;
    expect(layout.points).toHaveLength(1);
    expect(layout.points[0]!.x).toBe(40 + (580 - 40) / 2);
    expect(layout.points[0]!.y).toBe(210 - 0.4 * 200);
    expect(layout.lines).toEqual([]);
    expect(layout.xTicks.length).toBeGreaterThan(0);
  });

  it('keeps evaluations of one day apart and inside the plot', () => {
    const layout = layoutTrend([at('2026-11-23T09:00:00Z', 30), at('2026-11-23T21:00:00Z', 50)], [], size)!;
    const [first, second] = layout.points;
    expect(second!.x).toBeGreaterThan(first!.x);
    for (const point of layout.points) {
      expect(point.x).toBeGreaterThan(layout.plot.left);
      expect(point.x).toBeLessThan(layout.plot.right);
    }
    expect(layout.lines).toHaveLength(1);
  });

  it('breaks the line at an evaluation without a score', () => {
    const layout = layoutTrend(
      [at('2026-09-01T00:00:00Z', 50), at('2026-09-10T00:00:00Z', 55), at('2026-09-20T00:00:00Z', null), at('2026-10-01T00:00:00Z', 60), at('2026-10-10T00:00:00Z', 62)],
      [],
      size,
    )!;
    expect(layout.points).toHaveLength(4);
    expect(layout.lines).toHaveLength(2);
    expect(layout.lines[0]).toMatch(/^M [\d.]+ [\d.]+ L [\d.]+ [\d.]+$/);
  });

  it('places QBR marks on the same time axis and widens it to include them', () => {
    const layout = layoutTrend([at('2026-10-01T00:00:00Z', 50), at('2026-10-31T00:00:00Z', 60)], [{ reviewedAt: '2026-11-30T00:00:00Z' }], size)!;
    expect(layout.marks[0]!.x).toBe(580 - 8);
    expect(layout.points[0]!.x).toBe(40 + 8);
    expect(layout.points[1]!.x).toBeCloseTo((48 + 572) / 2, 0);
  });

  it('labels only the first of QBR marks too close together to label each', () => {
    const marks = [{ reviewedAt: '2026-10-31T00:00:00Z' }, { reviewedAt: '2026-10-01T00:00:00Z' }, { reviewedAt: '2026-10-01T02:00:00Z' }];
    const layout = layoutTrend([at('2026-10-15T00:00:00Z', 50)], marks, size)!;
    expect(layout.marks.map((entry) => [entry.mark.reviewedAt, entry.labelled])).toEqual([
      ['2026-10-01T00:00:00Z', true],
      ['2026-10-01T02:00:00Z', false],
      ['2026-10-31T00:00:00Z', true],
    ]);
  });

  it('shades the five grade bands over the full score axis', () => {
    const layout = layoutTrend([at('2026-10-01T00:00:00Z', 50)], [], size)!;
    expect(layout.bands.map((band) => band.grade)).toEqual(['F', 'D', 'C', 'B', 'A']);
    expect(layout.bands.reduce((sum, band) => sum + band.height, 0)).toBeCloseTo(200, 5);
    expect(layout.yTicks[0]).toEqual({ y: 210, value: 0 });
  });
});
