import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';

import { PageQueryDto } from '../../common/pagination/page.js';
import { Trim } from '../../common/validation/decorators.js';

export class AttestationCreateDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId!: string;

  @ApiProperty({ example: 'governance.incident_response_plan', description: 'An attestation control, by id or key.' })
  @Length(1, 100)
  @IsString()
  controlId!: string;

  @ApiProperty({ example: 'Incident response plan v3 reviewed with the office manager; call tree updated.' })
  @Trim()
  @Length(1, 2000)
  @IsString()
  statement!: string;

  @ApiPropertyOptional({ example: 'Jordan Lee (vCIO)', description: 'Who vouches for it; defaults to the caller.' })
  @IsOptional()
  @Trim()
  @Length(1, 200)
  @IsString()
  attestedBy?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was checked; defaults to now, never in the future.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'attestedAt must be an ISO 8601 date-time' })
  attestedAt?: string;

  @ApiProperty({ format: 'date-time', description: 'When the attestation stops counting; after attestedAt, at most 3 years later.' })
  @IsDateString({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt!: string;

  @ApiPropertyOptional({ example: 'https://sharepoint.example/sites/harbor/IR-plan-v3.pdf' })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'evidenceUrl must be an http(s) URL' })
  evidenceUrl?: string;
}

export class AttestationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class AttestationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() controlKey!: string;
  @ApiProperty() statement!: string;
  @ApiProperty() attestedBy!: string;
  @ApiProperty({ format: 'date-time' }) attestedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true }) evidenceUrl!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AttestationPageDto {
  @ApiProperty({ type: [AttestationResponseDto] }) data!: AttestationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
