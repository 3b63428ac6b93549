import { describe, expect, it } from '@jest/globals';
import { arcPath, gaugeArcs, pointOnCircle, scoreAngle } from './gauge-geometry.js';

const circle = { cx: 100, cy: 100, r: 80 };

describe('pointOnCircle', () => {
  it('measures clockwise from 12 o’clock', () => {
    expect(pointOnCircle(circle, 0)).toEqual({ x: 100, y: 20 });
    expect(pointOnCircle(circle, 90)).toEqual({ x: 180, y: 100 });
    expect(pointOnCircle(circle, 180)).toEqual({ x: 100, y: 180 });
    expect(pointOnCircle(circle, -90)).toEqual({ x: 20, y: 100 });
  });
});

describe('scoreAngle', () => {
  it('spreads 0..100 over the 240° of the gauge and clamps what falls outside', () => {
    expect(scoreAngle(0)).toBe(-120);
    expect(scoreAngle(50)).toBe(0);
    expect(scoreAngle(100)).toBe(120);
    expect(scoreAngle(-5)).toBe(-120);
    expect(scoreAngle(140)).toBe(120);
  });
});

describe('arcPath', () => {
  it('uses the large-arc flag only past a half turn', () => {
    expect(arcPath(circle, -90, 90)).toBe('M 20 100 A 80 80 0 0 1 180 100');
    expect(arcPath(circle, -120, 120)).toContain(' 0 1 1 ');
  });

  it('draws nothing for an empty or backwards arc', () => {
    expect(arcPath(circle, 10, 10)).toBe('');
    expect(arcPath(circle, 10, 5)).toBe('');
  });
});

describe('gaugeArcs', () => {
  it('draws the value arc up to the score and none without a score or at zero', () => {
    const half = gaugeArcs(50, circle);
    expect(half.value).toBe(`M ${pointOnCircle(circle, -120).x} ${pointOnCircle(circle, -120).y} A 80 80 0 0 1 100 20`);
    expect(gaugeArcs(null, circle).value).toBe('');
    expect(gaugeArcs(0, circle).value).toBe('');
    expect(gaugeArcs(100, circle).value).toBe(half.track);
  });

  it('marks the four grade boundaries on the track', () => {
    const { bandTicks } = gaugeArcs(72, circle, 6);
    expect(bandTicks).toHaveLength(4);
    expect(bandTicks[0]!.to).toEqual(pointOnCircle(circle, scoreAngle(60)));
    expect(Math.hypot(bandTicks[0]!.from.x - 100, bandTicks[0]!.from.y - 100)).toBeCloseTo(74, 1);
  });
});
