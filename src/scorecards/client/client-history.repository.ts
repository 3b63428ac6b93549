import { Injectable } from '@nestjs/common';
import { type RawBuilder, sql } from 'kysely';

import type { TenantScope } from '../../database/database.js';
import { MONTH_DAYS } from '../portfolio/portfolio-query.js';
import type { ClientScorecardRow, ControlResultRow, FrameworkRow, RunClientRow } from '../../database/schema.js';

export interface MappedRequirement {
  id: string;
  ref: string;
  title: string;
  grouping: string;
  controls: { controlId: string; key: string; name: string }[];
}

/** A client's successful evaluation as kept in history. */
export type Evaluation = RunClientRow & { evaluatedAt: Date; evidencePrunedAt: Date | null };

export interface Comparisons {
  /** Whether the evaluation is the client's current one. */
  current: boolean;
  previousScore: number | null;
  monthScore: number | null;
  qbrReviewedAt: Date | null;
  qbrScore: number | null;
}

export interface TrendRow {
  runId: string;
  score: number | null;
  grade: RunClientRow['grade'];
  counts: RunClientRow['counts'];
  evaluatedAt: Date;
}

export type StoredResult = Omit<ControlResultRow, 'tenantId' | 'runId' | 'clientId'> & { remediation: string | null };

const EVALUATION_COLUMNS = [
  'rc.tenantId',
  'rc.runId',
  'rc.clientId',
  'rc.clientName',
  'rc.baseline',
  'rc.status',
  'rc.score',
  'rc.grade',
  'rc.earnedPoints',
  'rc.possiblePoints',
  'rc.counts',
  'rc.error',
  'rc.evaluatedAt',
  'rc.noDataScoring',
  'rc.evidenceAt',
  'r.evidencePrunedAt',
] as const;

/** One client's evaluation history: which runs scored it, and what each run found. */
@Injectable()
export class ClientHistoryRepository {
  /** The evaluation `runId` made of the client, or its current one; only successful ones count. */
  async evaluation(scope: TenantScope, clientId: string, runId: string | undefined): Promise<Evaluation | undefined> {
    let query = scope.db
      .selectFrom('runClients as rc')
      .innerJoin('evaluationRuns as r', 'r.id', 'rc.runId')
      .select(EVALUATION_COLUMNS)
      .where('rc.clientId', '=', clientId)
      .where('rc.status', '=', 'succeeded');
    query = runId
      ? query.where('rc.runId', '=', runId)
      : query.where('rc.runId', '=', (eb) => eb.selectFrom('clientScorecards').select('runId').where('clientId', '=', clientId));
    return (await query.executeTakeFirst()) as Evaluation | undefined;
  }

  /**
   * What an evaluation is compared with, in one statement: for the current evaluation, the one it
   * replaced (as the portfolio shows it), otherwise the one before it; the latest at least 30 days
   * older; and the last QBR mark before it (before `now`, for the current evaluation).
   */
  async comparisons(scope: TenantScope, evaluation: Pick<Evaluation, 'clientId' | 'runId' | 'evaluatedAt'>, now: Date): Promise<Comparisons> {
    const { clientId, runId, evaluatedAt } = evaluation;
    const scoreBefore = (condition: RawBuilder<unknown>) => sql`(
      select rc.score from run_clients rc
      where rc.client_id = ${clientId} and rc.status = 'succeeded' and ${condition}
      order by rc.evaluated_at desc limit 1)`;
    const { rows } = await sql<Comparisons>`
      select
        coalesce(cs.run_id = ${runId}, false) as current,
        case when cs.run_id = ${runId} then cs.previous_score else ${scoreBefore(sql`rc.evaluated_at < ${evaluatedAt}`)} end as previous_score,
        ${scoreBefore(sql`rc.evaluated_at <= ${evaluatedAt}::timestamptz - make_interval(days => ${MONTH_DAYS})`)} as month_score,
        qbr.reviewed_at as qbr_reviewed_at,
        qbr.score as qbr_score
      from (select 1) as one
      left join client_scorecards cs on cs.client_id = ${clientId}
      left join lateral (
        select q.reviewed_at, q.score from qbr_marks q
        where q.client_id = ${clientId} and q.reviewed_at <= case when cs.run_id = ${runId} then ${now}::timestamptz else ${evaluatedAt}::timestamptz end
        order by q.reviewed_at desc limit 1
      ) qbr on true`.execute(scope.db);
    return rows[0]!;
  }

