import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { formatDate } from '../format.js';
import { badgeCell } from '../layout/badge.js';
import { drawTable, type Cell } from '../layout/table.js';
import type { ReportWriter } from '../layout/writer.js';
import { tint } from '../theme.js';
import { note, openSection } from './common.js';

/** Accepted risks with their owners and expiry, and a block for the client to sign them off. */
export function renderAcceptedRisks(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  const { exceptions, client } = content.scorecard;
  openSection(writer, section);
  if (exceptions.length === 0) {
    note(writer, `${client.name} has no accepted risks on record: every control counts in the score on its evidence.`);
    return;
  }
  const rows = exceptions.map((exception): Cell[] => {
    const expired = exception.state === 'expired';
    return [
      { text: exception.controlName, style: { weight: 'semibold' } },
      exception.owner,
      exception.reason,
      exception.compensatingControl ?? { text: 'None', style: { color: theme.muted } },
      { text: formatDate(exception.expiresAt), style: expired ? { color: theme.negative, weight: 'semibold' } : {} },
      badgeCell(writer, expired ? 'Expired' : 'Active', expired ? { fill: tint(theme.negative, 0.14), color: theme.negative } : { fill: tint(theme.positive, 0.14), color: theme.positive }),
    ];
  });
  drawTable(writer, {
    columns: [
      { header: 'Control', width: 1.2 },
      { header: 'Owner', width: 1 },
      { header: 'Reason', width: 1.7 },
      { header: 'Compensating control', width: 1.4 },
      { header: 'Expires', width: 'fit' },
      { header: 'State', width: 'fit' },
    ],
    rows,
  });
  const expired = exceptions.filter((exception) => exception.state === 'expired').length;
  if (expired > 0) {
    note(writer, `${expired} accepted ${expired === 1 ? 'risk has' : 'risks have'} expired: ${expired === 1 ? 'its control scores' : 'their controls score'} on the evidence again until the risk is reviewed.`);
  }
  drawSignatureBlock(writer, client.name);
}

function drawSignatureBlock(writer: ReportWriter, clientName: string): void {
  const { doc, theme } = writer;
  const title = writer.layout(`Accepted on behalf of ${clientName}`, theme.text.h3);
  const fields = ['Name', 'Signature', 'Date'];
  const gap = 18;
  const fieldWidth = (writer.width - gap * (fields.length - 1)) / fields.length;
  const lineRoom = 34;
  const label = writer.layout('Name', theme.text.caption);
  const height = title.height + 8 + lineRoom + label.height;
  writer.gap(theme.space.block + 6);
  writer.block(height, (top) => {
    writer.drawText(title, writer.left, top);
    const lineY = top + title.height + 8 + lineRoom;
    fields.forEach((field, index) => {
      const x = writer.left + index * (fieldWidth + gap);
      doc.moveTo(x, lineY).lineTo(x + fieldWidth, lineY).lineWidth(0.7).stroke(theme.faint);
      writer.drawText(writer.layout(field, theme.text.caption, fieldWidth), x, lineY + 3);
    });
  });
}
