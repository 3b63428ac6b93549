import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

import { IsOmittable, Trim } from '../../../common/validation/decorators.js';
import { LOGO_TYPES, type LogoType } from '../../../database/schema.js';

const HEX_COLOUR = /^#[0-9a-f]{6}$/;
const lowercase = Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export class LogoDto {
  @ApiProperty({ enum: LOGO_TYPES }) type!: LogoType;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ example: '/api/v1/branding/logo' }) url!: string;
}

export class BrandingDto {
  @ApiProperty({ description: 'The MSP name printed on reports: the one set here, or the tenant\'s name.' }) name!: string;
  @ApiProperty({ description: 'Whether `name` was set here (false: it is the tenant\'s name).' }) nameSet!: boolean;
  @ApiProperty({ example: '#1f4e79' }) primaryColor!: string;
  @ApiProperty({ example: '#d9822b' }) accentColor!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Contoso IT · +44 20 7946 0000 · support@contoso-it.example' }) footerText!: string | null;
  @ApiProperty({ type: LogoDto, nullable: true }) logo!: LogoDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}

export class BrandingUpdateDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'null: print the tenant\'s name.' })
  @IsOptional()
  @Trim()
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  name?: string | null;

  @ApiPropertyOptional({ example: '#1f4e79', description: 'Headings, rules and the cover band; needs 3:1 contrast on white.' })
  @IsOmittable()
  @lowercase
  @Matches(HEX_COLOUR, { message: 'primaryColor must be a colour written #rrggbb' })
  @IsString()
  primaryColor?: string;

  @ApiPropertyOptional({ example: '#d9822b', description: 'Highlights; needs 3:1 contrast on white.' })
  @IsOmittable()
  @lowercase
  @Matches(HEX_COLOUR, { message: 'accentColor must be a colour written #rrggbb' })
  @IsString()
  accentColor?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300, description: 'Printed at the foot of every page; null: the MSP name.' })
  @IsOptional()
  @Trim()
  @MaxLength(300)
  @IsString()
  footerText?: string | null;
}
