/** What a CSV cell can be made from; anything richer is the caller's to turn into one of these. */
export type CsvValue = string | number | boolean | null | undefined | Date;

/** RFC 4180 ends every record, the last one included, with CRLF. */
export const CSV_LINE_END = '\r\n';

/**
 * The UTF-8 byte order mark. Excel opens a double-clicked .csv in the machine's legacy code page
 * unless the file starts with it, so "Müller GmbH" shows up as "MÃ¼ller GmbH". Exports send it by
 * default (see `streamExport`): the people who download a scorecard open it in Excel far more often
 * than anything else, and the readers that integrations use (csv-parse with `bom`, pandas, Power BI,
 * Google Sheets, LibreOffice, our own CSV import) skip it. A program that wants JSON should ask for it.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"), so a
 * client called `=HYPERLINK("http://evil","click")` would become a live link in the MSP's Excel.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, escaped: formula guard first, then RFC 4180 quoting of what the guard produced. */
export function csvField(value: CsvValue): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // An invalid Date throws RangeError here: a bug in the row mapping, better loud than an empty cell.
  if (value instanceof Date) return value.toISOString();
  // Only text is guarded: a negative number is data, and `'-3.5` would turn it into text in Excel.
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  return String(value);
}

/** One record, CRLF included. */
export function csvRow(values: readonly CsvValue[]): string {
  const fields = values.map(csvField);
  // A record of one empty field would be a blank line, which most readers drop; quoting keeps it.
  if (fields.length === 1 && fields[0] === '') return `""${CSV_LINE_END}`;
  return fields.join(',') + CSV_LINE_END;
}

/** The header record of a table whose columns are named by `header`. */
export function csvHeader(columns: readonly { header: string }[]): string {
  return csvRow(columns.map((column) => column.header));
}