  /** The client's latest successful evaluation before `time` (or at it, when `inclusive`). */
  async evaluationBefore(scope: TenantScope, clientId: string, time: Date, inclusive: boolean): Promise<Evaluation | undefined> {
    return (await scope.db
      .selectFrom('runClients as rc')
      .innerJoin('evaluationRuns as r', 'r.id', 'rc.runId')
      .select(EVALUATION_COLUMNS)
      .where('rc.clientId', '=', clientId)
      .where('rc.status', '=', 'succeeded')
      .where('rc.evaluatedAt', inclusive ? '<=' : '<', time)
      .orderBy('rc.evaluatedAt', 'desc')
      .limit(1)
      .executeTakeFirst()) as Evaluation | undefined;
  }

  /** The client's current evaluation and the one it replaced, as the portfolio shows them. */
  current(scope: TenantScope, clientId: string): Promise<Pick<ClientScorecardRow, 'runId' | 'previousRunId' | 'previousScore'> | undefined> {
    return scope.db.selectFrom('clientScorecards').select(['runId', 'previousRunId', 'previousScore']).where('clientId', '=', clientId).executeTakeFirst();
  }

  /** Every control's stored result, with the catalog's remediation text where the control still exists. */
  results(scope: TenantScope, runId: string, clientId: string): Promise<StoredResult[]> {
    return scope.db
      .selectFrom('controlResults as cr')
      .leftJoin('controls as c', 'c.id', 'cr.controlId')
      .select([
        'cr.controlId',
        'cr.controlKey',
        'cr.name',
        'cr.category',
        'cr.severity',
        'cr.weight',
        'cr.status',
        'cr.fraction',
        'cr.points',
        'cr.earned',
        'cr.pointsRecoverable',
        'cr.summary',
        'cr.evidence',
        'cr.failingAssets',
        'cr.exception',
        'cr.notApplicableReason',
        'c.remediation',
      ])
      .where('cr.runId', '=', runId)
      .where('cr.clientId', '=', clientId)
      .orderBy('cr.pointsRecoverable', 'desc')
      .orderBy('cr.controlKey')
      .execute();
  }

  frameworkScores(scope: TenantScope, runId: string, clientId: string, frameworkId?: string) {
    let query = scope.db
      .selectFrom('frameworkScores as fs')
      .innerJoin('frameworks as f', 'f.id', 'fs.frameworkId')
      .select(['fs.frameworkId', 'f.key', 'f.name', 'f.version', 'fs.score', 'fs.grade', 'fs.coverage', 'fs.requirementsCovered', 'fs.requirementsTotal'])
      .where('fs.runId', '=', runId)
      .where('fs.clientId', '=', clientId);
    if (frameworkId) query = query.where('fs.frameworkId', '=', frameworkId);
    return query.orderBy('f.name').execute();
  }

  /** Successful evaluations in a period, oldest first. */
  async trend(scope: TenantScope, clientId: string, from: Date, to: Date): Promise<TrendRow[]> {
    const rows = await scope.db
      .selectFrom('runClients')
      .select(['runId', 'score', 'grade', 'counts', 'evaluatedAt'])
      .where('clientId', '=', clientId)
      .where('status', '=', 'succeeded')
      .where('evaluatedAt', '>=', from)
      .where('evaluatedAt', '<=', to)
      .orderBy('evaluatedAt')
      .execute();
    return rows.map((row) => ({ ...row, evaluatedAt: row.evaluatedAt! }));
  }

  /** A framework the tenant can see: built-in or its own. */
  framework(scope: TenantScope, frameworkId: string): Promise<Pick<FrameworkRow, 'id' | 'key' | 'name' | 'version'> | undefined> {
    return scope.db
      .selectFrom('frameworks')
      .select(['id', 'key', 'name', 'version'])
      .where('id', '=', frameworkId)
      .where((eb) => eb.or([eb('tenantId', 'is', null), eb('tenantId', '=', scope.tenantId)]))
      .executeTakeFirst();
  }

  /** The framework's requirements in order, each with the catalog controls (not retired) mapped to it. */
  async requirements(scope: TenantScope, frameworkId: string): Promise<MappedRequirement[]> {
    const rows = await scope.db
      .selectFrom('frameworkRequirements as r')
      .leftJoin('controlMappings as m', 'm.requirementId', 'r.id')
      .leftJoin('controls as c', (join) => join.onRef('c.id', '=', 'm.controlId').on('c.retiredAt', 'is', null))
      .select([
        'r.id',
        'r.ref',
        'r.title',
        'r.grouping',
        sql<MappedRequirement['controls']>`coalesce(jsonb_agg(jsonb_build_object('controlId', c.id, 'key', c.key, 'name', c.name) order by c.key) filter (where c.id is not null), '[]')`.as('controls'),
      ])
      .where('r.frameworkId', '=', frameworkId)
      .groupBy(['r.id', 'r.ref', 'r.title', 'r.grouping', 'r.position'])
      .orderBy('r.position')
      .execute();
    return rows;
  }
}
