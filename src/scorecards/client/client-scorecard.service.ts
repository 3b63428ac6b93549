import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';

import { AuditRepository } from '../../audit/audit.repository.js';
import type { Caller } from '../../auth/caller.js';
import { ClientsRepository } from '../../clients/clients.repository.js';
import type { ExceptionSummary } from '../../controls/engine/exceptions.js';
import { decodeCursor, type Page, type PageQueryDto, toPage } from '../../common/pagination/page.js';
import { isUuidText } from '../../common/validation/uuid.js';
import { Database, type TenantScope } from '../../database/database.js';
import type { QbrMarkRow } from '../../database/schema.js';
import { scoreChange, scoreFramework } from '../../scoring/scoring.js';
import type {
  ChangesDto,
  ChangesQueryDto,
  ClientScorecardDto,
  ScorecardControlResultDto,
  EvaluationRefDto,
  QbrMarkDto,
  QbrMarkRequestDto,
  ScorecardExceptionDto,
  ScorecardRunDto,
  StatementOfApplicabilityDto,
  TrendDto,
  TrendQueryDto,
} from '../dto/client-scorecard.dto.js';
import { failingCriticalControls } from '../../controls/engine/failing-critical.js';
import { isStale } from '../portfolio/portfolio-query.js';
import { queryKey, ScorecardCache } from '../scorecard-cache.js';
import { scoreCategories } from './category-scores.js';
import { ClientHistoryRepository, type Evaluation, type StoredResult } from './client-history.repository.js';
import { QbrMarksRepository } from './qbr-marks.repository.js';
import { compareResults } from './result-changes.js';
import { REQUIREMENT_STATUSES, type RequirementStatus, requirementStatus } from './statement-of-applicability.js';

const DEFAULT_TREND_DAYS = 90;
const DAY_MS = 86_400_000;

/** One client's scorecard, history, reviews and framework statements, all from stored results. */
@Injectable()
export class ClientScorecardService {
  constructor(
    private readonly database: Database,
    private readonly history: ClientHistoryRepository,
    private readonly qbrMarks: QbrMarksRepository,
    private readonly clients: ClientsRepository,
    private readonly audit: AuditRepository,
    private readonly cache: ScorecardCache,
  ) {}

  scorecard(caller: Caller, clientId: string, runId: string | undefined, now = new Date()): Promise<ClientScorecardDto> {
    return this.cache.through(caller.tenantId, queryKey(`clients/${clientId}/scorecard`, { runId }), () => this.computeScorecard(caller, clientId, runId, now));
  }

