import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDateString, IsIn, IsString, Length } from 'class-validator';
import { SCOPES, type Scope } from '../../auth/scopes.js';
import { IsOmittable, Trim } from '../../common/validation/decorators.js';

export const API_KEY_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

export class ApiKeyCreateDto {
  @ApiProperty({ example: 'PowerBI dashboard', maxLength: 100 })
  @Trim()
  @Length(1, 100)
  @IsString()
  name!: string;

  @ApiProperty({ enum: SCOPES, isArray: true, example: ['clients:read'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(SCOPES.length)
  @ArrayUnique()
  @IsIn(SCOPES, { each: true, message: `each value in scopes must be one of: ${SCOPES.join(', ')}` })
  @IsArray()
  scopes!: Scope[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When the key stops working; never when absent.' })
  @IsOmittable()
  @IsDateString({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string;
}

export class ApiKeyResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'rmp_k3T9xQa2Lm', description: 'The visible start of the key, to tell keys apart.' }) prefix!: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes!: string[];
  @ApiProperty({ enum: API_KEY_STATUSES }) status!: ApiKeyStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ description: 'Who created the key.' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ApiKeyCreatedDto extends ApiKeyResponseDto {
  @ApiProperty({ description: 'The key itself. Shown only in this response: store it now.' }) key!: string;
}

export class ApiKeyPageDto {
  @ApiProperty({ type: [ApiKeyResponseDto] }) data!: ApiKeyResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
