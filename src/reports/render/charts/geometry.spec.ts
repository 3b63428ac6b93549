import { describe, expect, it } from '@jest/globals';

import { gaugeAngle, gradeRanges, linearScale, polar, ringSegmentPath, segments, timeTicks } from './geometry.js';

describe('linearScale', () => {
  it('maps values linearly, also onto a reversed range', () => {
    const x = linearScale([0, 100], [50, 250]);
    expect(x(0)).toBe(50);
    expect(x(50)).toBe(150);
    const y = linearScale([0, 100], [300, 100]);
    expect(y(100)).toBe(100);
    expect(y(25)).toBe(250);
  });

  it('puts everything in the middle of an empty domain', () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
});

describe('gauge geometry', () => {
  it('runs from the left (0) over the top (50) to the right (100), clamping outside values', () => {
    expect(gaugeAngle(0)).toBeCloseTo(Math.PI);
    expect(gaugeAngle(50)).toBeCloseTo(Math.PI / 2);
    expect(gaugeAngle(100)).toBeCloseTo(0);
    expect(gaugeAngle(140)).toBeCloseTo(0);
    const top = polar({ x: 100, y: 100 }, 50, gaugeAngle(50));
    expect(top.x).toBeCloseTo(100);
    expect(top.y).toBeCloseTo(50);
  });

  it('draws a ring segment from its outer start, clockwise, back along the inner edge', () => {
    expect(ringSegmentPath({ x: 100, y: 100 }, 50, 40, 0, 50)).toBe('M 50 100 A 50 50 0 0 1 100 50 L 100 60 A 40 40 0 0 0 60 100 Z');
    expect(ringSegmentPath({ x: 100, y: 100 }, 50, 40, 50, 0)).toBe(ringSegmentPath({ x: 100, y: 100 }, 50, 40, 0, 50));
  });

  it('covers 0–100 with the grade bands, in order', () => {
    expect(gradeRanges()).toEqual([
      { grade: 'F', from: 0, to: 60 },
      { grade: 'D', from: 60, to: 70 },
      { grade: 'C', from: 70, to: 80 },
      { grade: 'B', from: 80, to: 90 },
      { grade: 'A', from: 90, to: 100 },
    ]);
  });
});

describe('timeTicks', () => {
  const at = (iso: string) => Date.parse(iso);

  it('puts monthly ticks on the first of each month over half a year, with the year once', () => {
    const ticks = timeTicks(at('2026-05-20T00:00:00Z'), at('2026-11-23T00:00:00Z'), 8);
    expect(ticks.map((tick) => tick.label)).toEqual(['Jun 2026', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov']);
    expect(new Date(ticks[0]!.time).toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });

  it('repeats the year at January, and steps by quarters over a long range', () => {
    expect(timeTicks(at('2026-10-10T00:00:00Z'), at('2027-02-10T00:00:00Z'), 8).map((tick) => tick.label)).toEqual(['Nov 2026', 'Dec', 'Jan 2027', 'Feb']);
    expect(timeTicks(at('2025-11-23T00:00:00Z'), at('2026-11-23T00:00:00Z'), 5).map((tick) => tick.label)).toEqual(['Jan 2026', 'Apr', 'Jul', 'Oct']);
  });

  it('uses days or weeks over a short range', () => {
    expect(timeTicks(at('2026-11-01T12:00:00Z'), at('2026-11-05T12:00:00Z'), 8).map((tick) => tick.label)).toEqual(['2 Nov', '3 Nov', '4 Nov', '5 Nov']);
    expect(timeTicks(at('2026-10-01T00:00:00Z'), at('2026-11-05T00:00:00Z'), 8).map((tick) => tick.label)).toEqual(['1 Oct', '8 Oct', '15 Oct', '22 Oct', '29 Oct', '5 Nov']);
  });
});

describe('segments', () => {
  it('splits a series at missing values', () => {
    const values = [1, null, 2, 3, null, null, 4];
    expect(segments(values, (value) => value)).toEqual([[1], [2, 3], [4]]);
    expect(segments([null], (value) => value)).toEqual([]);
  });
});
