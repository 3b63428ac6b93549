import type { ScorecardControlResultDto } from '../../../scorecards/dto/client-scorecard.dto.js';
import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { formatScore, humanise } from '../format.js';
import { RESULT_STATUS_LABELS, SEVERITY_LABELS } from '../labels.js';
import { badgeSize, drawBadge } from '../layout/badge.js';
import { cardInnerWidth, drawCard, type CardItem, type CardStyle } from '../layout/card.js';
import type { ReportWriter } from '../layout/writer.js';
import { tint } from '../theme.js';
import { note, openSection } from './common.js';

/** Failing and partial controls, the fix worth most first (ties by name, for a stable order). */
export function failingControls(controls: readonly ScorecardControlResultDto[]): ScorecardControlResultDto[] {
  return controls
    .filter((control) => control.status === 'fail' || control.status === 'partial')
    .toSorted((a, b) => b.pointsRecoverable - a.pointsRecoverable || a.name.localeCompare(b.name));
}

/** One card per control to fix: what it is, how bad, what the evidence says and how to fix it. */
export function renderFailingControls(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  openSection(writer, section);
  const all = failingControls(content.scorecard.controls);
  if (all.length === 0) {
    const { counts, client } = content.scorecard;
    const unknown = counts.no_data + counts.error;
    note(
      writer,
      `No control fails or passes only partly for ${client.name}.` +
        (unknown > 0 ? ` ${unknown} ${unknown === 1 ? 'control has' : 'controls have'} no result yet (no evidence, or the check could not run) and ${unknown === 1 ? 'is' : 'are'} not listed here.` : ' Every evaluated control passes or is covered by a decision on record.'),
    );
    return;
  }
  const shown = section.limit === null ? all : all.slice(0, section.limit);
  if (shown.length < all.length) {
    note(writer, `The ${shown.length} with the most points at stake, of ${all.length} controls that fail or pass only partly.`);
  }
  for (const control of shown) drawControlCard(writer, control);
}

function drawControlCard(writer: ReportWriter, control: ScorecardControlResultDto): void {
  const { theme } = writer;
  const style: CardStyle = { stripe: theme.severity[control.severity], background: '#f7f8fa', padding: 11 };
  const width = cardInnerWidth(writer, style);
  const items: CardItem[] = [];

  const severity = { text: `${SEVERITY_LABELS[control.severity]} severity`, style: { fill: theme.severity[control.severity], color: '#ffffff' } };
  const status = {
    text: control.status === 'partial' && control.fraction !== null ? `Partial (${Math.round(control.fraction * 100)}%)` : RESULT_STATUS_LABELS[control.status],
    style: { fill: tint(theme.status[control.status], 0.14), color: theme.status[control.status] },
  };
  const category = { text: humanise(control.category), style: { fill: '#ffffff', color: theme.muted, weight: 'regular' as const } };
  const recoverable = writer.layout(
    [
      { text: `+${formatScore(control.pointsRecoverable)}`, weight: 'bold' },
      { text: ' points if fixed', color: theme.muted },
    ],
    theme.text.table,
    width / 2,
  );
  const badgeHeight = badgeSize(writer, severity.text, severity.style).height;
  items.push({
    height: Math.max(badgeHeight, recoverable.height),
    draw: (x, y) => {
      let left = x;
      for (const badge of [severity, status, category]) left += drawBadge(writer, badge.text, left, y, badge.style) + 5;
      writer.drawText(recoverable, x + width - recoverable.width, y + (badgeHeight - recoverable.height) / 2);
    },
  });

  // The name in full, wrapped, never cut.
  const name = writer.layout(control.name, { ...theme.text.h2, size: 11.5 }, width);
  items.push({ height: name.height, gapBefore: 6, draw: (x, y) => writer.drawText(name, x, y) });

  const evidence = writer.layout([{ text: 'Evidence: ', weight: 'semibold' }, { text: control.summary }], theme.text.small, width);
  items.push({ height: evidence.height, gapBefore: 3, draw: (x, y) => writer.drawText(evidence, x, y) });

  const label = writer.layout('How to fix', { ...theme.text.label, color: theme.primary }, width);
  items.push({ height: label.height, gapBefore: 8, draw: (x, y) => writer.drawText(label, x, y) });
  const remediation = control.remediation?.trim();
  if (!remediation) {
    const none = writer.layout('The catalog has no remediation guidance for this control.', { ...theme.text.table, color: theme.muted }, width);
    items.push({ height: none.height, gapBefore: 2, draw: (x, y) => writer.drawText(none, x, y) });
  } else {
    // Line by line, so a remediation longer than a page can continue on the next.
    remediation.split(/\n[ \t]*\n/).forEach((paragraph, index) => {
      const block = writer.layout(paragraph.trim(), { ...theme.text.body, size: 9 }, width);
      block.lines.forEach((line, lineIndex) => {
        items.push({
          height: block.lineHeight,
          gapBefore: lineIndex === 0 ? (index === 0 ? 2 : 5) : 0,
          draw: (x, y) => writer.drawText({ ...block, lines: [line], height: block.lineHeight }, x, y),
        });
      });
    });
  }
  // Badges, name, evidence, label and the first lines of the fix stay together.
  drawCard(writer, items, style, 6);
  writer.gap(10);
}
