import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { SOURCE_MESSAGE, SOURCE_PATTERN } from '../../evidence/dto/evidence.dto.js';
import { CSV_KINDS, type CsvKind } from '../csv-rows.js';

export class CsvImportQueryDto {
  @ApiProperty({ enum: CSV_KINDS })
  @IsIn(CSV_KINDS)
  kind!: CsvKind;

  @ApiPropertyOptional({ default: 'csv', description: 'Assets only: the tool their external ids belong to.' })
  @IsOptional()
  @Matches(SOURCE_PATTERN, { message: SOURCE_MESSAGE })
  source?: string;

  @ApiPropertyOptional({ default: false, description: 'Import the good rows even when some are bad.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'partial must be true or false' })
  partial?: boolean;
}

class RowErrorDto {
  @ApiProperty() row!: number;
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

export class CsvImportResultDto {
  @ApiProperty({ enum: CSV_KINDS }) kind!: CsvKind;
  @ApiProperty() rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ description: 'Rows left out (only with partial=true).' }) failed!: number;
  @ApiProperty({ type: [RowErrorDto] }) errors!: RowErrorDto[];
}
