import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';

import { PageQueryDto } from '../../common/pagination/page.js';
import { IsOmittable } from '../../common/validation/decorators.js';
import { EVALUATION_TRIGGERS, type EvaluationPhase, type EvaluationTrigger, type RunClientStatus, RUN_STATUSES, type RunStatus } from '../../database/schema.js';
import { GRADES, type Grade } from '../../scoring/scoring.js';

/** Most clients one request may name; a whole portfolio is `{}`. */
export const MAX_REQUESTED_CLIENTS = 1000;

export class EvaluationRequestDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_REQUESTED_CLIENTS, description: 'Evaluate only these clients (each must be active); omit for every active client of the tenant.' })
  @IsOmittable()
  @ArrayMinSize(1, { message: 'clientIds must name at least one client; omit it to evaluate every client' })
  @ArrayMaxSize(MAX_REQUESTED_CLIENTS)
  @ArrayUnique({ message: 'clientIds must not repeat a client' })
  @IsUUID('all', { each: true, message: 'each of clientIds must be a UUID' })
  clientIds?: string[];

  @ApiPropertyOptional({ default: false, description: 'Sync every PSA integration of the tenant first (scheduled runs always do).' })
  @IsOmittable()
  @IsBoolean()
  sync?: boolean;
}

export class RunProgressDto {
  @ApiProperty({ example: 1840, description: 'Clients evaluated or given up on.' }) done!: number;
  @ApiProperty({ example: 2000 }) total!: number;
  @ApiProperty({ example: 0, description: 'Clients whose every attempt failed.' }) failed!: number;
}

export class RunSyncDto {
  @ApiProperty({ format: 'uuid' }) integrationId!: string;
  @ApiProperty() integrationName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) syncRunId!: string | null;
  @ApiProperty({ enum: ['succeeded', 'failed', 'skipped'] }) status!: 'succeeded' | 'failed' | 'skipped';
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class PortfolioSummaryDto {
  @ApiProperty({ type: Number, nullable: true, example: 78.4, description: 'Mean of the evaluated clients\' scores.' }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ example: { A: 3, B: 10, C: 5, D: 1, F: 0 } }) distribution!: Record<Grade, number>;
}

export class ClientFailureDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty() message!: string;
}

export class EvaluationRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: RUN_STATUSES }) status!: RunStatus;
  @ApiProperty({ type: String, nullable: true, enum: ['syncing', 'planning', 'evaluating'] }) phase!: EvaluationPhase | null;
  @ApiProperty({ enum: EVALUATION_TRIGGERS }) trigger!: EvaluationTrigger;
  @ApiProperty({ example: 'key:ci-pipeline' }) requestedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The schedule slot, for scheduled runs.' }) scheduledFor!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'The clients asked for; null: every active client.' }) clientIds!: string[] | null;
  @ApiProperty() sync!: boolean;
  @ApiProperty({ type: RunProgressDto }) progress!: RunProgressDto;
  @ApiProperty({ type: [RunSyncDto] }) syncs!: RunSyncDto[];
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiPropertyOptional({ type: [ClientFailureDto], description: 'On GET of one run: the first 20 clients that failed, with why.' }) errors?: ClientFailureDto[];
  @ApiProperty({ type: PortfolioSummaryDto, nullable: true, description: 'Once the run has finished.' }) portfolio!: PortfolioSummaryDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When retention removed the detailed evidence (scores stay).' }) evidencePrunedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'From start to finish, in milliseconds.' }) durationMs!: number | null;
}

export class EvaluationRunPageDto {
  @ApiProperty({ type: [EvaluationRunDto] }) data!: EvaluationRunDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class RunClientQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'succeeded', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'succeeded', 'failed'])
  status?: RunClientStatus;
}

export class RunClientDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ description: 'As the client was named when the run started.' }) clientName!: string;
  @ApiProperty({ type: String, nullable: true }) baseline!: string | null;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) status!: RunClientStatus;
  @ApiProperty({ type: Number, nullable: true, example: 81.3 }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ type: Object, nullable: true, example: { pass: 60, partial: 4, fail: 9, not_applicable: 3, excepted: 1, no_data: 8, error: 0 } }) counts!: Record<string, number> | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) evaluatedAt!: string | null;
}

export class RunClientPageDto {
  @ApiProperty({ type: [RunClientDto] }) data!: RunClientDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
