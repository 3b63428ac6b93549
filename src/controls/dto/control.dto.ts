import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

import { IsOmittable, Trim } from '../../common/validation/decorators.js';
import { CONTROL_CATEGORIES, type ControlCategory, SEVERITIES, type Severity } from '../catalog/control-definition.js';
import { RESULT_STATUSES, type ResultStatus } from '../evaluators/evaluator.js';
import { EVALUATOR_KINDS, type EvaluatorKind } from '../evaluators/params.js';
import type { SettingSource } from '../settings/effective-settings.js';

const SETTING_LEVELS = ['tenant', 'baseline', 'client'] as const;

export class EvaluatorDto {
  @ApiProperty({ enum: EVALUATOR_KINDS, example: 'expression' })
  @IsIn(EVALUATOR_KINDS)
  kind!: EvaluatorKind;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { expression: 'facts["m365.mfa_registered_ratio"] >= 0.95 && facts["m365.legacy_auth_blocked"]' }, description: 'Complete parameters for the kind (see docs/controls.md).' })
  @IsObject()
  params!: Record<string, unknown>;
}

export class CustomControlCreateDto {
  @ApiPropertyOptional({ example: 'custom.mfa_and_legacy_auth', description: 'Stable key `<category or custom>.<name>`; made from the name when left out.' })
  @IsOptional()
  @Matches(/^[a-z]+\.[a-z0-9_]{1,80}$/, { message: 'key must look like "custom.mfa_and_legacy_auth": lowercase word, a dot, then lowercase letters, digits and "_"' })
  @IsString()
  key?: string;

  @ApiProperty({ example: 'MFA everywhere and legacy sign-in blocked' })
  @Trim()
  @Length(1, 200)
  @IsString()
  name!: string;

  @ApiProperty({ enum: CONTROL_CATEGORIES })
  @IsIn(CONTROL_CATEGORIES)
  category!: ControlCategory;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity!: Severity;

  @ApiProperty({ maxLength: 2000 })
  @Trim()
  @Length(1, 2000)
  @IsString()
  description!: string;

  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @MaxLength(4000) @IsString() rationale?: string;
  @ApiPropertyOptional({ maxLength: 8000 }) @IsOptional() @MaxLength(8000) @IsString() remediation?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @MaxLength(500) @IsString() evidenceSource?: string;

  @ApiProperty({ type: EvaluatorDto })
  @ValidateNested()
  @Type(() => EvaluatorDto)
  @IsDefined()
  evaluator!: EvaluatorDto;
}

export class CustomControlUpdateDto {
  @ApiPropertyOptional() @IsOmittable() @Trim() @Length(1, 200) @IsString() name?: string;
  @ApiPropertyOptional({ enum: CONTROL_CATEGORIES }) @IsOmittable() @IsIn(CONTROL_CATEGORIES) category?: ControlCategory;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOmittable() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional() @IsOmittable() @Trim() @Length(1, 2000) @IsString() description?: string;
  @ApiPropertyOptional() @IsOmittable() @MaxLength(4000) @IsString() rationale?: string;
  @ApiPropertyOptional() @IsOmittable() @MaxLength(8000) @IsString() remediation?: string;
  @ApiPropertyOptional() @IsOmittable() @MaxLength(500) @IsString() evidenceSource?: string;

  @ApiPropertyOptional({ type: EvaluatorDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => EvaluatorDto)
  evaluator?: EvaluatorDto;
}

/** Which level a settings request is about: the tenant, one baseline, or one client. */
export class SettingTargetQueryDto {
  @ApiProperty({ enum: SETTING_LEVELS })
  @IsIn(SETTING_LEVELS)
  level!: (typeof SETTING_LEVELS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'For level baseline.' })
  @ValidateIf((target: SettingTargetQueryDto) => target.level === 'baseline' || target.baselineId !== undefined)
  @IsUUID('all', { message: 'baselineId must be a UUID (required for level baseline)' })
  baselineId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For level client.' })
  @ValidateIf((target: SettingTargetQueryDto) => target.level === 'client' || target.clientId !== undefined)
  @IsUUID('all', { message: 'clientId must be a UUID (required for level client)' })
  clientId?: string;
}

