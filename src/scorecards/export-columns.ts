import type { ExportColumn } from '../common/export/stream-export.js';
import type { ScorecardControlResultDto } from './dto/client-scorecard.dto.js';
import type { HeatmapControlDto, HeatmapRowDto, PortfolioClientDto } from './dto/portfolio.dto.js';

/** The portfolio scorecard as a spreadsheet: one row per client, the same fields as the API. */
export const PORTFOLIO_COLUMNS: readonly ExportColumn<PortfolioClientDto>[] = [
  { header: 'client_id', value: (row) => row.clientId },
  { header: 'client', value: (row) => row.name },
  { header: 'baseline', value: (row) => row.baseline },
  { header: 'score', value: (row) => row.score },
  { header: 'grade', value: (row) => row.grade },
  { header: 'change_previous_run', value: (row) => row.change.previousRun },
  { header: 'change_30_days', value: (row) => row.change.days30 },
  { header: 'change_since_qbr', value: (row) => row.change.sinceQbr },
  { header: 'last_qbr_at', value: (row) => row.lastQbr?.reviewedAt },
  { header: 'failing_critical', value: (row) => row.failingCritical.length },
  { header: 'failing_critical_controls', value: (row) => row.failingCritical.map((control) => control.key).join('; ') },
  { header: 'evaluated_at', value: (row) => row.freshness.evaluatedAt },
  { header: 'evidence_at', value: (row) => row.freshness.evidenceAt },
  { header: 'stale', value: (row) => row.freshness.stale },
  { header: 'run_id', value: (row) => row.runId },
];

/** The heat map as a spreadsheet: a row per client, a column per control key. */
export function heatmapColumns(controls: readonly HeatmapControlDto[]): ExportColumn<HeatmapRowDto>[] {
  return [
    { header: 'client_id', value: (row) => row.clientId },
    { header: 'client', value: (row) => row.name },
    { header: 'score', value: (row) => row.score },
    { header: 'grade', value: (row) => row.grade },
    ...controls.map((control, index): ExportColumn<HeatmapRowDto> => ({ header: control.key, value: (row) => row.statuses[index] })),
  ];
}

/** A client's results: one row per control, evidence summarised in words. */
export const CONTROL_RESULT_COLUMNS: readonly ExportColumn<ScorecardControlResultDto>[] = [
  { header: 'control_key', value: (row) => row.key },
  { header: 'control', value: (row) => row.name },
  { header: 'category', value: (row) => row.category },
  { header: 'severity', value: (row) => row.severity },
  { header: 'weight', value: (row) => row.weight },
  { header: 'status', value: (row) => row.status },
  { header: 'fraction', value: (row) => row.fraction },
  { header: 'points', value: (row) => row.points },
  { header: 'earned', value: (row) => row.earned },
  { header: 'points_recoverable', value: (row) => row.pointsRecoverable },
  { header: 'summary', value: (row) => row.summary },
  { header: 'failing_assets', value: (row) => row.failingAssets?.map((asset) => asset.name).join('; ') },
  { header: 'exception_owner', value: (row) => row.exception?.owner },
  { header: 'exception_expires_at', value: (row) => row.exception?.expiresAt },
  { header: 'not_applicable_reason', value: (row) => row.notApplicableReason },
  { header: 'remediation', value: (row) => row.remediation },
];