  private computeScorecard(caller: Caller, clientId: string, runId: string | undefined, now: Date): Promise<ClientScorecardDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const evaluation = await this.evaluationOrThrow(scope, clientId, runId);
      const results = await this.history.results(scope, evaluation.runId, clientId);
      const compared = await this.history.comparisons(scope, evaluation, now);
      const frameworks = await this.history.frameworkScores(scope, evaluation.runId, clientId);
      const current = compared.current;
      return {
        client: { id: clientId, name: evaluation.clientName, baseline: evaluation.baseline },
        run: runOf(evaluation, current),
        score: evaluation.score,
        grade: evaluation.grade,
        earnedPoints: evaluation.earnedPoints ?? 0,
        possiblePoints: evaluation.possiblePoints ?? 0,
        counts: evaluation.counts!,
        change: {
          previousRun: scoreChange(evaluation.score, compared.previousScore),
          days30: scoreChange(evaluation.score, compared.monthScore),
          sinceQbr: scoreChange(evaluation.score, compared.qbrScore),
        },
        lastQbr: compared.qbrReviewedAt ? { reviewedAt: compared.qbrReviewedAt.toISOString(), score: compared.qbrScore } : null,
        freshness: { evaluatedAt: evaluation.evaluatedAt.toISOString(), evidenceAt: evaluation.evidenceAt?.toISOString() ?? null, stale: current && isStale(evaluation.evaluatedAt, evaluation.evidenceAt, now) },
        failingCritical: failingCriticalControls(results, results),
        categories: scoreCategories(results, { noData: evaluation.noDataScoring }).map(({ earnedPoints: _earned, possiblePoints: _possible, ...category }) => category),
        frameworks,
        controls: results.map(toControlResult),
        exceptions: exceptionsOf(results),
      };
    });
  }

  /** Every stored result of a client's evaluation, for the export. */
  results(caller: Caller, clientId: string, runId: string | undefined): Promise<{ evaluation: Evaluation; controls: ScorecardControlResultDto[] }> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const evaluation = await this.evaluationOrThrow(scope, clientId, runId);
      return { evaluation, controls: (await this.history.results(scope, evaluation.runId, clientId)).map(toControlResult) };
    });
  }

  trend(caller: Caller, clientId: string, query: TrendQueryDto, now = new Date()): Promise<TrendDto> {
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_TREND_DAYS * DAY_MS);
    if (from > to) throw new BadRequestException({ message: 'from must be before to', details: [{ field: 'from', message: 'must be before to' }] });
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.clientOrThrow(scope, clientId);
      const [points, marks] = await Promise.all([this.history.trend(scope, clientId, from, to), this.qbrMarks.inPeriod(scope, clientId, from, to)]);
      return {
        clientId,
        from: from.toISOString(),
        to: to.toISOString(),
        points: points.map((point) => ({ runId: point.runId, evaluatedAt: point.evaluatedAt.toISOString(), score: point.score, grade: point.grade, counts: point.counts! })),
        qbrMarks: marks.map(toQbrMark),
      };
    });
  }

  markQbr(caller: Caller, clientId: string, request: QbrMarkRequestDto, now = new Date()): Promise<QbrMarkDto> {
    const reviewedAt = request.reviewedAt ? new Date(request.reviewedAt) : now;
    if (reviewedAt > now) throw new BadRequestException({ message: 'reviewedAt must not be in the future', details: [{ field: 'reviewedAt', message: 'must not be in the future' }] });
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.clientOrThrow(scope, clientId);
      const reviewed = await this.history.evaluationBefore(scope, clientId, reviewedAt, true);
      const mark = await this.qbrMarks.create(scope, {
        clientId,
        reviewedAt,
        note: request.note ?? null,
        createdBy: caller.actor.label,
        runId: reviewed?.runId ?? null,
        score: reviewed?.score ?? null,
        grade: reviewed?.grade ?? null,
      });
      await this.audit.record(scope, caller, { action: 'qbr.marked', target: { type: 'client', id: clientId }, details: { qbrMarkId: mark.id, reviewedAt: mark.reviewedAt.toISOString(), runId: mark.runId } });
      return toQbrMark(mark);
    });
  }

  qbrMarkPage(caller: Caller, clientId: string, query: PageQueryDto): Promise<Page<QbrMarkDto>> {
    const after = decodeCursor(query.cursor, '-reviewedAt');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.clientOrThrow(scope, clientId);
      return toPage(await this.qbrMarks.list(scope, clientId, { limit: query.limit, after }), query.limit, '-reviewedAt', toQbrMark);
    });
  }

  deleteQbrMark(caller: Caller, clientId: string, markId: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const deleted = await this.qbrMarks.delete(scope, clientId, markId);
      if (!deleted) throw new NotFoundException(`QBR mark ${markId} of client ${clientId} not found`);
      await this.audit.record(scope, caller, { action: 'qbr.unmarked', target: { type: 'client', id: clientId }, details: { qbrMarkId: markId, reviewedAt: deleted.reviewedAt.toISOString() } });
    });
  }

  changes(caller: Caller, clientId: string, query: ChangesQueryDto): Promise<ChangesDto> {
    const since = query.since === undefined ? undefined : parseSince(query.since);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const to = await this.evaluationOrThrow(scope, clientId, query.until);
      const from = await this.sinceEvaluation(scope, clientId, since, to);
      const [before, after] = await Promise.all([this.history.results(scope, from.runId, clientId), this.history.results(scope, to.runId, clientId)]);
      return { clientId, from: refOf(from), to: refOf(to), scoreChange: scoreChange(to.score, from.score), changes: compareResults(before, after) };
    });
  }

  framework(caller: Caller, clientId: string, frameworkId: string, runId: string | undefined): Promise<StatementOfApplicabilityDto> {
    return this.cache.through(caller.tenantId, queryKey(`clients/${clientId}/frameworks/${frameworkId}`, { runId }), () => this.computeFramework(caller, clientId, frameworkId, runId));
  }

  private computeFramework(caller: Caller, clientId: string, frameworkId: string, runId: string | undefined): Promise<StatementOfApplicabilityDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const framework = await this.history.framework(scope, frameworkId);
      if (!framework) throw new NotFoundException(`Framework ${frameworkId} not found`);
      const evaluation = await this.evaluationOrThrow(scope, clientId, runId);
      const [requirements, results, [stored], standing] = await Promise.all([
        this.history.requirements(scope, frameworkId),
        this.history.results(scope, evaluation.runId, clientId),
        this.history.frameworkScores(scope, evaluation.runId, clientId, frameworkId),
        this.history.current(scope, clientId),
      ]);
      const byControl = new Map(results.map((result) => [result.controlId, result]));
      const rows = requirements.map((requirement) => {
        const supporting = requirement.controls.map((control) => ({ ...control, result: byControl.get(control.controlId) }));
        const evaluated = supporting.flatMap((control) => (control.result ? [control.result] : []));
        const status = requirementStatus(requirement.controls.length, evaluated);
        return {
          id: requirement.id,
          ref: requirement.ref,
          title: requirement.title,
          grouping: requirement.grouping,
          status,
          covered: evaluated.some((result) => ['pass', 'partial', 'fail', 'excepted'].includes(result.status)),
          controls: supporting.map(({ controlId, key, name, result }) => ({ controlId, key, name, status: result?.status ?? null, fraction: result?.fraction ?? null, summary: result?.summary ?? null })),
        };
      });
      // A framework added after the run has no stored score: the same formula over the stored results.
      const score = stored ?? {
        ...framework,
        frameworkId: framework.id,
        ...scoreFramework(results, requirements.map((requirement) => ({ requirementId: requirement.id, controlIds: requirement.controls.map((control) => control.controlId) })), { noData: evaluation.noDataScoring }),
      };
      return {
        framework: { frameworkId: framework.id, key: framework.key, name: framework.name, version: framework.version, score: score.score, grade: score.grade, coverage: score.coverage, requirementsCovered: score.requirementsCovered, requirementsTotal: score.requirementsTotal },
        client: { id: clientId, name: evaluation.clientName, baseline: evaluation.baseline },
        run: runOf(evaluation, standing?.runId === evaluation.runId),
        statusCounts: Object.fromEntries(REQUIREMENT_STATUSES.map((status) => [status, rows.filter((row) => row.status === status).length])) as Record<RequirementStatus, number>,
        requirements: rows,
      };
    });
  }

  /** The evaluation before `evaluation`: for the current one, the one it replaced, as everywhere else. */
  private async previousOf(scope: TenantScope, clientId: string, evaluation: Evaluation): Promise<Evaluation | undefined> {
    const standing = await this.history.current(scope, clientId);
    if (standing?.runId === evaluation.runId) return standing.previousRunId ? this.history.evaluation(scope, clientId, standing.previousRunId) : undefined;
    return this.history.evaluationBefore(scope, clientId, evaluation.evaluatedAt, false);
  }

  private async clientOrThrow(scope: TenantScope, clientId: string): Promise<void> {
    if (!(await this.clients.findById(scope, clientId))) throw new NotFoundException(`Client ${clientId} not found`);
  }

  private async evaluationOrThrow(scope: TenantScope, clientId: string, runId: string | undefined): Promise<Evaluation> {
    const evaluation = await this.history.evaluation(scope, clientId, runId);
    if (evaluation) return evaluation;
    await this.clientOrThrow(scope, clientId);
    throw new NotFoundException(
      runId ? `Client ${clientId} has no results in evaluation run ${runId}` : `Client ${clientId} has not been evaluated yet; POST /api/v1/evaluations to evaluate it`,
    );
  }

  private async sinceEvaluation(scope: TenantScope, clientId: string, since: { runId: string } | { time: Date } | undefined, to: Evaluation): Promise<Evaluation> {
    const found = since === undefined
      ? await this.previousOf(scope, clientId, to)
      : 'runId' in since
        ? await this.history.evaluation(scope, clientId, since.runId)
        : await this.history.evaluationBefore(scope, clientId, since.time, true);
    if (found) return found;
    throw new NotFoundException(
      since === undefined
        ? `Client ${clientId} has no evaluation before run ${to.runId} to compare with`
        : 'runId' in since
          ? `Client ${clientId} has no results in evaluation run ${since.runId}`
          : `Client ${clientId} has no evaluation at or before ${since.time.toISOString()}`,
    );
  }
}

