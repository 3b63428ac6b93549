import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { barChartHeight, drawBarChart } from '../charts/bar-chart.js';
import { formatScore, humanise } from '../format.js';
import { badgeCell } from '../layout/badge.js';
import { drawTable, type Cell } from '../layout/table.js';
import type { ReportWriter } from '../layout/writer.js';
import { note, openSection } from './common.js';

/** Category scores as bars, then the counts behind them. */
export function renderCategories(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  const { categories } = content.scorecard;
  openSection(writer, section);
  if (categories.length === 0) {
    note(writer, 'No control was evaluated, so there are no category scores.');
    return;
  }
  const bars = categories.map((category) => ({ label: humanise(category.category), score: category.score, grade: category.grade }));
  writer.block(barChartHeight(bars.length), (top) => drawBarChart(writer, { x: writer.left, y: top, width: writer.width, bars }));
  writer.gap(theme.space.block + 4);
  const rows = categories.map((category): Cell[] => [
    { text: humanise(category.category), style: { weight: 'semibold' } },
    formatScore(category.score),
    category.grade ? badgeCell(writer, category.grade, { fill: theme.grade[category.grade], color: '#ffffff' }) : { text: '—', style: { color: theme.muted } },
    String(category.counts.pass),
    String(category.counts.partial),
    String(category.counts.fail),
    formatScore(category.pointsRecoverable),
  ]);
  drawTable(writer, {
    columns: [
      { header: 'Category', width: 1 },
      { header: 'Score', width: 'fit', align: 'right' },
      { header: 'Grade', width: 'fit', align: 'center' },
      { header: 'Pass', width: 'fit', align: 'right' },
      { header: 'Partial', width: 'fit', align: 'right' },
      { header: 'Fail', width: 'fit', align: 'right' },
      { header: 'Points recoverable', width: 'fit', align: 'right' },
    ],
    rows,
  });
}
