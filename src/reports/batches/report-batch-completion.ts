import { Injectable } from '@nestjs/common';

import type { TenantScope } from '../../database/database.js';
import type { ReportBatchRow } from '../../database/schema.js';
import { WebhookEvents } from '../../webhooks/webhook-events.js';
import { ReportsRepository } from '../reports.repository.js';
import { downloadUrlOf } from '../report-links.js';

/** A finished bulk request is announced to webhooks with its reports' download links: that is how a schedule delivers. */
@Injectable()
export class ReportBatchCompletion {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly events: WebhookEvents,
  ) {}

  async announce(scope: TenantScope, batch: ReportBatchRow): Promise<void> {
    const reports = await this.reports.inBatch(scope, batch.id);
    await this.events.reportBatchCompleted(scope, {
      batch: {
        id: batch.id,
        status: batch.status,
        template: batch.templateKey,
        scheduleId: batch.scheduleId,
        progress: { done: batch.done, failed: batch.failed, total: batch.total },
        finishedAt: batch.finishedAt?.toISOString() ?? null,
      },
      reports: reports.map((report) => ({ ...report, downloadUrl: downloadUrlOf(report.id) })),
      failures: batch.failures,
    });
  }
}
