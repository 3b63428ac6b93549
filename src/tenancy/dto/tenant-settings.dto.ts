import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { IsOmittable } from '../../common/validation/decorators.js';
import type { NoDataScoring } from '../../database/schema.js';

const NO_DATA_SCORING = ['fail', 'exclude'] as const;

export class TenantSettingsDto {
  @ApiProperty({ enum: NO_DATA_SCORING, description: 'fail: a control without evidence (or whose evaluation erred) counts as not compliant; exclude: it is left out of the score, and still shown.' })
  noDataScoring!: NoDataScoring;
}

export class TenantSettingsUpdateDto {
  @ApiPropertyOptional({ enum: NO_DATA_SCORING })
  @IsOmittable()
  @IsIn(NO_DATA_SCORING)
  noDataScoring?: NoDataScoring;
}
