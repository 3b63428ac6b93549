import { Injectable, NotFoundException } from '@nestjs/common';

import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { ClientsRepository } from '../clients/clients.repository.js';
import { decodeCursor, type Page, type PageQueryDto, toPage } from '../common/pagination/page.js';
import { unprocessable } from '../common/errors/unprocessable.js';
import { Database, type TenantScope } from '../database/database.js';
import type { EvaluationRunRow, EvaluationTrigger, RunClientRow } from '../database/schema.js';
import { JobQueue } from '../jobs/job-queue.js';
import { QUEUES } from '../jobs/queues.js';
import type { EvaluationRequestDto, EvaluationRunDto, RunClientDto, RunClientQueryDto } from './dto/evaluation.dto.js';
import { EvaluationRunsRepository } from './evaluation-runs.repository.js';
import type { RunJobData } from './jobs/job-data.js';

const ERRORS_SHOWN = 20;

/** Requests runs and reports on them; the work itself happens in the jobs. */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly database: Database,
    private readonly runs: EvaluationRunsRepository,
    private readonly clientsRepository: ClientsRepository,
    private readonly jobs: JobQueue,
    private readonly audit: AuditRepository,
  ) {}

  /** Queues a run and its first job in one transaction and returns at once. */
  async request(caller: Caller, request: EvaluationRequestDto, trigger: Exclude<EvaluationTrigger, 'schedule'>): Promise<EvaluationRunDto> {
    const run = await this.database.inTenant(caller.tenantId, async (scope) => {
      if (request.clientIds) await this.assertEvaluable(scope, request.clientIds);
      const created = await this.runs.create(scope, { trigger, requestedBy: caller.actor.label, clientIds: request.clientIds ?? null, sync: request.sync ?? false });
      await this.jobs.enqueue<RunJobData>(scope, QUEUES.evaluationRun, [{ data: { tenantId: scope.tenantId, runId: created.id } }]);
      await this.audit.record(scope, caller, { action: 'evaluation.requested', target: { type: 'evaluation_run', id: created.id }, details: { clientIds: created.clientIds, sync: created.sync } });
      return created;
    });
    this.jobs.wake(QUEUES.evaluationRun);
    return toRunResponse(run);
  }

  list(caller: Caller, query: PageQueryDto): Promise<Page<EvaluationRunDto>> {
    const after = decodeCursor(query.cursor, '-createdAt');
    return this.database.inTenant(caller.tenantId, async (scope) => toPage(await this.runs.list(scope, { limit: query.limit, after }), query.limit, '-createdAt', (row) => toRunResponse(row)));
  }

  get(caller: Caller, id: string): Promise<EvaluationRunDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const run = await this.runOrThrow(scope, id);
      const failures = run.failed > 0 ? await this.runs.failures(scope, id, ERRORS_SHOWN) : [];
      return { ...toRunResponse(run), errors: failures.map((failure) => ({ clientId: failure.clientId, clientName: failure.clientName, message: failure.error ?? '' })) };
    });
  }

  clients(caller: Caller, id: string, query: RunClientQueryDto): Promise<Page<RunClientDto>> {
    const order = `clientName${query.status ? `:${query.status}` : ''}`;
    const after = decodeCursor(query.cursor, order);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.runOrThrow(scope, id);
      return toPage(await this.runs.clients(scope, id, { limit: query.limit, after, status: query.status }), query.limit, order, toRunClientResponse);
    });
  }

  private async runOrThrow(scope: TenantScope, id: string): Promise<EvaluationRunRow> {
    const run = await this.runs.findById(scope, id);
    if (!run) throw new NotFoundException(`Evaluation run ${id} not found`);
    return run;
  }

  private async assertEvaluable(scope: TenantScope, clientIds: string[]): Promise<void> {
    const found = new Map((await this.clientsRepository.findByIds(scope, clientIds)).map((client) => [client.id, client.status]));
    const missing = clientIds.find((id) => !found.has(id));
    if (missing) throw unprocessable('clientIds', `Client ${missing} not found`);
    const inactive = clientIds.find((id) => found.get(id) !== 'active');
    if (inactive) throw unprocessable('clientIds', `Client ${inactive} is ${found.get(inactive)}; only active clients are evaluated`);
  }
}

export function toRunResponse(row: EvaluationRunRow): EvaluationRunDto {
  return {
    id: row.id,
    status: row.status,
    phase: row.phase,
    trigger: row.trigger,
    requestedBy: row.requestedBy,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    clientIds: row.clientIds,
    sync: row.sync,
    progress: { done: row.done, total: row.total, failed: row.failed },
    syncs: row.syncs,
    error: row.error,
    portfolio: row.distribution ? { score: row.portfolioScore, grade: row.portfolioGrade, distribution: row.distribution } : null,
    evidencePrunedAt: row.evidencePrunedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
  };
}

function toRunClientResponse(row: RunClientRow): RunClientDto {
  return {
    clientId: row.clientId,
    clientName: row.clientName,
    baseline: row.baseline,
    status: row.status,
    score: row.score,
    grade: row.grade,
    counts: row.counts,
    error: row.error,
    evaluatedAt: row.evaluatedAt?.toISOString() ?? null,
  };
}
