import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Transform } from 'class-transformer';

import { PageQueryDto } from '../../common/pagination/page.js';
import { Trim } from '../../common/validation/decorators.js';

export class ExceptionCreateDto {
  @ApiProperty({ example: 'endpoint.disk_encryption', description: 'The control, by id or key.' })
  @Length(1, 100)
  @IsString()
  controlId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The client the risk is accepted for; give this or baselineId.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Accept the risk for every client on a baseline.' })
  @IsOptional()
  @IsUUID('all', { message: 'baselineId must be a UUID' })
  baselineId?: string;

  @ApiProperty({ example: 'Dana Whitfield (managing partner)', description: 'Who accepted the risk on the client side.' })
  @Trim()
  @Length(1, 200)
  @IsString()
  owner!: string;

  @ApiProperty({ example: 'Legacy lab PC must stay on Windows 10 until the analyser vendor certifies Windows 11.' })
  @Trim()
  @Length(1, 2000)
  @IsString()
  reason!: string;

  @ApiPropertyOptional({ example: 'PC is on an isolated VLAN without internet access.' })
  @IsOptional()
  @Trim()
  @Length(1, 2000)
  @IsString()
  compensatingControl?: string;

  @ApiProperty({ format: 'date-time', description: 'When the acceptance lapses; at most 3 years ahead. Expired exceptions stop counting.' })
  @IsDateString({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt!: string;
}

export class ExceptionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ description: 'Control id or key.' })
  @IsOptional()
  @Length(1, 100)
  @IsString()
  controlId?: string;

  @ApiPropertyOptional({ description: 'true: only exceptions in force now; false: only expired ones.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class ExceptionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) controlId!: string;
  @ApiProperty() controlKey!: string;
  @ApiProperty() controlName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clientId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) baselineId!: string | null;
  @ApiProperty() owner!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) compensatingControl!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'Whether the exception counts now (not yet expired).' }) active!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ExceptionPageDto {
  @ApiProperty({ type: [ExceptionResponseDto] }) data!: ExceptionResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
