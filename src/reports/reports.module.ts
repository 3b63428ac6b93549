import { Module } from '@nestjs/common';

import { AuditModule } from '../audit/audit.module.js';
import { RAMPART_CONFIG, type RampartConfig } from '../config/config.js';
import { CLOCK } from '../evaluations/schedule/evaluation-scheduler.js';
import { ScorecardsModule } from '../scorecards/scorecards.module.js';
import { ReportBatchCompletion } from './batches/report-batch-completion.js';
import { ReportBatchesController } from './batches/report-batches.controller.js';
import { ReportBatchesRepository } from './batches/report-batches.repository.js';
import { BrandingController } from './branding/branding.controller.js';
import { BrandingRepository } from './branding/branding.repository.js';
import { BrandingService } from './branding/branding.service.js';
import { ReportRenderJob } from './jobs/report-render.job.js';
import { ReportWorker } from './jobs/report-worker.js';
import { ReportGenerator } from './report-generator.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';
import { ReportScheduler } from './schedules/report-scheduler.js';
import { ReportSchedulesController } from './schedules/report-schedules.controller.js';
import { ReportSchedulesRepository } from './schedules/report-schedules.repository.js';
import { ReportSchedulesService } from './schedules/report-schedules.service.js';
import { createReportStorage } from './storage/create-report-storage.js';
import { REPORT_STORAGE } from './storage/report-storage.js';
import { ReportTemplatesController } from './templates/report-templates.controller.js';
import { ReportTemplatesRepository } from './templates/report-templates.repository.js';
import { ReportTemplatesService } from './templates/report-templates.service.js';

/** Branded PDF reports: templates, branding, one report now or many as jobs, monthly schedules, and where the files are kept. */
@Module({
  imports: [AuditModule, ScorecardsModule],
  controllers: [ReportsController, ReportBatchesController, ReportTemplatesController, BrandingController, ReportSchedulesController],
  providers: [
    { provide: REPORT_STORAGE, useFactory: (config: RampartConfig) => createReportStorage(config.reports.storage), inject: [RAMPART_CONFIG] },
    { provide: CLOCK, useValue: () => new Date() },
    ReportTemplatesRepository,
    ReportTemplatesService,
    BrandingRepository,
    BrandingService,
    ReportsRepository,
    ReportBatchesRepository,
    ReportBatchCompletion,
    ReportGenerator,
    ReportsService,
    ReportRenderJob,
    ReportSchedulesRepository,
    ReportSchedulesService,
    ReportScheduler,
    ReportWorker,
  ],
  exports: [ReportGenerator, ReportsService, ReportWorker, ReportScheduler],
})
export class ReportsModule {}
