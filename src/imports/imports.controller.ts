import { Body, Controller, HttpCode, Post, Query, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Auth, Authenticated } from '../auth/auth.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import { CsvImportService } from './csv-import.service.js';
import { CsvImportQueryDto, CsvImportResultDto } from './dto/csv-import.dto.js';

@ApiTags('Imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly csvImport: CsvImportService) {}

  @Post('csv')
  @HttpCode(200)
  @Authenticated('clients:write')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'name,status,domains,seats,baseline\nHarbor Dental,active,harbordental.example,42,Premium\n' } })
  @ApiOkResponse({ type: CsvImportResultDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Some rows are bad and partial is not set: nothing was imported; details name each row and field.' })
  import(@Auth() caller: Caller, @Query() query: CsvImportQueryDto, @Body() body: unknown): Promise<CsvImportResultDto> {
    if (typeof body !== 'string') throw new UnsupportedMediaTypeException('Send the CSV as the request body with Content-Type: text/csv');
    return this.csvImport.import(caller, query.kind, body, { source: query.source ?? 'csv', partial: query.partial ?? false });
  }
}
