import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsFQDN,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';
import { IsOmittable, LowercaseEach, Trim } from '../../common/validation/decorators.js';
import { type BaselineAssignment, CLIENT_STATUSES, type ClientStatus } from '../../database/schema.js';

export const CLIENT_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export class ExternalRefDto {
  @ApiProperty({ example: 'connectwise', description: 'The system the id belongs to: a PSA kind or another tool.' })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'system must be lowercase letters, digits, _ or - (up to 40)' })
  @IsString()
  system!: string;

  @ApiProperty({ example: '19300' })
  @Length(1, 200)
  @IsString()
  id!: string;
}

export class ClientResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Harbor Dental Group' }) name!: string;
  @ApiProperty({ enum: CLIENT_STATUSES }) status!: ClientStatus;
  @ApiProperty({ type: [ExternalRefDto] }) externalRefs!: ExternalRefDto[];
  @ApiProperty({ type: [String], example: ['harbordental.com'] }) domains!: string[];
  @ApiProperty({ type: Number, nullable: true, example: 42 }) seats!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Premium', description: 'Service tier (baseline) the client is on.' }) baseline!: string | null;
  @ApiProperty({ enum: ['manual', 'rule'], nullable: true, description: 'Whether a person chose the baseline (rules leave it alone) or a baseline rule did.' })
  baselineAssignment!: BaselineAssignment | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The PSA integration that imported this client; null for clients made by hand.' })
  integrationId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The client's id in that PSA." }) externalId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** Everything about a client but its name, which is required on create and optional on update. */
class ClientDetailsDto {
  @ApiPropertyOptional({ enum: CLIENT_STATUSES, default: 'active' })
  @IsOmittable()
  @IsIn(CLIENT_STATUSES)
  status?: ClientStatus;

  @ApiPropertyOptional({ type: [ExternalRefDto], maxItems: 20 })
  @IsOmittable()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ExternalRefDto)
  @IsArray()
  externalRefs?: ExternalRefDto[];

  @ApiPropertyOptional({ type: [String], maxItems: 100, example: ['harbordental.com'], description: 'Email and web domains, lowercased.' })
  @IsOmittable()
  @LowercaseEach()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsFQDN({ require_tld: true }, { each: true, message: 'each value in domains must be a domain name such as example.com' })
  @IsArray()
  domains?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1000000 })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  @IsInt()
  seats?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, example: 'Premium', description: 'Name of an existing baseline; null hands the choice back to the baseline rules.' })
  @IsOptional()
  @Trim()
  @Length(1, 100)
  @IsString()
  baseline?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @IsOptional()
  @MaxLength(10_000)
  @IsString()
  notes?: string | null;
}

export class ClientCreateDto extends ClientDetailsDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Harbor Dental Group' })
  @Trim()
  @Length(1, 200)
  @IsString()
  name!: string;
}

/** Every field optional; `seats`, `baseline` and `notes` can be cleared with `null`. */
export class ClientUpdateDto extends ClientDetailsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOmittable()
  @Trim()
  @Length(1, 200)
  @IsString()
  name?: string;
}

export class ClientListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive part of the name.' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  name?: string;

  @ApiPropertyOptional({ enum: CLIENT_STATUSES })
  @IsOptional()
  @IsIn(CLIENT_STATUSES)
  status?: ClientStatus;

  @ApiPropertyOptional({ example: 'Premium' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  baseline?: string;

  @ApiPropertyOptional({ enum: CLIENT_SORTS, default: 'name', description: 'A leading `-` sorts descending.' })
  @IsOptional()
  @IsIn(CLIENT_SORTS)
  sort: ClientSort = 'name';
}

export class ClientPageDto {
  @ApiProperty({ type: [ClientResponseDto] }) data!: ClientResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
