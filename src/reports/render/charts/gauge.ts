import type { Grade } from '../../../scoring/scoring.js';
import { formatScore } from '../format.js';
import { drawBadge, badgeSize } from '../layout/badge.js';
import type { ReportWriter } from '../layout/writer.js';
import { tint } from '../theme.js';
import { gaugeAngle, gradeRanges, polar, ringSegmentPath } from './geometry.js';

export interface GaugeOptions {
  x: number;
  y: number;
  width: number;
  score: number | null;
  grade: Grade | null;
}

const BAND_WIDTH = 5;
const RING_GAP = 4;
const RING_WIDTH = 17;
const LABEL_ROOM = 14;

export function gaugeHeight(width: number): number {
  const radius = gaugeRadius(width);
  return LABEL_ROOM + radius + 32;
}

function gaugeRadius(width: number): number {
  return Math.min(98, width / 2 - LABEL_ROOM);
}

/**
 * The score gauge: a half ring from 0 to 100 with the grade bands around its edge, the score's
 * share filled in its grade colour, and the score and grade in the middle.
 */
export function drawGauge(writer: ReportWriter, options: GaugeOptions): void {
  const { doc, theme } = writer;
  const radius = gaugeRadius(options.width);
  const centre = { x: options.x + options.width / 2, y: options.y + LABEL_ROOM + radius };
  const ringOuter = radius - BAND_WIDTH - RING_GAP;
  const ringInner = ringOuter - RING_WIDTH;

  for (const band of gradeRanges()) {
    doc.path(ringSegmentPath(centre, radius, radius - BAND_WIDTH, band.from, band.to)).fill(tint(theme.grade[band.grade], 0.75));
  }
  doc.path(ringSegmentPath(centre, ringOuter, ringInner, 0, 100)).fill(theme.track);
  if (options.score !== null && options.grade !== null) {
    if (options.score > 0) doc.path(ringSegmentPath(centre, ringOuter, ringInner, 0, options.score)).fill(theme.grade[options.grade]);
    // A needle across the ring marks the exact score.
    const angle = gaugeAngle(options.score);
    const from = polar(centre, ringInner - 3, angle);
    const to = polar(centre, radius + 2, angle);
    doc.moveTo(from.x, from.y).lineTo(to.x, to.y).lineWidth(1.6).lineCap('round').stroke(theme.ink);
    doc.lineCap('butt');
  }

  // Scale labels at the band boundaries, outside the ring.
  for (const value of [0, ...gradeRanges().map((band) => band.to)]) {
    const point = polar(centre, radius + 9, gaugeAngle(value));
    const label = writer.layout(String(value), theme.text.caption);
    const x = value === 0 ? point.x - label.width / 2 - 2 : value === 100 ? point.x - label.width / 2 + 2 : point.x - label.width / 2;
    writer.drawText(label, x, point.y - label.height / 2 - (value === 0 || value === 100 ? -4 : 0));
  }

  const scoreText = options.score === null ? 'Not scored' : formatScore(options.score);
  const scoreStyle = options.score === null ? { ...theme.text.figure, size: 18, color: theme.muted } : { ...theme.text.figure, size: 34 };
  const block = writer.layout(scoreText, scoreStyle, ringInner * 2);
  writer.drawText(block, centre.x - ringInner, centre.y - block.height + 4, { width: ringInner * 2, align: 'center' });
  const caption = writer.layout(options.score === null ? 'no control in the score' : 'out of 100', theme.text.caption, ringInner * 2);
  writer.drawText(caption, centre.x - ringInner, centre.y + 4, { width: ringInner * 2, align: 'center' });
  if (options.grade !== null) {
    const label = `Grade ${options.grade}`;
    const style = { fill: theme.grade[options.grade], color: '#ffffff', size: 9, weight: 'bold' as const };
    const size = badgeSize(writer, label, style);
    drawBadge(writer, label, centre.x - size.width / 2, centre.y + 16, style);
  }
}
