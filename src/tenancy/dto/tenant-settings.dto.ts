import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { IsOmittable, Trim } from '../../common/validation/decorators.js';
import type { NoDataScoring } from '../../database/schema.js';

const NO_DATA_SCORING = ['fail', 'exclude'] as const;

export class TenantSettingsDto {
  @ApiProperty({ enum: NO_DATA_SCORING, description: 'fail: a control without evidence (or whose evaluation erred) counts as not compliant; exclude: it is left out of the score, and still shown.' })
  noDataScoring!: NoDataScoring;

  @ApiProperty({ type: String, nullable: true, example: '0 2 * * *', description: 'When every client is synced and evaluated: a five-field cron expression in `timezone` with a fixed minute (at most hourly). null pauses scheduled runs.' })
  evaluationSchedule!: string | null;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the schedule is read in; daylight-saving changes are followed.' })
  timezone!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the next scheduled run starts; null while paused.' })
  nextScheduledRunAt!: string | null;

  @ApiProperty({ example: 90, description: 'Days the detailed evidence of a finished run is kept; scores and statuses are kept for good.' })
  evidenceRetentionDays!: number;
}

export class TenantSettingsUpdateDto {
  @ApiPropertyOptional({ enum: NO_DATA_SCORING })
  @IsOmittable()
  @IsIn(NO_DATA_SCORING)
  noDataScoring?: NoDataScoring;

  @ApiPropertyOptional({ type: String, nullable: true, example: '30 1 * * 1-5' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  evaluationSchedule?: string | null;

  @ApiPropertyOptional({ example: 'America/New_York' })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(3650)
  evidenceRetentionDays?: number;
}