function parseSince(since: string): { runId: string } | { time: Date } {
  if (isUuidText(since)) return { runId: since };
  const time = new Date(since);
  if (!/^\d{4}-\d{2}-\d{2}/.test(since) || Number.isNaN(time.getTime())) {
    throw new BadRequestException({ message: 'since must be a run id or an ISO 8601 date-time', details: [{ field: 'since', message: 'must be a run id or an ISO 8601 date-time' }] });
  }
  return { time };
}

function runOf(evaluation: Evaluation, current: boolean): ScorecardRunDto {
  return { id: evaluation.runId, evaluatedAt: evaluation.evaluatedAt.toISOString(), current, evidencePruned: evaluation.evidencePrunedAt !== null };
}

function refOf(evaluation: Evaluation): EvaluationRefDto {
  return { runId: evaluation.runId, evaluatedAt: evaluation.evaluatedAt.toISOString(), score: evaluation.score, grade: evaluation.grade };
}

function toControlResult(result: StoredResult): ScorecardControlResultDto {
  return {
    controlId: result.controlId,
    key: result.controlKey,
    name: result.name,
    category: result.category,
    severity: result.severity,
    weight: result.weight,
    status: result.status,
    fraction: result.fraction,
    points: result.points,
    earned: result.earned,
    pointsRecoverable: result.pointsRecoverable,
    summary: result.summary,
    evidence: result.evidence,
    failingAssets: result.failingAssets,
    exception: result.exception,
    notApplicableReason: result.notApplicableReason,
    remediation: result.remediation,
  };
}

/** Accepted risks in force, then the expired ones the evaluation noted beside their result. */
function exceptionsOf(results: readonly StoredResult[]): ScorecardExceptionDto[] {
  const active = results.flatMap((result) => (result.exception ? [entry(result, result.exception, 'active')] : []));
  const expired = results.flatMap((result) => {
    const noted = result.evidence?.expiredException as ExceptionSummary | undefined;
    return noted ? [entry(result, noted, 'expired')] : [];
  });
  return [...active.toSorted((a, b) => a.expiresAt.localeCompare(b.expiresAt)), ...expired];
}

function entry(result: StoredResult, exception: ExceptionSummary, state: 'active' | 'expired'): ScorecardExceptionDto {
  return { ...exception, controlId: result.controlId, controlKey: result.controlKey, controlName: result.name, state };
}

function toQbrMark(mark: QbrMarkRow): QbrMarkDto {
  return {
    id: mark.id,
    clientId: mark.clientId,
    reviewedAt: mark.reviewedAt.toISOString(),
    note: mark.note,
    runId: mark.runId,
    score: mark.score,
    grade: mark.grade,
    createdBy: mark.createdBy,
    createdAt: mark.createdAt.toISOString(),
  };
}
