import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { IsOmittable, Trim } from '../../common/validation/decorators.js';
import { CONTROL_CATEGORIES, type ControlCategory, SEVERITIES, type Severity } from '../../controls/catalog/control-definition.js';
import { type FailingAsset, RESULT_STATUSES, type ResultStatus } from '../../controls/evaluators/evaluator.js';
import { GRADES, type Grade } from '../../scoring/scoring.js';
import { type ChangeDirection } from '../client/result-changes.js';
import { REQUIREMENT_STATUSES, type RequirementStatus } from '../client/statement-of-applicability.js';
import { ExportFormatDto, FailingCriticalDto, FreshnessDto, LastQbrDto, ScoreChangeDto } from './portfolio.dto.js';

const STATUS_COUNTS_EXAMPLE = { pass: 40, partial: 3, fail: 5, not_applicable: 2, excepted: 1, no_data: 4, error: 0 };

export class RunQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A past run; omit for the client\'s latest evaluation.' })
  @IsOptional()
  @IsUUID('all', { message: 'runId must be a UUID' })
  runId?: string;
}

export class RunExportQueryDto extends IntersectionType(RunQueryDto, ExportFormatDto) {}

export class ScorecardClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'As it was named when evaluated.' }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The baseline it was evaluated on.' }) baseline!: string | null;
}

export class ScorecardRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) evaluatedAt!: string;
  @ApiProperty({ description: 'Whether this is the client\'s latest evaluation.' }) current!: boolean;
  @ApiProperty({ description: 'Whether retention has removed the detailed evidence (statuses and scores stay).' }) evidencePruned!: boolean;
}

export class CategoryScoreDto {
  @ApiProperty({ enum: CONTROL_CATEGORIES }) category!: ControlCategory;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ example: STATUS_COUNTS_EXAMPLE }) counts!: Record<ResultStatus, number>;
  @ApiProperty({ description: 'Points recoverable of the category\'s controls, summed.' }) pointsRecoverable!: number;
}

export class ScorecardFrameworkDto {
  @ApiProperty({ format: 'uuid' }) frameworkId!: string;
  @ApiProperty({ example: 'cis-v8-ig1' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ example: 0.82, description: 'Share of requirements with a verdict, 0..1; always read beside the score.' }) coverage!: number;
  @ApiProperty() requirementsCovered!: number;
  @ApiProperty() requirementsTotal!: number;
}

export class ExceptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() owner!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) compensatingControl!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ enum: ['client', 'baseline'] }) scope!: 'client' | 'baseline';
}

export class ScorecardControlResultDto {
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONTROL_CATEGORIES }) category!: ControlCategory;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty() weight!: number;
  @ApiProperty({ enum: RESULT_STATUSES }) status!: ResultStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Credit 0..1 for pass, partial and fail.' }) fraction!: number | null;
  @ApiProperty({ description: 'Severity points × weight.' }) points!: number;
  @ApiProperty() earned!: number;
  @ApiProperty({ description: 'How much the client score would rise if this control passed.' }) pointsRecoverable!: number;
  @ApiProperty({ example: '14 of 16 workstations have EDR active' }) summary!: string;
  @ApiProperty({ type: Object, nullable: true, description: 'The inputs that decided the result; null once retention pruned it.' }) evidence!: Record<string, unknown> | null;
  @ApiProperty({ type: Object, isArray: true, nullable: true, description: '`{id, name, reason}` per asset; null once pruned.' }) failingAssets!: FailingAsset[] | null;
  @ApiProperty({ type: ExceptionDto, nullable: true, description: 'The accepted risk in force, for `excepted`.' }) exception!: ExceptionDto | null;
  @ApiProperty({ type: String, nullable: true }) notApplicableReason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'How to fix it, from the catalog (null for a control since deleted).' }) remediation!: string | null;
}

export class ScorecardExceptionDto extends ExceptionDto {
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() controlKey!: string;
  @ApiProperty() controlName!: string;
  @ApiProperty({ enum: ['active', 'expired'], description: '`expired`: no longer counts, the control scores on its evidence again.' }) state!: 'active' | 'expired';
}

