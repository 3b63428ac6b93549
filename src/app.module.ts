import { AttestationsModule } from './attestations/attestations.module.js';
import { BaselinesModule } from './baselines/baselines.module.js';
import { ControlsModule } from './controls/controls.module.js';
import { ExceptionsModule } from './exceptions/exceptions.module.js';
import { FrameworksModule } from './frameworks/frameworks.module.js';
import { Module } from '@nestjs/common';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClientsModule } from './clients/clients.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { EvaluationsModule } from './evaluations/evaluations.module.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { IntegrationsModule } from './integrations/integrations.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ScorecardsModule } from './scorecards/scorecards.module.js';
import { TenancyModule } from './tenancy/tenancy.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

/** Shared by every process: configuration, the database and the domain services. */
export const CORE_MODULES = [
  ConfigModule,
  DatabaseModule,
  JobsModule,
  TenancyModule,
  ApiKeysModule,
  ClientsModule,
  AuditModule,
  IntegrationsModule,
  EvidenceModule,
  ImportsModule,
  BaselinesModule,
  ControlsModule,
  ExceptionsModule,
  AttestationsModule,
  FrameworksModule,
  EvaluationsModule,
  ScorecardsModule,
  ReportsModule,
  WebhooksModule,
  DemoModule,
];

/** The HTTP API. */
@Module({
  imports: [...CORE_MODULES, LoggingModule, AuthModule, HealthModule],
})
export class AppModule {}

/** The CLI and `npm run worker`: the same services, no HTTP. */
@Module({ imports: CORE_MODULES })
export class BackgroundModule {}
