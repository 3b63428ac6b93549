import { REQUIREMENT_STATUSES, type RequirementStatus } from '../../../scorecards/client/statement-of-applicability.js';
import type { StatementRequirementDto } from '../../../scorecards/dto/client-scorecard.dto.js';
import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { formatPercent, formatScore } from '../format.js';
import { REQUIREMENT_STATUS_LABELS, RESULT_STATUS_LABELS } from '../labels.js';
import { badgeCell, badgeSize, drawBadge, type BadgeStyle } from '../layout/badge.js';
import { drawTable, fitColumnWidth, type Cell } from '../layout/table.js';
import type { Span } from '../layout/text-layout.js';
import type { ReportWriter } from '../layout/writer.js';
import type { Theme } from '../theme.js';
import { tint } from '../theme.js';
import { note, openSection } from './common.js';
import { drawKeyFigures } from './key-figures.js';

function requirementColour(theme: Theme, status: RequirementStatus): string {
  switch (status) {
    case 'met':
      return theme.positive;
    case 'partially_met':
      return theme.status.partial;
    case 'not_met':
      return theme.negative;
    case 'risk_accepted':
      return theme.status.excepted;
    case 'not_applicable':
    case 'not_covered':
    case 'no_controls':
      return theme.status.no_data;
  }
}

function statusBadge(theme: Theme, status: RequirementStatus): BadgeStyle {
  const colour = requirementColour(theme, status);
  return { fill: tint(colour, 0.14), color: colour };
}

const refCell = (requirement: StatementRequirementDto): Cell => ({ text: requirement.ref, style: { weight: 'semibold' } });

/** The order groupings first appear in: the framework's own order. */
function groupings(requirements: readonly StatementRequirementDto[]): [string, StatementRequirementDto[]][] {
  const groups = new Map<string, StatementRequirementDto[]>();
  for (const requirement of requirements) {
    const group = groups.get(requirement.grouping);
    if (group) group.push(requirement);
    else groups.set(requirement.grouping, [requirement]);
  }
  return [...groups];
}

/** The statement of applicability: the framework's figures, then each requirement with its controls. */
export function renderFrameworkRequirements(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  openSection(writer, section);
  const statement = content.framework;
  if (statement === null) {
    note(writer, 'No framework was chosen for this report, so there are no requirements to list.');
    return;
  }
  const { framework } = statement;
  drawKeyFigures(writer, [
    { label: 'Requirements met', value: String(statement.statusCounts.met), detail: `of ${framework.requirementsTotal} in ${framework.name} ${framework.version}` },
    {
      label: 'Framework score',
      value: formatScore(framework.score),
      valueColor: framework.grade ? theme.grade[framework.grade] : theme.muted,
      badge: framework.grade ? { text: framework.grade, style: { fill: theme.grade[framework.grade], color: '#ffffff', size: 9, weight: 'bold' } } : undefined,
      detail: framework.score === null ? 'No mapped control counts' : 'out of 100',
    },
    { label: 'Coverage', value: formatPercent(framework.coverage), detail: `${framework.requirementsCovered} of ${framework.requirementsTotal} requirements with evidence` },
  ]);
  drawStatusCounts(writer, statement.statusCounts);

  const statusCell = (requirement: StatementRequirementDto): Cell => badgeCell(writer, REQUIREMENT_STATUS_LABELS[requirement.status], statusBadge(theme, requirement.status));
  // The same column widths in every group's table, so the statement reads as one table.
  const refWidth = fitColumnWidth(writer, 'Ref', statement.requirements.map(refCell));
  const statusWidth = fitColumnWidth(writer, 'Status', statement.requirements.map(statusCell));
  for (const [grouping, requirements] of groupings(statement.requirements)) {
    writer.heading(grouping, 2);
    const rows = requirements.map((requirement): Cell[] => [
      refCell(requirement),
      requirement.title,
      statusCell(requirement),
      requirement.controls.length === 0
        ? { text: 'No control maps to this requirement', style: { color: theme.muted } }
        : {
            text: requirement.controls.flatMap((control, index): Span[] => [
              { text: `${index > 0 ? '\n' : ''}${control.name} ` },
              control.status === null
                ? { text: '(not evaluated)', color: theme.muted }
                : { text: `(${RESULT_STATUS_LABELS[control.status]})`, color: theme.status[control.status], weight: 'semibold' },
            ]),
          },
    ]);
    drawTable(writer, {
      columns: [
        { header: 'Ref', width: { points: refWidth } },
        { header: 'Requirement', width: 1.3 },
        { header: 'Status', width: { points: statusWidth } },
        { header: 'Supporting controls', width: 1.5 },
      ],
      rows,
      continuation: grouping,
    });
  }
}

function drawStatusCounts(writer: ReportWriter, counts: Record<RequirementStatus, number>): void {
  const { theme } = writer;
  const chips = REQUIREMENT_STATUSES.filter((status) => counts[status] > 0).map((status) => ({ text: `${REQUIREMENT_STATUS_LABELS[status]}: ${counts[status]}`, style: statusBadge(theme, status) }));
  if (chips.length === 0) return;
  const label = writer.layout('Requirements by status', theme.text.label);
  const height = badgeSize(writer, 'X', chips[0]!.style).height;
  // Chips wrap onto as many rows as they need.
  const rows: (typeof chips)[] = [[]];
  let width = 0;
  for (const chip of chips) {
    const chipWidth = badgeSize(writer, chip.text, chip.style).width + 6;
    if (width + chipWidth > writer.width && rows.at(-1)!.length > 0) {
      rows.push([]);
      width = 0;
    }
    rows.at(-1)!.push(chip);
    width += chipWidth;
  }
  const chipsTop = label.height + 5;
  writer.block(chipsTop + rows.length * (height + 5), (top) => {
    writer.drawText(label, writer.left, top);
    rows.forEach((row, index) => {
      let x = writer.left;
      for (const chip of row) x += drawBadge(writer, chip.text, x, top + chipsTop + index * (height + 5), chip.style) + 6;
    });
  });
  writer.gap(theme.space.block);
}