export class ClientScorecardDto {
  @ApiProperty({ type: ScorecardClientDto }) client!: ScorecardClientDto;
  @ApiProperty({ type: ScorecardRunDto }) run!: ScorecardRunDto;
  @ApiProperty({ type: Number, nullable: true, example: 72.4 }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty() earnedPoints!: number;
  @ApiProperty() possiblePoints!: number;
  @ApiProperty({ example: STATUS_COUNTS_EXAMPLE }) counts!: Record<ResultStatus, number>;
  @ApiProperty({ type: ScoreChangeDto, description: 'Relative to this run.' }) change!: ScoreChangeDto;
  @ApiProperty({ type: LastQbrDto, nullable: true, description: 'The last QBR mark before this run.' }) lastQbr!: LastQbrDto | null;
  @ApiProperty({ type: FreshnessDto }) freshness!: FreshnessDto;
  @ApiProperty({ type: [FailingCriticalDto] }) failingCritical!: FailingCriticalDto[];
  @ApiProperty({ type: [CategoryScoreDto] }) categories!: CategoryScoreDto[];
  @ApiProperty({ type: [ScorecardFrameworkDto] }) frameworks!: ScorecardFrameworkDto[];
  @ApiProperty({ type: [ScorecardControlResultDto], description: 'Every evaluated control: not passing first, by points recoverable.' }) controls!: ScorecardControlResultDto[];
  @ApiProperty({ type: [ScorecardExceptionDto], description: 'Accepted risks in force, and expired ones shown beside their result.' }) exceptions!: ScorecardExceptionDto[];
}

export class TrendQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: 90 days before `to`.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

export class TrendPointDto {
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ format: 'date-time' }) evaluatedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ example: STATUS_COUNTS_EXAMPLE }) counts!: Record<ResultStatus, number>;
}

export class QbrMarkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The evaluation the review looked at: the latest at or before `reviewedAt`.' }) runId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TrendDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [TrendPointDto], description: 'One point per successful evaluation, oldest first.' }) points!: TrendPointDto[];
  @ApiProperty({ type: [QbrMarkDto], description: 'QBR marks in the period, to draw on the chart.' }) qbrMarks!: QbrMarkDto[];
}

export class QbrMarkRequestDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When the review took place; default now. Not in the future.' })
  @IsOmittable()
  @IsDateString({ strict: true }, { message: 'reviewedAt must be an ISO 8601 date or date-time' })
  reviewedAt?: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Q3 review with the owner; agreed to roll out MFA by December.' })
  @IsOmittable()
  @Trim()
  @MaxLength(2000)
  @IsString()
  note?: string;
}

export class QbrMarkPageDto {
  @ApiProperty({ type: [QbrMarkDto] }) data!: QbrMarkDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ChangesQueryDto {
  @ApiPropertyOptional({ description: 'A run id, or an ISO 8601 date-time (the client\'s latest evaluation at or before it). Default: the evaluation before `until`.' })
  @IsOptional()
  @MaxLength(40)
  @IsString()
  since?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A run id; default: the client\'s latest evaluation.' })
  @IsOptional()
  @IsUUID('all', { message: 'until must be a run id (UUID)' })
  until?: string;
}

export class EvaluationRefDto {
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ format: 'date-time' }) evaluatedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
}

export class ResultStateDto {
  @ApiProperty({ enum: RESULT_STATUSES }) status!: ResultStatus;
  @ApiProperty({ type: Number, nullable: true }) fraction!: number | null;
}

export class ResultChangeDto {
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty() severity!: string;
  @ApiProperty({ type: ResultStateDto, nullable: true, description: 'Null: the control was not evaluated then.' }) from!: ResultStateDto | null;
  @ApiProperty({ type: ResultStateDto, nullable: true, description: 'Null: the control is no longer evaluated.' }) to!: ResultStateDto | null;
  @ApiProperty({ enum: ['improved', 'regressed', 'changed', 'added', 'removed'] }) direction!: ChangeDirection;
}

export class ChangesDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: EvaluationRefDto }) from!: EvaluationRefDto;
  @ApiProperty({ type: EvaluationRefDto }) to!: EvaluationRefDto;
  @ApiProperty({ type: Number, nullable: true }) scoreChange!: number | null;
  @ApiProperty({ type: [ResultChangeDto], description: 'Regressions first.' }) changes!: ResultChangeDto[];
}

export class RequirementControlDto {
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, enum: RESULT_STATUSES, description: 'Null: mapped, but not evaluated for this client (disabled).' }) status!: ResultStatus | null;
  @ApiProperty({ type: Number, nullable: true }) fraction!: number | null;
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
}

export class StatementRequirementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '6.5' }) ref!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'Access Control Management' }) grouping!: string;
  @ApiProperty({ enum: REQUIREMENT_STATUSES }) status!: RequirementStatus;
  @ApiProperty({ description: 'At least one supporting control has a verdict (what coverage counts).' }) covered!: boolean;
  @ApiProperty({ type: [RequirementControlDto] }) controls!: RequirementControlDto[];
}

export class StatementOfApplicabilityDto {
  @ApiProperty({ type: ScorecardFrameworkDto }) framework!: ScorecardFrameworkDto;
  @ApiProperty({ type: ScorecardClientDto }) client!: ScorecardClientDto;
  @ApiProperty({ type: ScorecardRunDto }) run!: ScorecardRunDto;
  @ApiProperty({ example: { met: 12, partially_met: 3, not_met: 2, risk_accepted: 1, not_applicable: 0, not_covered: 4, no_controls: 2 } }) statusCounts!: Record<RequirementStatus, number>;
  @ApiProperty({ type: [StatementRequirementDto], description: 'In the framework\'s order.' }) requirements!: StatementRequirementDto[];
}
