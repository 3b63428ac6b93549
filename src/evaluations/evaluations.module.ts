import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { ControlCatalogModule } from '../controls/control-catalog.module.js';
import { ControlsModule } from '../controls/controls.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { ClientScorecardsRepository } from './client-scorecards.repository.js';
import { EvaluationContextRepository } from './evaluation-context.repository.js';
import { EvaluationResultsRepository } from './evaluation-results.repository.js';
import { EvaluationRunsRepository } from './evaluation-runs.repository.js';
import { EvaluationsController } from './evaluations.controller.js';
import { EvaluationsService } from './evaluations.service.js';
import { ClientEvaluationJob } from './jobs/client-evaluation.job.js';
import { EvaluationWorker } from './jobs/evaluation-worker.js';
import { RunPlannerJob } from './jobs/run-planner.job.js';
import { RunProgressRecorder } from './jobs/run-progress.js';
import { CLOCK, EvaluationScheduler } from './schedule/evaluation-scheduler.js';

@Module({
  imports: [ScheduleModule.forRoot(), AuditModule, ClientsModule, ControlCatalogModule, ControlsModule, IntegrationsModule],
  controllers: [EvaluationsController],
  providers: [
    EvaluationRunsRepository,
    EvaluationResultsRepository,
    EvaluationContextRepository,
    ClientScorecardsRepository,
    EvaluationsService,
    RunProgressRecorder,
    ClientEvaluationJob,
    RunPlannerJob,
    EvaluationWorker,
    EvaluationScheduler,
    { provide: CLOCK, useValue: () => new Date() },
  ],
  exports: [EvaluationsService, EvaluationWorker, EvaluationScheduler],
})
export class EvaluationsModule {}
