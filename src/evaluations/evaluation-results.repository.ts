import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import type { ControlResult } from '../controls/engine/evaluate-control.js';
import { Database, type TenantScope } from '../database/database.js';
import type { ControlScore, FrameworkScore } from '../scoring/scoring.js';

export interface ScoredFramework {
  frameworkId: string;
  score: FrameworkScore;
}

/** One client's evaluation as stored: each control's result with its share of the score, and each framework's score. */
export interface ClientResults {
  clientId: string;
  results: readonly ControlResult[];
  controlScores: readonly ControlScore[];
  frameworks: readonly ScoredFramework[];
}

/** 19 columns a row: well under PostgreSQL's 65,535 parameters a statement. */
const RESULT_ROWS_PER_INSERT = 2000;

/** Stored results of a run: control by control and framework by framework, for each client. */
@Injectable()
export class EvaluationResultsRepository {
  constructor(private readonly database: Database) {}

  /** Writes clients' results for a run, replacing whatever an earlier attempt wrote for them. */
  async replace(scope: TenantScope, runId: string, clients: readonly ClientResults[]): Promise<void> {
    if (clients.length === 0) return;
    const clientIds = clients.map((client) => client.clientId);
    await scope.db
      .with('clearedFrameworks', (db) => db.deleteFrom('frameworkScores').where('runId', '=', runId).where('clientId', 'in', clientIds))
      .deleteFrom('controlResults')
      .where('runId', '=', runId)
      .where('clientId', 'in', clientIds)
      .execute();
    const results = clients.flatMap(({ clientId, results: controls, controlScores }) => controls.map((result, index) => toRow(scope.tenantId, runId, clientId, result, controlScores[index]!)));
    // PostgreSQL takes at most 65,535 parameters per statement.
    for (let start = 0; start < results.length; start += RESULT_ROWS_PER_INSERT) {
      await scope.db.insertInto('controlResults').values(results.slice(start, start + RESULT_ROWS_PER_INSERT)).execute();
    }
    const frameworks = clients.flatMap(({ clientId, frameworks: scored }) =>
      scored.map(({ frameworkId, score }) => ({
        tenantId: scope.tenantId,
        runId,
        clientId,
        frameworkId,
        score: score.score,
        grade: score.grade,
        coverage: score.coverage,
        requirementsTotal: score.requirementsTotal,
        requirementsCovered: score.requirementsCovered,
        counts: JSON.stringify(score.counts),
      })),
    );
    if (frameworks.length > 0) await scope.db.insertInto('frameworkScores').values(frameworks).execute();
  }

  /**
   * Retention, across tenants: drops the detailed evidence and failing assets of runs that
   * finished longer ago than their tenant keeps evidence, keeping statuses and every score.
   * Returns the runs pruned.
   */
  async pruneEvidence(now: Date, maxRuns = 100): Promise<number> {
    const due = await this.database.system
      .selectFrom('evaluationRuns as r')
      .innerJoin('tenants as t', 't.id', 'r.tenantId')
      .select(['r.id'])
      .where('r.evidencePrunedAt', 'is', null)
      .where('r.finishedAt', 'is not', null)
      .where(sql<boolean>`r.finished_at < ${now}::timestamptz - make_interval(days => t.evidence_retention_days)`)
      .orderBy('r.finishedAt')
      .limit(maxRuns)
      .execute();
    for (const { id } of due) {
      await this.database.system.transaction().execute(async (trx) => {
        await trx.updateTable('controlResults').set({ evidence: null, failingAssets: null }).where('runId', '=', id).execute();
        await trx.updateTable('evaluationRuns').set({ evidencePrunedAt: now }).where('id', '=', id).execute();
      });
    }
    return due.length;
  }
}

function toRow(tenantId: string, runId: string, clientId: string, result: ControlResult, scored: ControlScore) {
  return {
    tenantId,
    runId,
    clientId,
    controlId: result.controlId,
    controlKey: result.controlKey,
    name: result.name,
    category: result.category,
    severity: result.severity,
    weight: result.weight,
    status: result.status,
    fraction: result.fraction,
    points: scored.points,
    earned: scored.earned,
    pointsRecoverable: scored.pointsRecoverable,
    summary: result.summary,
    evidence: JSON.stringify(result.evidence),
    failingAssets: JSON.stringify(result.failingAssets),
    exception: result.exception ? JSON.stringify(result.exception) : null,
    notApplicableReason: result.notApplicableReason,
  };
}
