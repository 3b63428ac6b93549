import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable, InternalServerErrorException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

import type { Actor, Caller } from '../auth/caller.js';
import { decodeCursor, type Page, toPage } from '../common/pagination/page.js';
import { Database, type TenantScope } from '../database/database.js';
import type { ReportBatchRow, ReportRow } from '../database/schema.js';
import { JobQueue } from '../jobs/job-queue.js';
import { QUEUES } from '../jobs/queues.js';
import { ReportBatchCompletion } from './batches/report-batch-completion.js';
import { ReportBatchesRepository } from './batches/report-batches.repository.js';
import type { ReportBatchDto, ReportDto, ReportListQueryDto, ReportRequestDto } from './dto/report.dto.js';
import type { ReportJobData } from './jobs/report-job-data.js';
import { ReportGenerator } from './report-generator.js';
import { batchReportsUrlOf, downloadUrlOf } from './report-links.js';
import { ReportsRepository } from './reports.repository.js';
import { REPORT_STORAGE, ReportFileMissingError, type ReportStorage } from './storage/report-storage.js';

/** Which clients a bulk request covers: the ids given, or every active client (of a baseline, for a schedule). */
export interface BatchRequest {
  clientIds?: string[];
  baseline?: string;
  template: string;
  runId?: string;
  frameworkId?: string;
  scheduleId: string | null;
}

/** What a request for reports resolves to: one report now, or a batch for the worker. */
export type ReportRequestOutcome = { kind: 'report'; report: ReportDto } | { kind: 'batch'; batch: ReportBatchDto };

