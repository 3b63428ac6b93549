import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsOmittable, Trim } from '../../common/validation/decorators.js';
import { SYNC_MODES, type SyncMode, type SyncRunStatus, type SyncPhase } from '../../database/schema.js';
import { type FieldMapping, PSA_KINDS, type PsaKind } from '../psa-connector.js';

export class ClientFilterDto {
  @ApiPropertyOptional({ type: [String], nullable: true, example: ['Client'], description: 'Company types that become clients; null: the vendor default (ConnectWise "Client", Autotask "Customer", HaloPSA and Syncro every type).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  types?: string[] | null;

  @ApiPropertyOptional({ type: [String], nullable: true, example: ['Active', 'Credit Hold'], description: 'PSA status names that count; null: any status.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  statuses?: string[] | null;

  @ApiPropertyOptional({ default: false, description: 'Also import companies the PSA marks inactive.' })
  @IsOmittable()
  @IsBoolean()
  includeInactive?: boolean;
}

class IntegrationSettingsDto {
  @ApiPropertyOptional({ type: ClientFilterDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ClientFilterDto)
  clientFilter?: ClientFilterDto;

  @ApiPropertyOptional({
    type: Object,
    example: { antivirusStatus: { customField: 'EDR Status' }, lastBackupAt: { path: 'properties.last_backup' } },
    description: 'Asset fields to read from a vendor custom field (by name) or a path in the raw record.',
  })
  @IsOmittable()
  @IsObject()
  fieldMapping?: FieldMapping;
}

export class IntegrationCreateDto extends IntegrationSettingsDto {
  @ApiProperty({ enum: PSA_KINDS })
  @IsIn(PSA_KINDS)
  kind!: PsaKind;

  @ApiProperty({ example: 'ConnectWise (production)', maxLength: 100 })
  @Trim()
  @Length(1, 100)
  @IsString()
  name!: string;

  @ApiProperty({ type: Object, example: { baseUrl: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0', companyId: 'contoso', clientId: '0b6f3f4e-8c1a-4d3b-9a8e-2f1c0d9e8b7a' }, description: 'Vendor settings; `baseUrl` always.' })
  @IsObject()
  config!: Record<string, unknown>;

  @ApiProperty({ type: Object, example: { publicKey: '…', privateKey: '…' }, description: 'Vendor secrets. Encrypted at rest, never returned.' })
  @IsObject()
  credentials!: Record<string, unknown>;
}

export class IntegrationUpdateDto extends IntegrationSettingsDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @Trim()
  @Length(1, 100)
  @IsString()
  name?: string;

  @ApiPropertyOptional({ type: Object, description: 'Replaces the whole config.' })
  @IsOmittable()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ type: Object, description: 'Replaces the stored secrets.' })
  @IsOmittable()
  @IsObject()
  credentials?: Record<string, unknown>;
}

export class IntegrationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PSA_KINDS }) kind!: PsaKind;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Object }) config!: Record<string, unknown>;
  @ApiProperty({ type: ClientFilterDto }) clientFilter!: { types: string[] | null; statuses: string[] | null; includeInactive: boolean };
  @ApiProperty({ type: Object }) fieldMapping!: FieldMapping;
  @ApiProperty({ description: 'Which encryption key holds the credentials (never the credentials themselves).' }) credentialsKeyId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The next incremental sync asks for changes since this moment (less a few minutes).' })
  syncedThrough!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class IntegrationPageDto {
  @ApiProperty({ type: [IntegrationResponseDto] }) data!: IntegrationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ConnectionTestResponseDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'ConnectWise v2024.1 (cloud)' }) detail!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The vendor's error when the test failed." }) error!: string | null;
  @ApiProperty() durationMs!: number;
}

export class SyncRequestDto {
  @ApiPropertyOptional({ enum: SYNC_MODES, default: 'incremental', description: 'full also marks records that vanished from the PSA inactive.' })
  @IsOmittable()
  @IsIn(SYNC_MODES)
  mode?: SyncMode;
}

export class SyncRunResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) integrationId!: string;
  @ApiProperty({ enum: SYNC_MODES }) mode!: SyncMode;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status!: SyncRunStatus;
  @ApiProperty({ type: String, nullable: true, enum: ['companies', 'contacts', 'assets', 'deactivating'] }) phase!: SyncPhase | null;
  @ApiProperty({ example: { done: 12 }, description: 'Pages stored so far (the PSA does not say how many there will be).' }) progress!: { done: number };
  @ApiProperty({ example: { created: 120, updated: 3, deactivated: 1, skipped: 14, failed: 0 } })
  counts!: { created: number; updated: number; deactivated: number; skipped: number; failed: number };
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) changedSince!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Why it failed, in the vendor's words where it gave any." }) error!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SyncRunPageDto {
  @ApiProperty({ type: [SyncRunResponseDto] }) data!: SyncRunResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
