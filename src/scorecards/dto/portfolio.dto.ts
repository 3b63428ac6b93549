import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { PageQueryDto } from '../../common/pagination/page.js';
import { Trim } from '../../common/validation/decorators.js';
import { CONTROL_CATEGORIES, type ControlCategory, SEVERITIES, type Severity } from '../../controls/catalog/control-definition.js';
import type { ResultStatus } from '../../controls/evaluators/evaluator.js';
import { GRADES, type Grade } from '../../scoring/scoring.js';
import { CHANGE_DIRECTIONS, CHANGE_WINDOWS, type ChangeDirection, type ChangeWindow, PORTFOLIO_SORTS, type PortfolioSort } from '../portfolio/portfolio-query.js';

/** `grade=A,B` and `grade=A&grade=B` both work. */
const commaList = Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value));

/** Which clients, shared by the scorecard, the heat map and their exports. */
export class PortfolioFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Clients whose name contains this text (any case).' })
  @IsOptional()
  @Trim()
  @MaxLength(200)
  @IsString()
  name?: string;

  @ApiPropertyOptional({ description: 'Clients on this baseline (service tier), by name.', example: 'Premium' })
  @IsOptional()
  @Trim()
  @MaxLength(100)
  @IsString()
  baseline?: string;

  @ApiPropertyOptional({ type: [String], enum: GRADES, description: 'Clients with one of these grades; comma-separated or repeated.' })
  @IsOptional()
  @commaList
  @ArrayMaxSize(GRADES.length)
  @IsIn(GRADES, { each: true, message: `each grade must be one of ${GRADES.join(', ')}` })
  grade?: Grade[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Clients scoring at least this.' })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @Max(100)
  @IsNumber({ allowNaN: false }, { message: 'minScore must be a number' })
  minScore?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Clients scoring at most this.' })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @Max(100)
  @IsNumber({ allowNaN: false }, { message: 'maxScore must be a number' })
  maxScore?: number;

  @ApiPropertyOptional({ enum: CHANGE_DIRECTIONS, description: 'Clients whose score changed (`any`), rose (`up`) or fell (`down`) over `changedSince`.' })
  @IsOptional()
  @IsIn(CHANGE_DIRECTIONS, { message: `changed must be one of ${CHANGE_DIRECTIONS.join(', ')}` })
  changed?: ChangeDirection;

  @ApiPropertyOptional({ enum: CHANGE_WINDOWS, default: 'previousRun', description: 'The comparison `changed` uses: the previous run, 30 days ago, or the last QBR mark.' })
  @IsOptional()
  @IsIn(CHANGE_WINDOWS, { message: `changedSince must be one of ${CHANGE_WINDOWS.join(', ')}` })
  changedSince: ChangeWindow = 'previousRun';

  @ApiPropertyOptional({ enum: PORTFOLIO_SORTS, default: 'score', description: 'Prefix `-` for descending. Clients without the value sort last either way. Default: lowest score first.' })
  @IsOptional()
  @IsIn(PORTFOLIO_SORTS, { message: `sort must be one of ${PORTFOLIO_SORTS.join(', ')}` })
  sort: PortfolioSort = 'score';
}

export class HeatmapQueryDto extends PortfolioFilterDto {
  @ApiPropertyOptional({ enum: CONTROL_CATEGORIES, description: 'Only the controls of this category.' })
  @IsOptional()
  @IsIn(CONTROL_CATEGORIES, { message: `category must be one of ${CONTROL_CATEGORIES.join(', ')}` })
  category?: ControlCategory;
}

/** `?format=` for exports; without it, the Accept header decides. */
export class ExportFormatDto {
  @ApiPropertyOptional({ enum: ['csv', 'json'], description: 'Overrides the Accept header.' })
  @IsOptional()
  @IsString()
  format?: string;
}

