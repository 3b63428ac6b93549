import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

import { Trim } from '../../common/validation/decorators.js';

export class RequirementInputDto {
  @ApiProperty({ example: 'AC-1', description: "The framework's own id for the requirement." })
  @Trim()
  @Length(1, 100)
  @IsString()
  ref!: string;

  @ApiProperty({ example: 'Multi-factor authentication on every remote access path' })
  @Trim()
  @Length(1, 500)
  @IsString()
  title!: string;

  @ApiPropertyOptional({ example: 'Access control' })
  @IsOptional()
  @Trim()
  @MaxLength(200)
  @IsString()
  group?: string;
}

export class FrameworkCreateDto {
  @ApiProperty({ example: 'acme-insurance-2026', description: 'Lowercase slug, unique among built-in and own frameworks.' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,49}$/, { message: 'key must be 2 to 50 lowercase letters, digits and "-"' })
  @IsString()
  key!: string;

  @ApiProperty({ example: 'Acme Cyber Insurance questionnaire' })
  @Trim()
  @Length(1, 200)
  @IsString()
  name!: string;

  @ApiProperty({ example: '2026' }) @Trim() @Length(1, 50) @IsString() version!: string;
  @ApiProperty({ example: 'Acme Mutual' }) @Trim() @Length(1, 200) @IsString() publisher!: string;

  @ApiPropertyOptional() @IsOptional() @MaxLength(2000) @IsUrl({ require_protocol: true }, { message: 'url must be an http(s) URL' }) url?: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(4000) @IsString() description?: string;

  @ApiProperty({ type: [RequirementInputDto], maxItems: 2000 })
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => RequirementInputDto)
  @IsArray()
  requirements!: RequirementInputDto[];
}

export class MappingInputDto {
  @ApiProperty({ example: 'custom.mfa_and_legacy_auth', description: 'Control id or key.' })
  @Length(1, 100)
  @IsString()
  controlId!: string;

  @ApiProperty({ type: [String], example: ['AC-1', 'AC-2'], description: 'Requirement refs of this framework the control supports.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Length(1, 100, { each: true })
  @IsString({ each: true })
  @IsArray()
  refs!: string[];
}

export class RequirementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ref!: string;
  @ApiProperty() title!: string;
  @ApiProperty() group!: string;
  @ApiProperty({ type: [String], description: 'Keys of the controls that support it.' }) controls!: string[];
}

export class FrameworkSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() builtin!: boolean;
  @ApiProperty() name!: string;
  @ApiProperty() version!: string;
  @ApiProperty() publisher!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty() requirementCount!: number;
  @ApiProperty({ description: 'Requirements with at least one control mapped (built-in or the tenant\'s own).' }) requirementsWithControls!: number;
}

export class FrameworkDetailDto extends FrameworkSummaryDto {
  @ApiProperty({ type: [RequirementDto] }) requirements!: RequirementDto[];
}

export class FrameworkListDto {
  @ApiProperty({ type: [FrameworkSummaryDto] }) data!: FrameworkSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: listed whole.' }) nextCursor!: null;
}

export class MappingResultDto {
  @ApiProperty({ description: 'Mappings added (ones already there are left as they are).' }) added!: number;
}
