import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { ASSET_KINDS, type AssetKind } from '../../integrations/psa-connector.js';

export const MAX_BATCH = 1000;
export const SOURCE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,49}$/;
export const SOURCE_MESSAGE = 'source must be lowercase letters, digits, ".", "_" or "-" (up to 50), e.g. "ninjaone"';

export class FactDto {
  @ApiProperty({ example: 'backup.last_success', description: 'Lowercase dotted name the controls refer to.' })
  @Matches(/^[a-z][a-z0-9_.]{0,99}$/, { message: 'key must be lowercase letters, digits, "_" and "." (up to 100), starting with a letter' })
  @IsString()
  key!: string;

  @ApiProperty({ example: '2026-11-22T02:14:00Z', description: 'Any JSON value: a number, text, boolean, date, list or object (up to 16 KB).' })
  @IsDefined({ message: 'value is required (null is not a value)' })
  value!: unknown;

  @ApiProperty({ format: 'date-time', description: 'When the tool observed it; not in the future.' })
  @IsDateString({ strict: true }, { message: 'observedAt must be an ISO 8601 date-time' })
  observedAt!: string;

  @ApiProperty({ example: 'veeam' })
  @Matches(SOURCE_PATTERN, { message: SOURCE_MESSAGE })
  @IsString()
  source!: string;
}

export class FactBatchDto {
  @ApiProperty({ type: [FactDto], maxItems: MAX_BATCH })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH)
  @ValidateNested({ each: true })
  @Type(() => FactDto)
  @IsArray()
  facts!: FactDto[];
}

export class FactBatchResultDto {
  @ApiProperty({ description: 'Facts stored (new, or newer than what was there).' }) stored!: number;
  @ApiProperty({ description: 'Facts older than the value already held for that key and source, and so kept out.' }) olderIgnored!: number;
}

export class FactResponseDto {
  @ApiProperty() key!: string;
  @ApiProperty() value!: unknown;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) observedAt!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class FactPageDto {
  @ApiProperty({ type: [FactResponseDto] }) data!: FactResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class AssetInputDto {
  @ApiProperty({ example: 'dev-4821', description: "The tool's own id for the device." })
  @Length(1, 200)
  @IsString()
  externalId!: string;

  @ApiProperty({ enum: ASSET_KINDS })
  @IsIn(ASSET_KINDS)
  kind!: AssetKind;

  @ApiPropertyOptional() @IsOptional() @Length(1, 200) @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @Length(1, 255) @IsString() hostname?: string;
  @ApiPropertyOptional() @IsOptional() @Length(1, 100) @IsString() serialNumber?: string;
  @ApiPropertyOptional({ example: 'Windows 11 Pro' }) @IsOptional() @Length(1, 100) @IsString() osName?: string;
  @ApiPropertyOptional({ example: '23H2' }) @IsOptional() @Length(1, 100) @IsString() osVersion?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString({ strict: true }) lastSeenAt?: string;
  @ApiPropertyOptional({ example: 'SentinelOne' }) @IsOptional() @Length(1, 100) @IsString() antivirusProduct?: string;
  @ApiPropertyOptional({ example: 'Active' }) @IsOptional() @Length(1, 100) @IsString() antivirusStatus?: string;
  @ApiPropertyOptional({ example: 'Up to date' }) @IsOptional() @Length(1, 100) @IsString() patchStatus?: string;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @Min(0) @Max(100_000) @IsInt() missingPatches?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() diskEncrypted?: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString({ strict: true }) warrantyEndsAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString({ strict: true }) lastBackupAt?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class AssetBatchDto {
  @ApiProperty({ example: 'ninjaone', description: 'The tool that owns these assets; its ids are unique within it.' })
  @Matches(SOURCE_PATTERN, { message: SOURCE_MESSAGE })
  @IsString()
  source!: string;

  @ApiProperty({ type: [AssetInputDto], maxItems: MAX_BATCH })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH)
  @ValidateNested({ each: true })
  @Type(() => AssetInputDto)
  @IsArray()
  assets!: AssetInputDto[];
}

export class AssetBatchResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
}

export class AssetResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ASSET_KINDS }) kind!: AssetKind;
  @ApiProperty({ type: String, nullable: true, description: 'Where it came from: the integration id for PSA imports, the tool name for pushed assets.' }) origin!: string | null;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) hostname!: string | null;
  @ApiProperty({ type: String, nullable: true }) serialNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) osName!: string | null;
  @ApiProperty({ type: String, nullable: true }) osVersion!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSeenAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) antivirusProduct!: string | null;
  @ApiProperty({ type: String, nullable: true }) antivirusStatus!: string | null;
  @ApiProperty({ type: String, nullable: true }) patchStatus!: string | null;
  @ApiProperty({ type: Number, nullable: true }) missingPatches!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) diskEncrypted!: boolean | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) warrantyEndsAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastBackupAt!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AssetPageDto {
  @ApiProperty({ type: [AssetResponseDto] }) data!: AssetResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

