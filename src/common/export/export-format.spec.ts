import { BadRequestException, NotAcceptableException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { toErrorResponse } from '../errors/http-exception.filter.js';
import { attachmentName, contentTypeFor, type ExportFormat, negotiateExportFormat } from './export-format.js';

describe(negotiateExportFormat.name, () => {
  it.each<[string, string | undefined, ExportFormat]>([
    ['csv', 'application/json', 'csv'],
    ['json', 'text/csv', 'json'],
    ['csv', 'application/xml', 'csv'],
  ])('lets ?format=%s win over Accept %p', (format, accept, expected) => {
    expect(negotiateExportFormat(format, accept)).toBe(expected);
  });

  it.each(['xml', 'CSV', '', ' csv'])('refuses ?format=%p as 400 in the error shape', (format) => {
    const error = catchError(() => negotiateExportFormat(format, undefined));
    expect(error).toBeInstanceOf(BadRequestException);
    expect(toErrorResponse(error, 'req-1')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'format must be csv or json',
      details: [{ field: 'format', message: 'must be csv or json' }],
      requestId: 'req-1',
    });
  });

  it('refuses ?format given twice, which Express passes as an array', () => {
    expect(() => negotiateExportFormat(['csv', 'json'] as unknown as string, undefined)).toThrow(BadRequestException);
  });

  it.each<[string | undefined, ExportFormat]>([
    [undefined, 'json'],
    ['', 'json'],
    ['   ', 'json'],
    ['text/csv', 'csv'],
    ['TEXT/CSV', 'csv'],
    ['text/csv; charset=utf-8', 'csv'],
    ['application/json', 'json'],
    ['*/*', 'json'],
    ['text/*', 'csv'],
    ['application/*', 'json'],
    ['text/csv, application/json', 'json'],
    ['text/csv, */*', 'csv'],
    ['text/csv;q=0.9, application/json;q=0.8', 'csv'],
    ['application/json;q=0.5, text/csv', 'csv'],
    ['text/csv;q=0.5, application/json;q=0.5', 'json'],
    ['application/json;q=0, */*', 'csv'],
    ['text/csv;q=0, */*', 'json'],
    ['application/xml, text/csv;q=0.1', 'csv'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'json'],
    ['text/csv;q=0.3;level=1, application/json;q=0.2', 'csv'],
    ['garbage', 'json'],
    ['text/csv;q=2, application/json;q=0.1', 'json'],
  ])('reads Accept %p as %s', (accept, expected) => {
    expect(negotiateExportFormat(undefined, accept)).toBe(expected);
  });

  it.each(['application/xml', 'text/html, image/png', '*/*;q=0', 'text/csv;q=0, application/json;q=0', 'text/*;q=0, application/json;q=0.000'])(
    'answers 406 naming both types when Accept %p allows neither',
    (accept) => {
      const error = catchError(() => negotiateExportFormat(undefined, accept));
      expect(error).toBeInstanceOf(NotAcceptableException);
      const body = toErrorResponse(error, 'req-2');
      expect(body.statusCode).toBe(406);
      expect(body.message).toContain('text/csv');
      expect(body.message).toContain('application/json');
      expect(body.details).toEqual([{ field: 'accept', message: 'must allow text/csv or application/json' }]);
    },
  );
});

describe(contentTypeFor.name, () => {
  it('names the media type and UTF-8', () => {
    expect(contentTypeFor('csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeFor('json')).toBe('application/json; charset=utf-8');
  });
});

describe(attachmentName.name, () => {
  const date = new Date('2026-11-23T23:30:00Z');

  it.each<[string, ExportFormat, string]>([
    ['portfolio-scorecard', 'csv', 'portfolio-scorecard-2026-11-23.csv'],
    ['Müller GmbH results', 'json', 'muller-gmbh-results-2026-11-23.json'],
    ['../../etc/passwd', 'csv', 'etc-passwd-2026-11-23.csv'],
    ['"quoted"; name\r\n', 'csv', 'quoted-name-2026-11-23.csv'],
    ['東京', 'csv', 'export-2026-11-23.csv'],
    ['', 'json', 'export-2026-11-23.json'],
  ])('makes %p a safe %s file name', (base, format, expected) => {
    expect(attachmentName(base, format, date)).toBe(expected);
  });

  it('dates the file in UTC', () => {
    expect(attachmentName('x', 'csv', new Date('2026-11-24T00:30:00+02:00'))).toBe('x-2026-11-23.csv');
  });

  it('keeps the name short', () => {
    expect(attachmentName('a'.repeat(500), 'csv', date)).toBe(`${'a'.repeat(100)}-2026-11-23.csv`);
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
