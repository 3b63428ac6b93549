import type { ClientScorecardDto, ScorecardControlResultDto } from '../../scorecards/dto/client-scorecard.dto.js';
import { formatDate, formatScore } from '../render/format.js';

/** How many fixes the summary names: enough to act on, few enough to remember. */
const TOP_FIXES = 3;

/**
 * The executive summary in plain language, for the owner of the client business: where the score
 * stands, how it moved, what is critical, and what to fix first. Every figure is the scorecard's.
 */
export function executiveSummary(scorecard: ClientScorecardDto): string[] {
  const client = scorecard.client.name;
  const paragraphs: string[] = [];
  if (scorecard.score === null) {
    paragraphs.push(`${client} has no score for the evaluation of ${formatDate(scorecard.run.evaluatedAt)}: none of its controls produced a result that counts towards the score (they were not applicable, covered by accepted risks or without evidence).`);
  } else {
    paragraphs.push(`${client} scores ${formatScore(scorecard.score)} out of 100, grade ${scorecard.grade}, in the evaluation of ${formatDate(scorecard.run.evaluatedAt)}. ${movement(scorecard)}`);
  }
  paragraphs.push(statusSentence(scorecard));
  paragraphs.push(criticalSentence(scorecard));
  const fixes = topFixes(scorecard.controls);
  if (fixes.length > 0) {
    const gain = fixes.reduce((sum, control) => sum + control.pointsRecoverable, 0);
    const names = listOf(fixes.map((control) => control.name));
    paragraphs.push(
      fixes.length === 1
        ? `The fix with the most points at stake is ${names}: it would add ${formatScore(gain)} points.`
        : `Fixing the ${fixes.length} controls with the most points at stake (${names}) would add about ${formatScore(gain)} points.`,
    );
  }
  if (scorecard.freshness.stale) {
    paragraphs.push('Some of the evidence behind this evaluation is more than a week old, or the client was not evaluated in the last two days: the next evaluation may move the score.');
  }
  return paragraphs;
}

function movement(scorecard: ClientScorecardDto): string {
  const { sinceQbr, previousRun } = scorecard.change;
  if (scorecard.lastQbr && sinceQbr !== null) {
    return `${direction(sinceQbr)} the last review on ${formatDate(scorecard.lastQbr.reviewedAt)}, when it was ${formatScore(scorecard.lastQbr.score)}.`;
  }
  if (previousRun !== null) return `${direction(previousRun)} the previous evaluation.`;
  return 'This is its first evaluation, so there is no earlier score to compare with.';
}

function direction(change: number): string {
  if (change > 0) return `That is ${formatScore(change)} points higher than at`;
  if (change < 0) return `That is ${formatScore(-change)} points lower than at`;
  return 'That is the same as at';
}

function statusSentence(scorecard: ClientScorecardDto): string {
  const counts = scorecard.counts;
  const evaluated = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const parts = [`${counts.pass} pass`];
  if (counts.partial > 0) parts.push(`${counts.partial} pass only partly`);
  parts.push(`${counts.fail} fail`);
  const aside = [
    counts.not_applicable > 0 ? `${counts.not_applicable} do not apply` : null,
    counts.excepted > 0 ? `${counts.excepted} ${counts.excepted === 1 ? 'is' : 'are'} covered by an accepted risk` : null,
    counts.no_data > 0 ? `${counts.no_data} had no evidence yet` : null,
    counts.error > 0 ? `${counts.error} could not be checked` : null,
  ].filter((part): part is string => part !== null);
  return `Of ${evaluated} controls evaluated, ${listOf(parts)}${aside.length > 0 ? `; ${listOf(aside)}` : ''}.`;
}

function criticalSentence(scorecard: ClientScorecardDto): string {
  const critical = scorecard.failingCritical;
  if (critical.length === 0) return 'No critical control is failing.';
  const names = listOf(critical.map((control) => control.name));
  return critical.length === 1 ? `One critical control needs attention: ${names}.` : `${critical.length} critical controls need attention: ${names}.`;
}

/** The controls whose fix adds most, as the report's fix list orders them. */
export function topFixes(controls: readonly ScorecardControlResultDto[], limit = TOP_FIXES): ScorecardControlResultDto[] {
  return controls
    .filter((control) => control.pointsRecoverable > 0)
    .toSorted((a, b) => b.pointsRecoverable - a.pointsRecoverable || a.name.localeCompare(b.name))
    .slice(0, limit);
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
