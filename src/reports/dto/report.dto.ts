import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/pagination/page.js';
import { IsOmittable } from '../../common/validation/decorators.js';
import { REPORT_BATCH_STATUSES, type ReportBatchStatus } from '../../database/schema.js';

/** Larger than the biggest portfolio we know of; `allClients` covers the rest. */
export const MAX_BATCH_CLIENTS = 5000;

export class ReportRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One client: the report is made now and returned (201).' })
  @IsOmittable()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_BATCH_CLIENTS, description: 'Several clients: a job makes them (202); follow it at GET /report-batches/:id.' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_CLIENTS)
  @IsUUID('all', { each: true, message: 'each of clientIds must be a UUID' })
  clientIds?: string[];

  @ApiPropertyOptional({ description: '`true`: every active client of the tenant, as a job (202).' })
  @IsOmittable()
  @Equals(true, { message: 'allClients must be true when given' })
  allClients?: true;

  @ApiProperty({ example: 'qbr', description: 'A template key from GET /report-templates.' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'template must be a template key such as "qbr"' })
  @IsString()
  template!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A past evaluation run; default: each client\'s latest.' })
  @IsOmittable()
  @IsUUID('all', { message: 'runId must be a UUID' })
  runId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For templates with a framework section; default: the template\'s framework.' })
  @IsOmittable()
  @IsUUID('all', { message: 'frameworkId must be a UUID' })
  frameworkId?: string;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ description: 'The client\'s name when the report was made.' }) clientName!: string;
  @ApiProperty({ format: 'uuid', description: 'The evaluation run the report shows.' }) runId!: string;
  @ApiProperty({ example: 'qbr' }) template!: string;
  @ApiProperty() templateName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) frameworkId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) batchId!: string | null;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 of the PDF, hex.' }) sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() pageCount!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: '/api/v1/reports/6c1b.../download' }) downloadUrl!: string;
}

export class ReportListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'batchId must be a UUID' })
  batchId?: string;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto], description: 'Newest first.' }) data!: ReportDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class BatchProgressDto {
  @ApiProperty() done!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() total!: number;
}

export class BatchFailureDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() error!: string;
}

export class ReportBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_BATCH_STATUSES, description: '`succeeded` once every client is done or failed, unless all failed.' }) status!: ReportBatchStatus;
  @ApiProperty() template!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) frameworkId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The schedule that started it.' }) scheduleId!: string | null;
  @ApiProperty({ type: BatchProgressDto }) progress!: BatchProgressDto;
  @ApiProperty({ type: [BatchFailureDto] }) failures!: BatchFailureDto[];
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ example: '/api/v1/reports?batchId=…' }) reportsUrl!: string;
}

export class ReportBatchPageDto {
  @ApiProperty({ type: [ReportBatchDto] }) data!: ReportBatchDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ScheduleRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Reports for every active client on this baseline.' })
  @IsUUID('all', { message: 'baselineId must be a UUID' })
  baselineId!: string;

  @ApiProperty({ example: 'qbr' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'template must be a template key such as "qbr"' })
  @IsString()
  template!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'frameworkId must be a UUID' })
  frameworkId?: string | null;

  @ApiProperty({ minimum: 1, maximum: 28, example: 1, description: 'Day of the month (1-28, so every month has it).' })
  @Type(() => Number)
  @IsIn(Array.from({ length: 28 }, (_, day) => day + 1), { message: 'dayOfMonth must be an integer from 1 to 28' })
  dayOfMonth!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, default: 6, description: 'Hour of the day in the tenant\'s time zone.' })
  @IsOmittable()
  @Type(() => Number)
  @IsIn(Array.from({ length: 24 }, (_, hour) => hour), { message: 'hour must be an integer from 0 to 23' })
  hour?: number;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsIn([true, false], { message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class ScheduleUpdateDto {
  @ApiPropertyOptional({ example: 'qbr' })
  @IsOmittable()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'template must be a template key such as "qbr"' })
  @IsString()
  template?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'frameworkId must be a UUID' })
  frameworkId?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 28 })
  @IsOmittable()
  @Type(() => Number)
  @IsIn(Array.from({ length: 28 }, (_, day) => day + 1), { message: 'dayOfMonth must be an integer from 1 to 28' })
  dayOfMonth?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 23 })
  @IsOmittable()
  @Type(() => Number)
  @IsIn(Array.from({ length: 24 }, (_, hour) => hour), { message: 'hour must be an integer from 0 to 23' })
  hour?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsIn([true, false], { message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class ScheduleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) baselineId!: string;
  @ApiProperty() template!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) frameworkId!: string | null;
  @ApiProperty() dayOfMonth!: number;
  @ApiProperty() hour!: number;
  @ApiProperty({ example: 'Europe/London', description: 'The tenant\'s time zone, in which `hour` is read.' }) timezone!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ format: 'date-time' }) nextRunAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRunAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lastBatchId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last due slot made no batch.' }) lastError!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ScheduleListDto {
  @ApiProperty({ type: [ScheduleDto] }) data!: ScheduleDto[];
}
