import { describe, expect, it } from '@jest/globals';
import { CsvFormatError, parseAssetRows, parseClientRows } from './csv-rows.js';

describe(parseClientRows.name, () => {
  it('reads clients with typed fields and header spellings people use', () => {
    const parsed = parseClientRows('\uFEFFName,Status,Domains,Seats,Baseline\n"Müller GmbH, Berlin",active,mueller.example; mueller-berlin.example,12,Premium\nHarbor Dental,,,,\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(({ row, value }) => [row, value.name, value.domains, value.seats])).toEqual([
      [2, 'Müller GmbH, Berlin', ['mueller.example', 'mueller-berlin.example'], 12],
      [3, 'Harbor Dental', undefined, undefined],
    ]);
  });

  it('reports each bad row by line and field, and a name given twice', () => {
    const parsed = parseClientRows('name,seats,status\nA,many,active\nB,3,gone\nA,1,active\n,2,active\nC,4,active\n');
    expect(parsed.errors).toEqual([
      { row: 2, field: 'seats', message: 'seats must be an integer number' },
      { row: 3, field: 'status', message: 'status must be one of the following values: active, inactive, prospect' },
      { row: 4, field: 'name', message: 'name "A" is also on row 2' },
      { row: 5, field: 'name', message: 'name must be a string' },
    ]);
    expect(parsed.rows.map(({ row }) => row)).toEqual([6]);
  });

  it.each([
    ['', /empty/],
    ['seats\n3\n', /Missing required column\(s\): name/],
    ['name,colour\nA,red\n', /Unknown column\(s\) colour/],
    ['name,seats\n"unclosed,3\n', /cannot be read/],
    ['name,seats\nA,3,extra\n', /cannot be read/],
  ])('refuses the whole file for %p', (text, message) => {
    expect(() => parseClientRows(text)).toThrow(CsvFormatError);
    expect(() => parseClientRows(text)).toThrow(message);
  });
});

describe(parseAssetRows.name, () => {
  it('reads assets with booleans, numbers and dates as the API takes them', () => {
    const parsed = parseAssetRows('client,external_id,kind,hostname,disk_encrypted,missing_patches,last_seen_at\nHarbor Dental,D-1,workstation,WS-1,yes,3,2026-11-20T10:00:00Z\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.value).toMatchObject({ client: 'Harbor Dental', asset: { externalId: 'D-1', kind: 'workstation', diskEncrypted: true, missingPatches: 3, lastSeenAt: '2026-11-20T10:00:00Z' } });
  });

  it('reports unknown kinds, bad booleans, a missing client and repeated ids', () => {
    const parsed = parseAssetRows('client,external_id,kind,disk_encrypted\nA,1,toaster,\nA,2,server,maybe\n,3,server,\nA,2,server,\n');
    expect(parsed.errors.map((error) => [error.row, error.field])).toEqual([
      [2, 'kind'],
      [3, 'diskEncrypted'],
      [4, 'client'],
      [5, 'externalId'],
    ]);
  });
});
