import type { PlaceholderValues } from '../templates/placeholders.js';
import type { ReportBranding } from '../model/report-model.js';
import type { ClientScorecardDto, StatementOfApplicabilityDto } from '../../scorecards/dto/client-scorecard.dto.js';
import { formatChange, formatDate, formatPercent, formatScore } from '../render/format.js';

const NONE = '—';

export interface PlaceholderSource {
  scorecard: ClientScorecardDto;
  framework: StatementOfApplicabilityDto | null;
  branding: ReportBranding;
  period: { from: Date; to: Date };
  generatedAt: Date;
}

/** Each placeholder's text, formatted as the report prints the same figure elsewhere. */
export function placeholderValues({ scorecard, framework, branding, period, generatedAt }: PlaceholderSource): PlaceholderValues {
  const counts = scorecard.counts;
  const evaluated = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return {
    'msp.name': branding.name,
    'client.name': scorecard.client.name,
    'client.baseline': scorecard.client.baseline ?? NONE,
    'report.date': formatDate(generatedAt),
    'period.start': formatDate(period.from),
    'period.end': formatDate(period.to),
    'run.date': formatDate(scorecard.run.evaluatedAt),
    score: formatScore(scorecard.score),
    grade: scorecard.grade ?? NONE,
    'change.previousRun': formatChange(scorecard.change.previousRun),
    'change.days30': formatChange(scorecard.change.days30),
    'change.sinceQbr': formatChange(scorecard.change.sinceQbr),
    'qbr.date': scorecard.lastQbr ? formatDate(scorecard.lastQbr.reviewedAt) : NONE,
    'controls.evaluated': String(evaluated),
    'controls.passing': String(counts.pass),
    'controls.failing': String(counts.fail + counts.partial),
    'controls.failingCritical': String(scorecard.failingCritical.length),
    'framework.name': framework?.framework.name ?? NONE,
    'framework.score': formatScore(framework?.framework.score ?? null),
    'framework.grade': framework?.framework.grade ?? NONE,
    'framework.coverage': framework ? formatPercent(framework.framework.coverage) : NONE,
  };
}
