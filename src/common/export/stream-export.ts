import type { Response } from 'express';
import { csvHeader, csvRow, type CsvValue, UTF8_BOM } from './csv.js';
import { contentTypeFor, type ExportFormat } from './export-format.js';

/** One column of an export: its CSV header and how a row gives its cell. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

export interface StreamExportOptions<Row> {
  format: ExportFormat;
  /** The download name, e.g. from `attachmentName`. */
  filename: string;
  columns: readonly ExportColumn<Row>[];
  /** Pages in export order, e.g. `keysetPages(...)`; only one page is held at a time. */
  pages: AsyncIterable<readonly Row[]>;
  /** A JSON row; without it, an object keyed by column header with the CSV cell values. */
  jsonRow?: (row: Row) => unknown;
  /** Fields written before `data` in the JSON document (run id, generatedAt, ...); must not hold `data`. */
  jsonPreamble?: Record<string, unknown>;
  /** Start the CSV with a UTF-8 byte order mark; default true, see `UTF8_BOM` for why. */
  bom?: boolean;
}

export interface StreamExportResult {
  /** Rows written to the response. */
  rows: number;
  /** False when the client went away before the end; the rows it got are not the whole export. */
  complete: boolean;
}

/**
 * Writes an export page by page as CSV or as `{...preamble, "data": [...]}`, so a portfolio of any
 * size costs one page of memory. Use it from a handler that takes `@Res()`.
 *
 * Nothing is sent until the first page has been fetched and formatted: a failure there (a bad
 * filter, a database error) rejects with the response untouched, so the exception filter answers
 * with the usual error JSON. A failure after that destroys the connection, so the client sees a
 * broken transfer rather than a short file that looks whole, and rejects with the error for the
 * exception filter to log (it does not write to a response whose headers are sent).
 */
export async function streamExport<Row>(response: Response, options: StreamExportOptions<Row>): Promise<StreamExportResult> {
  const writer = options.format === 'csv' ? csvWriter(options) : jsonWriter(options);
  const connection = watchConnection(response);
  const iterator = options.pages[Symbol.asyncIterator]();
  // A source that finished or threw has nothing left to release; like for-await, only stopping
  // early (client gone, our own failure) calls its return().
  let sourceEnded = false;
  const nextPage = async (): Promise<IteratorResult<readonly Row[]>> => {
    try {
      const result = await iterator.next();
      sourceEnded = result.done === true;
      return result;
    } catch (error) {
      sourceEnded = true;
      throw error;
    }
  };
  let started = false;
  let rows = 0;
  try {
    if (connection.closed) return { rows, complete: false };
    let page = await nextPage();
    let chunk = writer.start + (page.done ? '' : writer.rows(page.value, rows));
    if (connection.closed) return { rows, complete: false };
    response.statusCode = 200;
    response.setHeader('Content-Type', contentTypeFor(options.format));
    response.setHeader('Content-Disposition', contentDisposition(options.filename));
    response.setHeader('Cache-Control', 'no-store');
    started = true;
    while (!page.done) {
      rows += page.value.length;
      if (!response.write(chunk)) await connection.drained();
      if (connection.closed) return { rows, complete: false };
      page = await nextPage();
      if (connection.closed) return { rows, complete: false };
      chunk = page.done ? '' : writer.rows(page.value, rows);
    }
    response.end(chunk + writer.end);
    await connection.finished();
    return { rows, complete: !connection.closed };
  } catch (error) {
    if (started) response.destroy();
    throw error;
  } finally {
    connection.stopWatching();
    if (!sourceEnded) await releaseSource(iterator);
  }
}

/** Lets the source close its cursor or transaction; its own failure to do so must not hide ours. */
async function releaseSource(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // Nothing useful to add: the export already ended, and the source logs its own trouble.
  }
}

/** How an export turns pages into text: an opening, each page's rows, and a closing. */
interface FormatWriter<Row> {
  start: string;
  /** `before` is the number of rows already written, for the separator. */
  rows(page: readonly Row[], before: number): string;
  end: string;
}

function csvWriter<Row>(options: StreamExportOptions<Row>): FormatWriter<Row> {
  const { columns } = options;
  return {
    start: (options.bom === false ? '' : UTF8_BOM) + csvHeader(columns),
    rows: (page) => page.map((row) => csvRow(columns.map((column) => column.value(row)))).join(''),
    end: '',
  };
}

function jsonWriter<Row>(options: StreamExportOptions<Row>): FormatWriter<Row> {
  const preamble = options.jsonPreamble ?? {};
  if (Object.hasOwn(preamble, 'data')) throw new TypeError('jsonPreamble must not have a data field: the rows go there');
  const toJson = options.jsonRow ?? ((row: Row) => Object.fromEntries(options.columns.map((column) => [column.header, column.value(row) ?? null])));
  const opening = JSON.stringify(preamble).slice(0, -1);
  return {
    // One row a line keeps the file readable and diffable; it is still one JSON document.
    start: `${opening}${opening === '{' ? '' : ','}"data":[`,
    rows: (page, before) =>
      page.map((row, index) => `${before + index === 0 ? '\n' : ',\n'}${JSON.stringify(toJson(row)) ?? 'null'}`).join(''),
    end: ']}\n',
  };
}

interface ConnectionWatch {
  /** The client went away (or the response was destroyed) before the export ended. */
  readonly closed: boolean;
  /** Resolves when the response can take more, or when there is no one left to take it. */
  drained(): Promise<void>;
  /** Resolves when the response has been handed to the OS in full, or the connection closed. */
  finished(): Promise<void>;
  stopWatching(): void;
}

function watchConnection(response: Response): ConnectionWatch {
  let closedEarly = response.destroyed;
  const onClose = (): void => {
    if (!response.writableFinished) closedEarly = true;
  };
  response.on('close', onClose);
  const settled = (events: readonly string[]): Promise<void> =>
    new Promise((resolve) => {
      if (response.destroyed || response.writableFinished) return resolve();
      const done = (): void => {
        for (const event of events) response.off(event, done);
        resolve();
      };
      for (const event of events) response.on(event, done);
    });
  return {
    get closed() {
      return closedEarly;
    },
    drained: () => settled(['drain', 'close']),
    finished: () => settled(['finish', 'close']),
    stopWatching: () => response.off('close', onClose),
  };
}

/**
 * `attachment; filename="…"`, with an RFC 6266 `filename*` beside an ASCII stand-in when the name
 * has characters a plain quoted string cannot carry safely.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\w.-]/g, '_');
  if (ascii === filename) return `attachment; filename="${filename}"`;
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Pages of a keyset-paged query until it says there is no next position. Each page is its own
 * query, so no transaction or connection stays open while a slow client downloads.
 */
export async function* keysetPages<Row, Cursor>(
  fetch: (after: Cursor | undefined) => Promise<{ rows: Row[]; next: Cursor | undefined }>,
): AsyncGenerator<Row[], void, undefined> {
  let after: Cursor | undefined;
  do {
    const page = await fetch(after);
    // The same cursor again would repeat the same page forever: an endless download, not an export.
    if (page.next !== undefined && Object.is(page.next, after)) throw new Error('keyset page source returned the cursor it was given');
    if (page.rows.length > 0) yield page.rows;
    after = page.next;
  } while (after !== undefined);
}
