import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { csvField, csvHeader, csvRow, type CsvValue } from './csv.js';

describe(csvRow.name, () => {
  it('joins fields with commas and ends the record with CRLF', () => {
    expect(csvRow(['Contoso', 87.5, true])).toBe('Contoso,87.5,true\r\n');
  });

  it('leaves null and undefined cells empty', () => {
    expect(csvRow([null, 'a', undefined, false])).toBe(',a,,false\r\n');
  });

  it('writes dates as ISO 8601 in UTC', () => {
    expect(csvRow([new Date(Date.UTC(2026, 10, 23, 2, 0, 5, 12))])).toBe('2026-11-23T02:00:05.012Z\r\n');
  });

  it('refuses an invalid date instead of writing an empty cell', () => {
    expect(() => csvRow([new Date(Number.NaN)])).toThrow(RangeError);
  });

  it('writes numbers as JavaScript prints them, negative ones untouched', () => {
    expect(csvRow([-3.5, 0, 1e21, 0.1 + 0.2, -0])).toBe('-3.5,0,1e+21,0.30000000000000004,0\r\n');
  });

  it('keeps a record of one empty field from becoming a blank line', () => {
    expect(csvRow([''])).toBe('""\r\n');
    expect(csvRow([null])).toBe('""\r\n');
  });
});

describe(csvField.name, () => {
  it.each<[string, string]>([
    ['Müller GmbH', 'Müller GmbH'],
    ['Smith, Jones & Co', '"Smith, Jones & Co"'],
    ['The "Best" IT', '"The ""Best"" IT"'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['crlf\r\nend', '"crlf\r\nend"'],
    ['', ''],
  ])('quotes %p only when RFC 4180 needs it', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each<[string, string]>([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 20 123 4567', "'+31 20 123 4567"],
    ['-3.5', "'-3.5"],
    ['@cmd', "'@cmd"],
    ['\tindent', "'\tindent"],
    ['\rsneaky', `"'\rsneaky"`],
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
  ])('defuses the spreadsheet formula in text %p', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each(['a=b', 'x-ray', 'mail@example.com', ' =padded'])('leaves text with a formula character later on alone: %p', (value) => {
    expect(csvField(value)).toBe(value);
  });

  it('does not guard numbers, which are data and never formulas', () => {
    expect(csvField(-42)).toBe('-42');
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });
});

describe(csvHeader.name, () => {
  it('is the record of the column headers', () => {
    expect(csvHeader([{ header: 'Client' }, { header: 'Score, %' }])).toBe('Client,"Score, %"\r\n');
  });
});

describe('a whole table', () => {
  it('reads back cell for cell with a standard CSV parser', () => {
    const rows: CsvValue[][] = [
      ['Client', 'Score', 'Note'],
      ['Müller GmbH', 71.2, 'line one\r\nline two'],
      ['"Quoted", Inc.', -3.5, null],
    ];
    const text = rows.map(csvRow).join('');
    expect(parse(text, { relax_quotes: false })).toEqual([
      ['Client', 'Score', 'Note'],
      ['Müller GmbH', '71.2', 'line one\r\nline two'],
      ['"Quoted", Inc.', '-3.5', ''],
    ]);
  });
});