/** An export is every matching client, so it takes the filters and sort but no `limit` or `cursor`. */
export class PortfolioExportQueryDto extends IntersectionType(OmitType(PortfolioFilterDto, ['limit', 'cursor'] as const), ExportFormatDto) {}
export class HeatmapExportQueryDto extends IntersectionType(OmitType(HeatmapQueryDto, ['limit', 'cursor'] as const), ExportFormatDto) {}

export class ScoreChangeDto {
  @ApiProperty({ type: Number, nullable: true, example: -2.5, description: 'Since the client\'s previous evaluation.' }) previousRun!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Since its latest evaluation at least 30 days old.' }) days30!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Since the score its last QBR looked at.' }) sinceQbr!: number | null;
}

export class FailingCriticalDto {
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty({ example: 'mfa-enforced' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['fail', 'partial'] }) status!: 'fail' | 'partial';
}

export class FreshnessDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the score was computed.' }) evaluatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The newest fact, asset or attestation the evaluation saw.' }) evidenceAt!: string | null;
  @ApiProperty({ description: 'Not evaluated in the last 48 hours, or no evidence newer than 7 days.' }) stale!: boolean;
}

export class LastQbrDto {
  @ApiProperty({ format: 'date-time' }) reviewedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
}

export class PortfolioClientDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) baseline!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 72.4, description: 'Null when never evaluated or nothing counted.' }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The run of the current score.' }) runId!: string | null;
  @ApiProperty({ type: ScoreChangeDto }) change!: ScoreChangeDto;
  @ApiProperty({ type: LastQbrDto, nullable: true }) lastQbr!: LastQbrDto | null;
  @ApiProperty({ type: [FailingCriticalDto], description: 'Critical controls failing or only partly passing, most points recoverable first.' }) failingCritical!: FailingCriticalDto[];
  @ApiProperty({ type: FreshnessDto }) freshness!: FreshnessDto;
}

export class PortfolioFixDto {
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ enum: CONTROL_CATEGORIES }) category!: ControlCategory;
  @ApiProperty({ description: 'Clients where the control is not passing and would recover points.' }) clients!: number;
  @ApiProperty({ example: 412.5, description: 'Points recoverable summed across those clients.' }) pointsRecoverable!: number;
  @ApiProperty({ example: 2.1, description: 'How much the portfolio score would rise if the control passed everywhere.' }) portfolioLift!: number;
}

export class PortfolioTotalsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the scored clients\' current scores.' }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty() clients!: number;
  @ApiProperty() scoredClients!: number;
  @ApiProperty({ description: 'Evaluated, but with nothing in the score (every control N/A, say).' }) unscoredClients!: number;
  @ApiProperty() notEvaluated!: number;
  @ApiProperty({ example: { A: 3, B: 10, C: 5, D: 1, F: 0 } }) distribution!: Record<Grade, number>;
}

export class PortfolioScorecardDto {
  @ApiProperty({ type: PortfolioTotalsDto, description: 'Over every client matching the filters, not just this page.' }) portfolio!: PortfolioTotalsDto;
  @ApiProperty({ type: [PortfolioFixDto], nullable: true, description: 'The ten fixes that lift these clients most; on the first page only (null on later pages).' }) fixes!: PortfolioFixDto[] | null;
  @ApiProperty({ type: [PortfolioClientDto] }) data!: PortfolioClientDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class HeatmapControlDto {
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONTROL_CATEGORIES }) category!: ControlCategory;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
}

export class HeatmapRowDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ type: [String], description: 'One status per entry of `controls`, in that order; null where the control was not evaluated for the client (disabled, or never evaluated).', example: ['pass', 'fail', null] })
  statuses!: (ResultStatus | null)[];
}

export class HeatmapDto {
  @ApiProperty({ type: [HeatmapControlDto], description: 'The columns: every control of the tenant\'s catalog (in the category, when asked).' }) controls!: HeatmapControlDto[];
  @ApiProperty({ type: [HeatmapRowDto] }) data!: HeatmapRowDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
