import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

import { IsOmittable, Trim } from '../../common/validation/decorators.js';
import type { BaselineRule } from '../../database/schema.js';

const RULE_ATTRIBUTES = ['companyType', 'psaStatus', 'customField'] as const;

export class BaselineRuleDto implements BaselineRule {
  @ApiProperty({ enum: RULE_ATTRIBUTES, description: 'What the rule reads from the PSA company: its type, its status, or a custom field (where MSPs usually keep the agreement or tier).' })
  @IsIn(RULE_ATTRIBUTES)
  attribute!: BaselineRule['attribute'];

  @ApiPropertyOptional({ example: 'Service Tier', description: 'The custom field name, for attribute customField.' })
  @ValidateIf((rule: BaselineRuleDto) => rule.attribute === 'customField' || rule.customField !== undefined)
  @Trim()
  @Length(1, 200, { message: 'customField must name the PSA custom field (1 to 200 characters) when attribute is customField' })
  @IsString()
  customField?: string;

  @ApiProperty({ type: [String], example: ['Premium', 'Managed - Premium'], description: 'Matches when the attribute equals any of these, ignoring case.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Length(1, 200, { each: true })
  @IsString({ each: true })
  @IsArray()
  values!: string[];
}

export class BaselineCreateDto {
  @ApiProperty({ example: 'Premium', maxLength: 100 })
  @Trim()
  @Length(1, 100)
  @IsString()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({ type: BaselineRuleDto, nullable: true, description: 'Assign clients to this baseline automatically from PSA data; null: by hand only.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BaselineRuleDto)
  rule?: BaselineRuleDto | null;

  @ApiPropertyOptional({ default: 100, minimum: 0, maximum: 10000, description: 'When several rules match a client, the lowest priority wins.' })
  @IsOptional()
  @Min(0)
  @Max(10_000)
  @IsInt()
  rulePriority?: number;
}

export class BaselineUpdateDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Renaming keeps every client on the baseline.' })
  @IsOmittable()
  @Trim()
  @Length(1, 100)
  @IsString()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({ type: BaselineRuleDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BaselineRuleDto)
  rule?: BaselineRuleDto | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOmittable()
  @Min(0)
  @Max(10_000)
  @IsInt()
  rulePriority?: number;
}

export class BaselineResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: BaselineRuleDto, nullable: true }) rule!: BaselineRule | null;
  @ApiProperty() rulePriority!: number;
  @ApiProperty({ description: 'Clients on this baseline now.' }) clientCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BaselineListDto {
  @ApiProperty({ type: [BaselineResponseDto] }) data!: BaselineResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a tenant has a handful of baselines, listed whole.' }) nextCursor!: null;
}
