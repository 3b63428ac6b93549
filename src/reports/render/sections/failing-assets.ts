import type { ReportContent, ReportSection } from '../../model/report-model.js';
import { drawTable, fitColumnWidth, type Cell } from '../layout/table.js';
import type { ReportWriter } from '../layout/writer.js';
import { note, openSection } from './common.js';

const nameCell = (name: string): Cell => ({ text: name, style: { weight: 'semibold' } });

/** The appendix: for each control, the assets that fail it and why, in tables that flow over pages. */
export function renderFailingAssets(writer: ReportWriter, content: ReportContent, section: ReportSection): void {
  const { theme } = writer;
  const { scorecard } = content;
  openSection(writer, section);
  const controls = scorecard.controls
    .filter((control) => (control.failingAssets?.length ?? 0) > 0)
    .toSorted((a, b) => b.pointsRecoverable - a.pointsRecoverable || a.name.localeCompare(b.name));
  if (controls.length === 0) {
    note(
      writer,
      scorecard.run.evidencePruned
        ? 'The asset-level detail of this evaluation has been removed by the retention policy; the results and scores above are unaffected.'
        : 'No asset fails a control in this evaluation.',
    );
    return;
  }
  // One width for the asset column in every table, so the appendix lines up from page to page.
  const assetWidth = fitColumnWidth(writer, 'Asset', controls.flatMap((control) => control.failingAssets!.map((asset) => nameCell(asset.name))));
  for (const control of controls) {
    const assets = control.failingAssets!;
    writer.heading(control.name, 2);
    writer.paragraph(`${assets.length} ${assets.length === 1 ? 'asset fails' : 'assets fail'} this control.`, theme.text.small, { gapAfter: 6, keepWithNext: true });
    drawTable(writer, {
      columns: [
        { header: 'Asset', width: { points: assetWidth } },
        { header: 'Reason', width: 1 },
      ],
      rows: assets.map((asset) => [nameCell(asset.name), asset.reason]),
      continuation: control.name,
    });
  }
}
