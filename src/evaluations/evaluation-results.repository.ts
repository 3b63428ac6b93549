import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import type { ControlResult } from '../controls/engine/evaluate-control.js';
import { Database, type TenantScope } from '../database/database.js';
import type { ControlScore, FrameworkScore } from '../scoring/scoring.js';

export interface ScoredFramework {
  frameworkId: string;
  score: FrameworkScore;
}

/** Stored results of a run: control by control and framework by framework, for each client. */
@Injectable()
export class EvaluationResultsRepository {
  constructor(private readonly database: Database) {}

  /** Writes a client's results for a run, replacing whatever an earlier attempt wrote. */
  async replace(scope: TenantScope, runId: string, clientId: string, results: readonly ControlResult[], controlScores: readonly ControlScore[], frameworks: readonly ScoredFramework[]): Promise<void> {
    await scope.db
      .with('clearedFrameworks', (db) => db.deleteFrom('frameworkScores').where('runId', '=', runId).where('clientId', '=', clientId))
      .deleteFrom('controlResults')
      .where('runId', '=', runId)
      .where('clientId', '=', clientId)
      .execute();
    if (results.length > 0) {
      await scope.db.insertInto('controlResults').values(results.map((result, index) => toRow(scope.tenantId, runId, clientId, result, controlScores[index]!))).execute();
    }
    if (frameworks.length > 0) {
      await scope.db
        .insertInto('frameworkScores')
        .values(
          frameworks.map(({ frameworkId, score }) => ({
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
        )
        .execute();
    }
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
