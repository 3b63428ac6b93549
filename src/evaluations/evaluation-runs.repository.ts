import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import type { Position } from '../common/pagination/page.js';
import type { TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { EvaluationPhase, EvaluationRunRow, EvaluationTrigger, RunClientRow, RunSync } from '../database/schema.js';
import type { PortfolioScore } from '../scoring/scoring.js';

const RUN_COLUMNS = [
  'id', 'tenantId', 'trigger', 'requestedBy', 'scheduledFor', 'clientIds', 'sync', 'status', 'phase', 'total', 'done', 'failed', 'syncs', 'error',
  'portfolioScore', 'portfolioGrade', 'distribution', 'evidencePrunedAt', 'createdAt', 'startedAt', 'finishedAt',
] as const;

export interface NewRun {
  trigger: EvaluationTrigger;
  requestedBy: string;
  clientIds: string[] | null;
  sync: boolean;
  scheduledFor?: Date;
}

/** Where a run stands after some of its clients finished. */
export interface RunProgress {
  done: number;
  total: number;
  failed: number;
}

export type ClientOutcome =
  | {
      status: 'succeeded';
      score: number | null;
      grade: RunClientRow['grade'];
      earnedPoints: number;
      possiblePoints: number;
      counts: Record<string, number>;
      evaluatedAt: Date;
      noDataScoring: RunClientRow['noDataScoring'];
      evidenceAt: Date | null;
    }
  | { status: 'failed'; error: string; evaluatedAt: Date };

/** Runs and each client's part in them. */
@Injectable()
export class EvaluationRunsRepository {
  create(scope: TenantScope, run: NewRun): Promise<EvaluationRunRow> {
    return scope.db.insertInto('evaluationRuns').values({ ...run, tenantId: scope.tenantId }).returning(RUN_COLUMNS).executeTakeFirstOrThrow();
  }

  findById(scope: TenantScope, id: string): Promise<EvaluationRunRow | undefined> {
    return scope.db.selectFrom('evaluationRuns').select(RUN_COLUMNS).where('tenantId', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  list(scope: TenantScope, options: { limit: number; after?: Position }): Promise<(EvaluationRunRow & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('evaluationRuns')
      .select([...RUN_COLUMNS, sortKeyOf('evaluation_runs', 'createdAt').as('sortKey')])
      .where('tenantId', '=', scope.tenantId);
    if (options.after) query = query.where(afterPosition('evaluation_runs', 'createdAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }

  async start(scope: TenantScope, id: string, phase: EvaluationPhase, at: Date): Promise<void> {
    await scope.db
      .updateTable('evaluationRuns')
      .set((eb) => ({ status: 'running', phase, startedAt: eb.fn.coalesce('startedAt', sql<Date>`${at}::timestamptz`) }))
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .execute();
  }

  async recordSyncs(scope: TenantScope, id: string, syncs: RunSync[]): Promise<void> {
    await scope.db.updateTable('evaluationRuns').set({ syncs: JSON.stringify(syncs) }).where('tenantId', '=', scope.tenantId).where('id', '=', id).execute();
  }

  /**
   * Adds the run's clients (the requested ones, or every active client) as pending, each named as
   * it is now, and returns how many there are. Repeating it adds nothing.
   */
  async addClients(scope: TenantScope, run: Pick<EvaluationRunRow, 'id' | 'clientIds'>): Promise<number> {
    let clients = scope.db
      .selectFrom('clients')
      .select((eb) => [eb.val(scope.tenantId).as('tenantId'), eb.val(run.id).as('runId'), 'id', 'name', 'baseline'])
      .where('tenantId', '=', scope.tenantId)
      .where('status', '=', 'active');
    if (run.clientIds) clients = clients.where('id', 'in', run.clientIds.length > 0 ? run.clientIds : [sql<string>`null`]);
    await scope.db
      .insertInto('runClients')
      .columns(['tenantId', 'runId', 'clientId', 'clientName', 'baseline'])
      .expression(clients)
      .onConflict((conflict) => conflict.columns(['runId', 'clientId']).doNothing())
      .execute();
    const { count } = await scope.db.selectFrom('runClients').select((eb) => eb.fn.countAll<string>().as('count')).where('runId', '=', run.id).executeTakeFirstOrThrow();
    return Number(count);
  }

  /** A page of the run's client ids in id order, for fanning out without holding the portfolio in memory. */
  async clientIdsAfter(scope: TenantScope, runId: string, after: string | undefined, limit: number): Promise<string[]> {
    let query = scope.db.selectFrom('runClients').select('clientId').where('runId', '=', runId);
    if (after) query = query.where('clientId', '>', after);
    const rows = await query.orderBy('clientId').limit(limit).execute();
    return rows.map((row) => row.clientId);
  }

  async startEvaluating(scope: TenantScope, id: string, total: number): Promise<void> {
    await scope.db.updateTable('evaluationRuns').set({ phase: 'evaluating', total }).where('tenantId', '=', scope.tenantId).where('id', '=', id).execute();
  }

  /**
   * Records clients' outcomes and counts each once: a retried job that already counted replaces
   * its client's score but leaves the progress alone. Returns the run's progress, or undefined when
   * the run is already over.
   */
  async completeClients(scope: TenantScope, runId: string, outcomes: readonly (ClientOutcome & { clientId: string })[]): Promise<RunProgress | undefined> {
    let firstTimes = 0;
    let firstFailures = 0;
    let missing = false;
    for (const outcome of outcomes) {
      const values = outcome.status === 'succeeded'
        ? {
            status: outcome.status,
            score: outcome.score,
            grade: outcome.grade,
            earnedPoints: outcome.earnedPoints,
            possiblePoints: outcome.possiblePoints,
            counts: JSON.stringify(outcome.counts),
            error: null,
            evaluatedAt: outcome.evaluatedAt,
            noDataScoring: outcome.noDataScoring,
            evidenceAt: outcome.evidenceAt,
          }
        : { status: outcome.status, error: outcome.error, evaluatedAt: outcome.evaluatedAt };
      const updated = await scope.db
        .updateTable('runClients as rc')
        .from(scope.db.selectFrom('runClients').select(['runId', 'clientId', 'status as prior']).where('runId', '=', runId).where('clientId', '=', outcome.clientId).forUpdate().as('p'))
        .set(values)
        .whereRef('rc.runId', '=', 'p.runId')
        .whereRef('rc.clientId', '=', 'p.clientId')
        .returning('p.prior')
        .executeTakeFirst();
      if (!updated) missing = true;
      else if (updated.prior === 'pending') {
        firstTimes += 1;
        if (outcome.status === 'failed') firstFailures += 1;
      }
    }
    // A client deleted mid-run took its row with it: recount rather than guess.
    if (missing) return this.recount(scope, runId);
    return scope.db
      .updateTable('evaluationRuns')
      .set((eb) => ({ done: eb('done', '+', firstTimes), failed: eb('failed', '+', firstFailures) }))
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', runId)
      .where('status', '=', 'running')
      .returning(['done', 'total', 'failed'])
      .executeTakeFirst();
  }

  private recount(scope: TenantScope, runId: string): Promise<RunProgress | undefined> {
    const counts = scope.db
      .selectFrom('runClients')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.countAll<number>().filterWhere('status', '<>', 'pending').as('done'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'failed').as('failed'),
      ])
      .where('runId', '=', runId);
    return scope.db
      .updateTable('evaluationRuns')
      .set((eb) => ({ total: eb.selectFrom(counts.as('c')).select('c.total'), done: eb.selectFrom(counts.as('c')).select('c.done'), failed: eb.selectFrom(counts.as('c')).select('c.failed') }))
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', runId)
      .where('status', '=', 'running')
      .returning(['done', 'total', 'failed'])
      .executeTakeFirst();
  }

  /** Scores of the run's evaluated clients, for the portfolio figure. */
  async clientScores(scope: TenantScope, runId: string): Promise<(number | null)[]> {
    const rows = await scope.db.selectFrom('runClients').select('score').where('runId', '=', runId).where('status', '=', 'succeeded').execute();
    return rows.map((row) => row.score);
  }

  async finish(scope: TenantScope, id: string, outcome: { status: 'succeeded' | 'failed'; error?: string; portfolio?: PortfolioScore }, at: Date): Promise<void> {
    await scope.db
      .updateTable('evaluationRuns')
      .set({
        status: outcome.status,
        phase: null,
        error: outcome.error ?? null,
        portfolioScore: outcome.portfolio?.score ?? null,
        portfolioGrade: outcome.portfolio?.grade ?? null,
        distribution: outcome.portfolio ? JSON.stringify(outcome.portfolio.distribution) : null,
        finishedAt: at,
      })
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }

  /** The run's clients in name order, with their outcome. */
  clients(scope: TenantScope, runId: string, options: { limit: number; after?: Position; status?: RunClientRow['status'] }): Promise<(RunClientRow & { id: string; sortKey: string })[]> {
    let query = scope.db
      .selectFrom('runClients')
      .selectAll()
      .select([sortKeyOf('run_clients', 'clientName').as('sortKey'), sql<string>`run_clients.client_id`.as('id')])
      .where('runId', '=', runId);
    if (options.status) query = query.where('status', '=', options.status);
    if (options.after) query = query.where(afterPosition('run_clients', 'clientName', 'text', 'asc', options.after, 'clientId'));
    return query.orderBy('clientName').orderBy('clientId').limit(options.limit + 1).execute();
  }

  /** The first few failures, for a run's summary. */
  failures(scope: TenantScope, runId: string, limit: number): Promise<Pick<RunClientRow, 'clientId' | 'clientName' | 'error'>[]> {
    return scope.db.selectFrom('runClients').select(['clientId', 'clientName', 'error']).where('runId', '=', runId).where('status', '=', 'failed').orderBy('clientName').limit(limit).execute();
  }
}
