import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import type { TenantScope } from '../database/database.js';
import type { FailingCriticalControl } from '../database/schema.js';
import type { Grade } from '../scoring/scoring.js';

/** A client's newly stored evaluation, to become its current standing. */
export interface EvaluatedClient {
  clientId: string;
  evaluatedAt: Date;
  score: number | null;
  grade: Grade | null;
  failingCritical: FailingCriticalControl[];
  evidenceAt: Date | null;
}

/** A client whose current standing moved from one run to another. */
export interface Advance {
  clientId: string;
  previousRunId: string;
  previousScore: number | null;
  previousGrade: Grade | null;
  score: number | null;
  grade: Grade | null;
}

/** Each client's current standing: the latest successful evaluation and the one before it. */
@Injectable()
export class ClientScorecardsRepository {
  /**
   * Makes a run's evaluations the clients' current ones, unless a later evaluation already is (two
   * runs can overlap). A retried job for the same run keeps the run it replaced as the previous one.
   * Returns the clients that moved on from an earlier run.
   */
  async advance(scope: TenantScope, runId: string, clients: readonly EvaluatedClient[]): Promise<Advance[]> {
    if (clients.length === 0) return [];
    const rows = clients.map(
      (client) => sql`(${scope.tenantId}::uuid, ${client.clientId}::uuid, ${runId}::uuid, ${client.evaluatedAt}::timestamptz, ${client.score}::double precision, ${client.grade}, ${JSON.stringify(client.failingCritical)}::jsonb, ${client.evidenceAt}::timestamptz)`,
    );
    const { rows: advanced } = await sql<Advance & { previousRunId: string | null }>`
      insert into client_scorecards as cs (tenant_id, client_id, run_id, evaluated_at, score, grade, failing_critical, evidence_at)
      values ${sql.join(rows)}
      on conflict (client_id) do update set
        previous_run_id = case when cs.run_id = excluded.run_id then cs.previous_run_id else cs.run_id end,
        previous_score = case when cs.run_id = excluded.run_id then cs.previous_score else cs.score end,
        previous_grade = case when cs.run_id = excluded.run_id then cs.previous_grade else cs.grade end,
        run_id = excluded.run_id,
        evaluated_at = excluded.evaluated_at,
        score = excluded.score,
        grade = excluded.grade,
        failing_critical = excluded.failing_critical,
        evidence_at = excluded.evidence_at
      where cs.evaluated_at <= excluded.evaluated_at
      returning client_id, previous_run_id, previous_score, previous_grade, score, grade`.execute(scope.db);
    return advanced.filter((row): row is Advance => row.previousRunId !== null);
  }
}