/** The whole override at one level; a field left out (or null) inherits from the level above. */
export class ControlSettingsPutDto extends SettingTargetQueryDto {
  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 10, description: 'Multiplies the severity points; 0 keeps the control visible but out of the score.' })
  @IsOptional()
  @Min(0)
  @Max(10)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  weight?: number | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { passAt: 0.9 }, description: 'Parameters to change; the rest inherit.' })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  notApplicable?: boolean | null;

  @ApiPropertyOptional({ example: 'No servers: everything is in Microsoft 365.', description: 'Required when notApplicable is true.' })
  @ValidateIf((dto: ControlSettingsPutDto) => dto.notApplicable === true || (dto.notApplicableReason !== undefined && dto.notApplicableReason !== null))
  @Trim()
  @Length(1, 500, { message: 'notApplicableReason must say why (1 to 500 characters) when notApplicable is true' })
  @IsString({ message: 'notApplicableReason must say why (1 to 500 characters) when notApplicable is true' })
  notApplicableReason?: string | null;
}

export class ControlListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Effective settings for this client (its baseline and its own overrides included).' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Effective settings for this baseline.' })
  @IsOptional()
  @IsUUID('all', { message: 'baselineId must be a UUID' })
  baselineId?: string;
}

export class PreviewQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId!: string;
}

export class PreviewBodyDto {
  @ApiPropertyOptional({ type: EvaluatorDto, description: 'Evaluate this unsaved evaluator instead of the saved one (test mode while writing a control).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvaluatorDto)
  evaluator?: EvaluatorDto;
}

export class SettingSourcesDto {
  @ApiProperty({ enum: ['default', ...SETTING_LEVELS] }) enabled!: SettingSource;
  @ApiProperty({ enum: ['default', ...SETTING_LEVELS] }) weight!: SettingSource;
  @ApiProperty({ enum: ['default', ...SETTING_LEVELS] }) notApplicable!: SettingSource;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ['default', ...SETTING_LEVELS] }, description: 'Level that set each parameter.' })
  params!: Record<string, SettingSource>;
}

export class EffectiveSettingsDto {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Why the control does not apply, when it does not.' }) notApplicableReason!: string | null;
  @ApiProperty({ type: SettingSourcesDto, description: 'Which level set each value: default, tenant, baseline or client.' }) sources!: SettingSourcesDto;
}

export class MappingDto {
  @ApiProperty({ example: 'cis-v8-ig1' }) framework!: string;
  @ApiProperty({ example: '6.3' }) ref!: string;
}

export class ControlResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'identity.mfa_all_users' }) key!: string;
  @ApiProperty({ description: 'Built-in (maintained by Rampart) or the tenant\'s own.' }) builtin!: boolean;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONTROL_CATEGORIES }) category!: ControlCategory;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty() description!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty() remediation!: string;
  @ApiProperty() evidenceSource!: string;
  @ApiProperty({ type: EvaluatorDto, description: 'The evaluator with its default parameters.' }) evaluator!: EvaluatorDto;
  @ApiProperty({ type: [MappingDto] }) mappings!: MappingDto[];
  @ApiProperty({ type: EffectiveSettingsDto }) effective!: EffectiveSettingsDto;
}

export class ControlListDto {
  @ApiProperty({ type: [ControlResponseDto] }) data!: ControlResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the catalog is listed whole.' }) nextCursor!: null;
}

export class ControlSettingDto {
  @ApiProperty({ enum: SETTING_LEVELS }) level!: string;
  @ApiProperty({ type: String, nullable: true }) baselineId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) enabled!: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) weight!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty({ type: Boolean, nullable: true }) notApplicable!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) notApplicableReason!: string | null;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ControlSettingsDto {
  @ApiProperty({ type: [ControlSettingDto], description: 'Every override of this control, tenant first.' }) overrides!: ControlSettingDto[];
}

export class FailingAssetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() reason!: string;
}

export class ControlResultDto {
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() controlKey!: string;
  @ApiProperty({ enum: RESULT_STATUSES }) status!: ResultStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Credit 0..1 for pass, partial and fail.' }) fraction!: number | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) evidence!: Record<string, unknown>;
  @ApiProperty({ type: [FailingAssetDto] }) failingAssets!: FailingAssetDto[];
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'The accepted risk in force, for excepted.' }) exception!: Record<string, unknown> | null;
  @ApiProperty({ description: 'Severity points × weight.' }) points!: number;
  @ApiProperty({ description: 'How much the client score would rise if this control passed.' }) pointsRecoverable!: number;
}

export class PreviewResponseDto {
  @ApiProperty({ type: ControlResultDto }) result!: ControlResultDto;
  @ApiProperty({ type: Number, nullable: true, description: "The client's score with this result among all its enabled controls (not saved)." }) clientScore!: number | null;
  @ApiProperty({ format: 'date-time' }) evaluatedAt!: string;
}
