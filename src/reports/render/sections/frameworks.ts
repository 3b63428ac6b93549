import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { drawCoverageBar } from '../charts/coverage-bar.js';
import { formatScore } from '../format.js';
import { badgeCell } from '../layout/badge.js';
import { drawTable, type Cell } from '../layout/table.js';
import type { ReportWriter } from '../layout/writer.js';
import { note, openSection } from './common.js';

/** Each framework's score and grade beside its coverage: a score means little without it. */
export function renderFrameworks(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  const { frameworks } = content.scorecard;
  openSection(writer, section);
  if (frameworks.length === 0) {
    note(writer, 'No framework is mapped to the controls evaluated for this client.');
    return;
  }
  const lineHeight = theme.text.table.size * theme.text.table.leading;
  const rows = frameworks.map((framework): Cell[] => [
    // Some names carry their version already ("NIST Cybersecurity Framework 2.0").
    { text: [{ text: framework.name, weight: 'semibold' }, { text: framework.name.includes(framework.version) ? '' : ` ${framework.version}`, color: theme.muted }] },
    formatScore(framework.score),
    framework.grade ? badgeCell(writer, framework.grade, { fill: theme.grade[framework.grade], color: '#ffffff' }) : { text: '—', style: { color: theme.muted } },
    { height: lineHeight, width: 100, draw: (box) => drawCoverageBar(writer, box, framework.coverage) },
    `${framework.requirementsCovered} of ${framework.requirementsTotal}`,
  ]);
  drawTable(writer, {
    columns: [
      { header: 'Framework', width: 1 },
      { header: 'Score', width: 'fit', align: 'right' },
      { header: 'Grade', width: 'fit', align: 'center' },
      { header: 'Coverage', width: 'fit' },
      { header: 'Requirements covered', width: 'fit', align: 'right' },
    ],
    rows,
  });
}
