import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { Database, type DatabaseKind } from '../database/database.js';

class DatabaseHealthDto {
  @ApiProperty({ enum: ['postgres', 'pglite'] }) kind!: DatabaseKind;
  @ApiProperty({ example: 1.2 }) latencyMs!: number;
}

class HealthDto {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
  @ApiProperty() database!: DatabaseHealthDto;
  @ApiProperty({ example: 312.5 }) uptimeSeconds!: number;
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: Database) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'The database does not answer.' })
  async check(): Promise<HealthDto> {
    let latencyMs: number;
    try {
      latencyMs = await this.database.ping();
    } catch {
      throw new ServiceUnavailableException('Database unavailable');
    }
    return {
      status: 'ok',
      database: { kind: this.database.kind, latencyMs: Math.round(latencyMs * 10) / 10 },
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
    };
  }
}
