import { createHash, randomUUID } from 'node:crypto';
import { HttpException, Inject, Injectable, Logger, UnprocessableEntityException } from '@nestjs/common';

import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { Database, type TenantScope } from '../database/database.js';
import type { ReportRow } from '../database/schema.js';
import { ClientScorecardService } from '../scorecards/client/client-scorecard.service.js';
import type { StatementOfApplicabilityDto } from '../scorecards/dto/client-scorecard.dto.js';
import { BrandingService } from './branding/branding.service.js';
import { executiveSummary } from './content/executive-summary.js';
import { methodology } from './content/methodology.js';
import { placeholderValues } from './content/placeholder-values.js';
import { buildReportDocument } from './content/report-document.js';
import type { ReportDocument } from './model/report-model.js';
import { renderReport } from './render/render-report.js';
import { ReportsRepository } from './reports.repository.js';
import { reportKey, REPORT_STORAGE, type ReportStorage } from './storage/report-storage.js';
import { ReportTemplatesService, type ResolvedTemplate } from './templates/report-templates.service.js';

const DAY_MS = 86_400_000;
/** Without a QBR mark, the review period is the last quarter. */
const DEFAULT_PERIOD_DAYS = 90;
/** The trend chart shows a year of runs up to the report's run. */
const TREND_DAYS = 365;

export interface ReportSpec {
  clientId: string;
  template: string;
  runId?: string;
  frameworkId?: string;
  batchId?: string;
}

/**
 * Makes one client's report: the same services as the scorecard API gather the content (so the PDF
 * shows the API's numbers for the same run), the template lays it out, pdfkit draws it, storage
 * keeps the bytes and a row records what it was made from and its SHA-256.
 */
@Injectable()
export class ReportGenerator {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly database: Database,
    private readonly scorecards: ClientScorecardService,
    private readonly templates: ReportTemplatesService,
    private readonly branding: BrandingService,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditRepository,
    @Inject(REPORT_STORAGE) private readonly storage: ReportStorage,
  ) {}

  /** Checks what a request names (template, framework) before any work is queued for it. */
  async prepare(scope: TenantScope, spec: Pick<ReportSpec, 'template' | 'frameworkId'>): Promise<{ template: ResolvedTemplate; frameworkId: string | null }> {
    const template = await this.templates.resolve(scope, spec.template);
    return { template, frameworkId: await this.frameworkFor(scope, template, spec.frameworkId) };
  }

  /** The content and layout of a report, not yet drawn: what the renderer and the bench take. */
  async document(caller: Caller, spec: ReportSpec, now = new Date()): Promise<{ document: ReportDocument; template: ResolvedTemplate; frameworkId: string | null }> {
    const { template, frameworkId, branding } = await this.database.inTenant(caller.tenantId, async (scope) => ({ ...(await this.prepare(scope, spec)), branding: await this.branding.forReport(scope) }));
    const scorecard = await this.scorecards.scorecard(caller, spec.clientId, spec.runId, now);
    const runId = scorecard.run.id;
    const runAt = new Date(scorecard.run.evaluatedAt);
    const lastQbr = scorecard.lastQbr ? new Date(scorecard.lastQbr.reviewedAt) : null;
    const period = { from: lastQbr ?? new Date(runAt.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS), to: runAt };
    const [trend, sinceQbr, framework, noDataScoring] = await Promise.all([
      this.scorecards.trend(caller, spec.clientId, { from: new Date(runAt.getTime() - TREND_DAYS * DAY_MS).toISOString(), to: runAt.toISOString() }, now),
      lastQbr ? this.scorecards.changes(caller, spec.clientId, { since: lastQbr.toISOString(), until: runId }).catch(absentAs(null)) : Promise.resolve(null),
      frameworkId ? this.scorecards.framework(caller, spec.clientId, frameworkId, runId) : Promise.resolve<StatementOfApplicabilityDto | null>(null),
      this.database.inTenant(caller.tenantId, (scope) => this.reports.noDataScoring(scope, runId, spec.clientId)),
    ]);
    const content = { generatedAt: now, period, branding, scorecard, trend, sinceQbr, framework, summary: executiveSummary(scorecard), methodology: methodology(noDataScoring) };
    const document = buildReportDocument(template.definition, content, placeholderValues({ scorecard, framework, branding, period, generatedAt: now }));
    return { document, template, frameworkId };
  }

  /** `onSaved` runs in the transaction that records the report (a bulk job counts its progress there). */
  async generate(caller: Caller, spec: ReportSpec, options: { now?: Date; onSaved?: (scope: TenantScope, report: ReportRow) => Promise<void> } = {}): Promise<ReportRow> {
    const now = options.now ?? new Date();
    const { document, template, frameworkId } = await this.document(caller, spec, now);
    const { pdf, pageCount } = await renderReport(document);
    const id = randomUUID();
    const storageKey = reportKey(caller.tenantId, id);
    // The file first: a row never points at bytes that were not stored. A crash between the two
    // leaves an unreferenced file, which costs space but tells no lie.
    await this.storage.put(storageKey, pdf);
    try {
      return await this.database.inTenant(caller.tenantId, async (scope) => {
        const report = await this.reports.create(scope, {
          id,
          clientId: spec.clientId,
          runId: document.content.scorecard.run.id,
          clientName: document.content.scorecard.client.name,
          templateKey: template.key,
          templateName: template.definition.name,
          frameworkId,
          title: document.content.title,
          batchId: spec.batchId ?? null,
          storageKey,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          sizeBytes: pdf.length,
          pageCount,
          createdBy: caller.actor.label,
        });
        await this.audit.record(scope, caller, {
          action: 'report.created',
          target: { type: 'client', id: spec.clientId },
          details: { reportId: id, runId: report.runId, template: template.key, sha256: report.sha256, batchId: report.batchId },
        });
        await options.onSaved?.(scope, report);
        return report;
      });
    } catch (error) {
      await this.storage.remove([storageKey]).catch((cleanup: unknown) => this.logger.warn(`Could not remove ${storageKey} after a failed save: ${String(cleanup)}`));
      throw error;
    }
  }

  private async frameworkFor(scope: TenantScope, template: ResolvedTemplate, requested: string | undefined): Promise<string | null> {
    if (!template.definition.sections.some((section) => section.type === 'framework_requirements')) {
      if (requested) throw new UnprocessableEntityException({ message: `Template "${template.key}" has no framework section; drop frameworkId`, details: [{ field: 'frameworkId', message: 'the template shows no framework' }] });
      return null;
    }
    if (requested) {
      if (!(await this.reports.frameworkExists(scope, requested))) throw new UnprocessableEntityException({ message: `Framework ${requested} not found`, details: [{ field: 'frameworkId', message: 'no such framework' }] });
      return requested;
    }
    const byKey = template.definition.framework ? await this.reports.frameworkIdByKey(scope, template.definition.framework) : undefined;
    if (!byKey) throw new UnprocessableEntityException({ message: `Template "${template.key}" needs a framework: give frameworkId`, details: [{ field: 'frameworkId', message: 'required by this template' }] });
    return byKey;
  }
}

/** Comparisons that have nothing to compare (no evaluation before the QBR) leave the section to say so. */
function absentAs<T>(value: T): (error: unknown) => T {
  return (error: unknown) => {
    if (error instanceof HttpException && error.getStatus() === 404) return value;
    throw error;
  };
}
