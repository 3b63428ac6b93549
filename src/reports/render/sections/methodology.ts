import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { gradeRanges } from '../charts/geometry.js';
import { drawBadge, badgeSize } from '../layout/badge.js';
import type { ReportWriter } from '../layout/writer.js';
import { openSection } from './common.js';

/** How the score is calculated, in words, with the grade bands drawn as a legend. */
export function renderMethodology(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  openSection(writer, section);
  writer.paragraphs(content.methodology);
  const bands = gradeRanges().toSorted((a, b) => b.from - a.from);
  const label = writer.layout('Grade bands', theme.text.label);
  const badgeStyle = { color: '#ffffff', size: 8.5, weight: 'bold' as const };
  const height = label.height + 6 + badgeSize(writer, 'A', { ...badgeStyle, fill: theme.ink }).height;
  writer.gap(theme.space.block);
  writer.block(height, (top) => {
    writer.drawText(label, writer.left, top);
    let x = writer.left;
    for (const band of bands) {
      // Scores have one decimal, so "80–89.9" is exactly "80 to under 90".
      const text = band.grade === 'F' ? `F under ${band.to}` : `${band.grade} ${band.from}${band.to === 100 ? ' and over' : `–${band.to - 0.1}`}`;
      x += drawBadge(writer, text, x, top + label.height + 6, { ...badgeStyle, fill: theme.grade[band.grade] }) + 8;
    }
  });
  writer.gap(theme.space.block);
}
