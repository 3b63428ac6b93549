import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';

export class AuditEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ example: 'client.updated' }) action!: string;
  @ApiProperty({ example: { type: 'api_key', id: '0b6f…', label: 'PowerBI dashboard (rmp_k3T9xQa2Lm)' } })
  actor!: { type: string; id: string | null; label: string };
  @ApiProperty({ type: Object, nullable: true, example: { type: 'client', id: '5f0c…' } }) target!: { type: string; id: string | null } | null;
  @ApiProperty({ type: Object, example: { fields: ['seats'] } }) details!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryResponseDto] }) data!: AuditEntryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class AuditListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'client.deleted' })
  @IsOptional()
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action must look like resource.verb, e.g. client.deleted' })
  @IsString()
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  targetId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this time.' })
  @IsOptional()
  @IsDateString({ strict: true })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this time.' })
  @IsOptional()
  @IsDateString({ strict: true })
  until?: string;
}
