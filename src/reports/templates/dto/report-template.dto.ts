import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { IsOmittable, Trim } from '../../../common/validation/decorators.js';
import { PAGE_SIZES, type PageSize, SECTION_TYPES, type SectionType } from '../../model/report-model.js';

export class TemplateSectionDto {
  @ApiProperty({ enum: SECTION_TYPES }) type!: SectionType;
  @ApiProperty({ example: 'Security score' }) title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Paragraphs separated by a blank line; may hold placeholders.' }) text!: string | null;
  @ApiProperty() pageBreakBefore!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'For `failing_controls`: only the first N.' }) limit!: number | null;
}

export class ReportTemplateDto {
  @ApiProperty({ example: 'qbr' }) key!: string;
  @ApiProperty({ description: '`true` for the templates that ship with Rampart; they can be copied, not changed.' }) builtin!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The template this one was copied from.' }) basedOn!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'Quarterly Business Review: {{client.name}}' }) title!: string;
  @ApiProperty({ enum: PAGE_SIZES }) pageSize!: PageSize;
  @ApiProperty({ type: String, nullable: true, description: 'Framework key a `framework_requirements` section shows by default.' }) framework!: string | null;
  @ApiProperty({ type: [TemplateSectionDto] }) sections!: TemplateSectionDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}

export class ReportTemplateListDto {
  @ApiProperty({ type: [ReportTemplateDto], description: 'Built-in templates first, then the tenant\'s own, by key.' }) data!: ReportTemplateDto[];
  @ApiProperty({ type: Object, description: 'Every placeholder a text may use, with what it prints.' }) placeholders!: Record<string, string>;
  @ApiProperty({ enum: SECTION_TYPES, isArray: true }) sectionTypes!: readonly SectionType[];
}

/**
 * The template fields. Sections stay plain JSON here: the template parser checks them and names
 * each problem by its path (`sections[2].text`), which per-field DTO validation could not.
 */
export class TemplateFieldsDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @IsString()
  description?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ enum: PAGE_SIZES })
  @IsOmittable()
  @IsIn(PAGE_SIZES, { message: `pageSize must be one of ${PAGE_SIZES.join(', ')}` })
  pageSize?: PageSize;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  framework?: string | null;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Each `{type, title?, text?, pageBreakBefore?, limit?}`.' })
  @IsOmittable()
  @IsArray()
  @IsObject({ each: true, message: 'each section must be an object' })
  sections?: Record<string, unknown>[];
}

export class CreateReportTemplateDto extends TemplateFieldsDto {
  @ApiProperty({ example: 'acme-qbr', description: 'Lower-case letters, digits and dashes; not a built-in key.' })
  @Trim()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'key must be 1-63 lower-case letters, digits and dashes, starting with a letter or digit' })
  @IsString()
  key!: string;

  @ApiPropertyOptional({ example: 'qbr', description: 'Copy this template (built-in or the tenant\'s), then apply the fields given.' })
  @IsOmittable()
  @IsString()
  @MaxLength(63)
  basedOn?: string;
}
