import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'name' }) field!: string;
  @ApiProperty({ example: 'name must be shorter than or equal to 200 characters' }) message!: string;
}

/** The one error shape every route answers with. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'Invalid request: seats must be an integer' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) details?: FieldErrorDto[];
  @ApiProperty({ example: '5f0c8a1e-6d1e-4c3a-9a43-0d2f3f6b1c7e' }) requestId!: string;
}

/** Thrown with a list of per-field problems; the filter puts them in `details`. */
export interface FieldError {
  field: string;
  message: string;
}