/** Requests for reports (one now, many as a job), the list of reports made, and their bytes. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly database: Database,
    private readonly generator: ReportGenerator,
    private readonly reports: ReportsRepository,
    private readonly batches: ReportBatchesRepository,
    private readonly jobs: JobQueue,
    private readonly completion: ReportBatchCompletion,
    @Inject(REPORT_STORAGE) private readonly storage: ReportStorage,
  ) {}

  async request(caller: Caller, request: ReportRequestDto): Promise<ReportRequestOutcome> {
    const targets = [request.clientId !== undefined, request.clientIds !== undefined, request.allClients === true].filter(Boolean).length;
    if (targets !== 1) {
      throw new BadRequestException({ message: 'Name the clients once: clientId (one report now), clientIds or allClients (a job)', details: [{ field: 'clientId', message: 'give exactly one of clientId, clientIds, allClients' }] });
    }
    if (request.clientId !== undefined) {
      await this.database.inTenant(caller.tenantId, async (scope) => {
        await this.activeClientsOrThrow(scope, [request.clientId!]);
      });
      const report = await this.generator.generate(caller, { clientId: request.clientId, template: request.template, runId: request.runId, frameworkId: request.frameworkId });
      return { kind: 'report', report: toReportDto(report) };
    }
    const batch = await this.enqueueBatch(caller, { clientIds: request.clientIds, template: request.template, runId: request.runId, frameworkId: request.frameworkId, scheduleId: null });
    return { kind: 'batch', batch };
  }

  private async enqueueBatch(caller: Caller, request: BatchRequest): Promise<ReportBatchDto> {
    const batch = await this.database.inTenant(caller.tenantId, (scope) => this.createBatch(scope, caller.actor, request));
    this.jobs.wake(QUEUES.reportRender);
    return toBatchDto(batch);
  }

  /**
   * A bulk request inside the caller's transaction: the batch row and one job per client, so the
   * jobs exist exactly when the batch does. Template and framework are checked before anything is
   * queued. An empty batch is finished at once (and announced).
   */
  async createBatch(scope: TenantScope, actor: Actor, request: BatchRequest): Promise<ReportBatchRow> {
    const { template, frameworkId } = await this.generator.prepare(scope, request);
    const clientIds = request.clientIds ? await this.activeClientsOrThrow(scope, [...new Set(request.clientIds)]) : await this.activeClientIds(scope, request.baseline);
    const batch = await this.batches.create(scope, { id: randomUUID(), templateKey: template.key, frameworkId, scheduleId: request.scheduleId, total: clientIds.length, requestedBy: actor.label });
    const data = (clientId: string): ReportJobData => ({ tenantId: scope.tenantId, batchId: batch.id, clientId, template: template.key, runId: request.runId ?? null, frameworkId, requestedBy: actor });
    await this.jobs.enqueue(scope, QUEUES.reportRender, clientIds.map((clientId) => ({ data: data(clientId) })));
    if (batch.finishedAt) await this.completion.announce(scope, batch);
    return batch;
  }

  list(caller: Caller, query: ReportListQueryDto): Promise<Page<ReportDto>> {
    const after = decodeCursor(query.cursor, '-createdAt');
    return this.database.inTenant(caller.tenantId, async (scope) =>
      toPage(await this.reports.list(scope, { limit: query.limit, after, clientId: query.clientId, batchId: query.batchId }), query.limit, '-createdAt', toReportDto),
    );
  }

  get(caller: Caller, id: string): Promise<ReportDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toReportDto(await this.reportOrThrow(scope, id)));
  }

  /** The PDF, checked against the SHA-256 recorded when it was made. */
  async download(caller: Caller, id: string): Promise<{ report: ReportDto; pdf: Buffer }> {
    const report = await this.database.inTenant(caller.tenantId, (scope) => this.reportOrThrow(scope, id));
    let pdf: Buffer;
    try {
      pdf = await this.storage.get(report.storageKey);
    } catch (error) {
      if (error instanceof ReportFileMissingError) throw new NotFoundException(`The file of report ${id} is no longer in report storage`);
      throw error;
    }
    if (createHash('sha256').update(pdf).digest('hex') !== report.sha256) {
      throw new InternalServerErrorException(`The stored file of report ${id} does not match the SHA-256 recorded when it was made`);
    }
    return { report: toReportDto(report), pdf };
  }

  batch(caller: Caller, id: string): Promise<ReportBatchDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const batch = await this.batches.find(scope, id);
      if (!batch) throw new NotFoundException(`Report batch ${id} not found`);
      return toBatchDto(batch);
    });
  }

  batchPage(caller: Caller, query: { limit: number; cursor?: string }): Promise<Page<ReportBatchDto>> {
    const after = decodeCursor(query.cursor, '-createdAt');
    return this.database.inTenant(caller.tenantId, async (scope) => toPage(await this.batches.list(scope, { limit: query.limit, after }), query.limit, '-createdAt', toBatchDto));
  }

  private async reportOrThrow(scope: TenantScope, id: string): Promise<ReportRow> {
    const report = await this.reports.find(scope, id);
    if (!report) throw new NotFoundException(`Report ${id} not found`);
    return report;
  }

  /** Every id must be an active client of the tenant; the 422 lists the ones that are not. */
  private async activeClientsOrThrow(scope: TenantScope, ids: string[]): Promise<string[]> {
    const found = await scope.db.selectFrom('clients').select(['id', 'status']).where('id', 'in', ids).execute();
    const active = new Set(found.filter((client) => client.status === 'active').map((client) => client.id));
    const existing = new Set(found.map((client) => client.id));
    const missing = ids.filter((id) => !existing.has(id));
    if (missing.length > 0 && ids.length === 1) throw new NotFoundException(`Client ${missing[0]} not found`);
    const refused = ids.filter((id) => !active.has(id));
    if (refused.length > 0) {
      const listed = refused.slice(0, 10).join(', ') + (refused.length > 10 ? ` and ${refused.length - 10} more` : '');
      throw new UnprocessableEntityException({ message: `Not active clients of this tenant: ${listed}`, details: [{ field: ids.length === 1 ? 'clientId' : 'clientIds', message: `${refused.length} id(s) are not active clients` }] });
    }
    return ids;
  }

  private async activeClientIds(scope: TenantScope, baseline: string | undefined): Promise<string[]> {
    let query = scope.db.selectFrom('clients').select('id').where('status', '=', 'active');
    if (baseline !== undefined) query = query.where('baseline', '=', baseline);
    return (await query.orderBy('name').orderBy('id').execute()).map((client) => client.id);
  }
}

export function toReportDto(report: ReportRow): ReportDto {
  return {
    id: report.id,
    clientId: report.clientId,
    clientName: report.clientName,
    runId: report.runId,
    template: report.templateKey,
    templateName: report.templateName,
    frameworkId: report.frameworkId,
    title: report.title,
    batchId: report.batchId,
    sha256: report.sha256,
    sizeBytes: report.sizeBytes,
    pageCount: report.pageCount,
    createdBy: report.createdBy,
    createdAt: report.createdAt.toISOString(),
    downloadUrl: downloadUrlOf(report.id),
  };
}

export function toBatchDto(batch: ReportBatchRow): ReportBatchDto {
  return {
    id: batch.id,
    status: batch.status,
    template: batch.templateKey,
    frameworkId: batch.frameworkId,
    scheduleId: batch.scheduleId,
    progress: { done: batch.done, failed: batch.failed, total: batch.total },
    failures: batch.failures,
    error: batch.error,
    requestedBy: batch.requestedBy,
    createdAt: batch.createdAt.toISOString(),
    startedAt: batch.startedAt?.toISOString() ?? null,
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    reportsUrl: batchReportsUrlOf(batch.id),
  };
}
