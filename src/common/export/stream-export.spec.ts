import { afterEach, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import express, { type NextFunction, type Request, type Response } from 'express';
import { once } from 'node:events';
import { get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { contentDisposition, type ExportColumn, keysetPages, streamExport, type StreamExportOptions, type StreamExportResult } from './stream-export.js';

interface Row {
  id: number;
  name: string;
  score: number | null;
}

const COLUMNS: readonly ExportColumn<Row>[] = [
  { header: 'Id', value: (row) => row.id },
  { header: 'Client', value: (row) => row.name },
  { header: 'Score', value: (row) => row.score },
];

const rowsFrom = (first: number, count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({ id: first + index, name: `Client ${first + index}`, score: (first + index) % 7 === 0 ? null : 50.5 }));

/** A page source that records how far it was pulled and whether its `finally` ran. */
function trackedSource(pageCount: number, pageSize: number, makeRows: (first: number, count: number) => Row[] = rowsFrom) {
  const state = { pulled: 0, released: false };
  async function* pages(): AsyncGenerator<Row[]> {
    try {
      for (let page = 0; page < pageCount; page++) {
        state.pulled++;
        yield makeRows(page * pageSize, pageSize);
      }
    } finally {
      state.released = true;
    }
  }
  return { state, pages: pages() };
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

/** Serves one export through Express, with an error handler that, like ours, leaves a started response alone. */
async function serveExport<R>(options: StreamExportOptions<R>): Promise<{ url: string; outcome: Promise<PromiseSettledResult<StreamExportResult>> }> {
  let settle!: (outcome: PromiseSettledResult<StreamExportResult>) => void;
  const outcome = new Promise<PromiseSettledResult<StreamExportResult>>((resolve) => (settle = resolve));
  const app = express();
  app.get('/export', async (_request: Request, response: Response) => {
    try {
      settle({ status: 'fulfilled', value: await streamExport(response, options) });
    } catch (error) {
      settle({ status: 'rejected', reason: error });
      throw error;
    }
  });
  app.use((error: Error, _request: Request, response: Response, _next: NextFunction) => {
    if (!response.headersSent) response.status(500).json({ statusCode: 500, message: error.message });
  });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/export`, outcome };
}

/** The body as the bytes say, a leading byte order mark included. */
async function bodyText(response: globalThis.Response): Promise<string> {
  return Buffer.from(await response.arrayBuffer()).toString('utf8');
}

describe(streamExport.name, () => {
  describe('as CSV', () => {
    it('sends a download with a BOM, a header and every row of every page', async () => {
      const source = trackedSource(3, 4);
      const { url, outcome } = await serveExport({ format: 'csv', filename: 'portfolio-scorecard-2026-11-23.csv', columns: COLUMNS, pages: source.pages });

      const response = await fetch(url);
      const body = await bodyText(response);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="portfolio-scorecard-2026-11-23.csv"');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(body.startsWith('\uFEFFId,Client,Score\r\n')).toBe(true);
      expect(body.split('\r\n')).toHaveLength(1 + 12 + 1); // header, rows, and the empty string after the last CRLF
      const table = parse(body, { bom: true, columns: true }) as Record<string, string>[];
      expect(table).toHaveLength(12);
      expect(table[0]).toEqual({ Id: '0', Client: 'Client 0', Score: '' });
      expect(table[11]).toEqual({ Id: '11', Client: 'Client 11', Score: '50.5' });
      expect(await outcome).toEqual({ status: 'fulfilled', value: { rows: 12, complete: true } });
      expect(source.state.released).toBe(true);
    });

    it('sends only the header for an empty export', async () => {
      const source = trackedSource(0, 10);
      const { url, outcome } = await serveExport({ format: 'csv', filename: 'empty.csv', columns: COLUMNS, pages: source.pages });

      const response = await fetch(url);

      expect(response.status).toBe(200);
      expect(await bodyText(response)).toBe('\uFEFFId,Client,Score\r\n');
      expect(await outcome).toEqual({ status: 'fulfilled', value: { rows: 0, complete: true } });
    });

    it('leaves the BOM out when asked to', async () => {
      const { url } = await serveExport({ format: 'csv', filename: 'x.csv', columns: COLUMNS, pages: trackedSource(1, 1).pages, bom: false });

      expect(await bodyText(await fetch(url))).toBe('Id,Client,Score\r\n0,Client 0,\r\n');
    });

    it('skips empty pages in the middle', async () => {
      async function* pages(): AsyncGenerator<Row[]> {
        yield [];
        yield rowsFrom(1, 1);
        yield [];
        yield rowsFrom(2, 1);
      }
      const { url, outcome } = await serveExport({ format: 'csv', filename: 'x.csv', columns: COLUMNS, pages: pages(), bom: false });

      expect(await bodyText(await fetch(url))).toBe('Id,Client,Score\r\n1,Client 1,50.5\r\n2,Client 2,50.5\r\n');
      expect(await outcome).toEqual({ status: 'fulfilled', value: { rows: 2, complete: true } });
    });
  });

  describe('as JSON', () => {
    it('writes one document with the preamble and the rows of every page under data', async () => {
      const source = trackedSource(3, 2);
      const preamble = { runId: 'r-1', generatedAt: new Date('2026-11-23T02:00:00Z'), portfolio: { score: 81.4 } };
      const { url, outcome } = await serveExport({
        format: 'json',
        filename: 'portfolio-scorecard-2026-11-23.json',
        columns: COLUMNS,
        pages: source.pages,
        jsonRow: (row) => ({ id: row.id, name: row.name, score: row.score }),
        jsonPreamble: preamble,
      });

      const response = await fetch(url);

      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="portfolio-scorecard-2026-11-23.json"');
      expect(JSON.parse(await response.text())).toEqual({
        runId: 'r-1',
        generatedAt: '2026-11-23T02:00:00.000Z',
        portfolio: { score: 81.4 },
        data: rowsFrom(0, 6),
      });
      expect(await outcome).toEqual({ status: 'fulfilled', value: { rows: 6, complete: true } });
    });

    it('writes an empty data array for an empty export, with and without a preamble', async () => {
      const withPreamble = await serveExport({ format: 'json', filename: 'x.json', columns: COLUMNS, pages: trackedSource(0, 1).pages, jsonPreamble: { runId: 'r-2' } });
      const without = await serveExport({ format: 'json', filename: 'x.json', columns: COLUMNS, pages: trackedSource(0, 1).pages });

      expect(JSON.parse(await (await fetch(withPreamble.url)).text())).toEqual({ runId: 'r-2', data: [] });
      expect(JSON.parse(await (await fetch(without.url)).text())).toEqual({ data: [] });
    });

    it('keys rows by column header when no jsonRow is given, with null for an absent value', async () => {
      const { url } = await serveExport({ format: 'json', filename: 'x.json', columns: COLUMNS, pages: trackedSource(1, 1).pages });

      expect(JSON.parse(await (await fetch(url)).text())).toEqual({ data: [{ Id: 0, Client: 'Client 0', Score: null }] });
    });

    it('refuses a preamble with a data field before sending anything', async () => {
      const { url, outcome } = await serveExport({ format: 'json', filename: 'x.json', columns: COLUMNS, pages: trackedSource(1, 1).pages, jsonPreamble: { data: 1 } });

      const response = await fetch(url);

      expect(response.status).toBe(500);
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(await outcome).toMatchObject({ status: 'rejected', reason: expect.any(TypeError) });
    });
  });

  describe('when something fails', () => {
    it('sends no headers when the first page fails, so the error handler can answer', async () => {
      let released = false;
      async function* pages(): AsyncGenerator<Row[]> {
        try {
          yield* [];
          throw new Error('permission denied for table client_scores');
        } finally {
          released = true;
        }
      }
      const { url, outcome } = await serveExport({ format: 'csv', filename: 'x.csv', columns: COLUMNS, pages: pages() });

      const response = await fetch(url);

      expect(response.status).toBe(500);
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(await response.json()).toEqual({ statusCode: 500, message: 'permission denied for table client_scores' });
      expect(await outcome).toMatchObject({ status: 'rejected', reason: { message: 'permission denied for table client_scores' } });
      expect(released).toBe(true);
    });

    it('sends no headers when a row of the first page cannot be written, and releases the source', async () => {
      const source = trackedSource(2, 2);
      const columns: ExportColumn<Row>[] = [{ header: 'Broken', value: () => new Date(Number.NaN) }];
      const { url, outcome } = await serveExport({ format: 'csv', filename: 'x.csv', columns, pages: source.pages });

      const response = await fetch(url);

      expect(response.status).toBe(500);
      expect(await outcome).toMatchObject({ status: 'rejected', reason: expect.any(RangeError) });
      expect(source.state).toEqual({ pulled: 1, released: true });
    });

    it('breaks the transfer when a later page fails, so no short file looks whole', async () => {
      async function* pages(): AsyncGenerator<Row[]> {
        yield rowsFrom(0, 100);
        await sleep(20);
        throw new Error('connection terminated');
      }
      const { url, outcome } = await serveExport({ format: 'json', filename: 'x.json', columns: COLUMNS, pages: pages() });

      const response = await fetch(url);

      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow('terminated');
      expect(await outcome).toMatchObject({ status: 'rejected', reason: { message: 'connection terminated' } });
    });
  });

  describe('with a slow or vanishing client', () => {
    it('does not pull pages ahead of a consumer that has stopped reading', async () => {
      const response = new HeldResponse();
      const source = trackedSource(50, 100); // each page is more than the response buffers
      const exporting = streamExport(response.asExpress(), { format: 'csv', filename: 'x.csv', columns: COLUMNS, pages: source.pages });

      await sleep(50);
      expect(source.state.pulled).toBe(1);
      expect(response.received.length).toBe(1);

      response.flow();

      expect(await exporting).toEqual({ rows: 5000, complete: true });
      expect(source.state).toEqual({ pulled: 50, released: true });
      expect(response.received.join('').split('\r\n')).toHaveLength(1 + 5000 + 1);
      expect(response.headers).toEqual({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="x.csv"',
        'cache-control': 'no-store',
      });
    });

    it('keeps a paused HTTP download bounded to what the sockets buffer, then finishes it', async () => {
      const wide = (first: number, count: number): Row[] => rowsFrom(first, count).map((row) => ({ ...row, name: `${row.name} ${'x'.repeat(1000)}` }));
      const source = trackedSource(32, 512, wide); // 16 MB of CSV, well beyond what loopback sockets buffer (about 4 MB here)
      const { url, outcome } = await serveExport({ format: 'csv', filename: 'x.csv', columns: COLUMNS, pages: source.pages });

      const response = await new Promise<IncomingMessage>((resolve) => get(url, resolve));
      response.pause();
      await sleep(300);
      const pulledWhilePaused = source.state.pulled;
      let lines = 0;
      response.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 0x0a) lines++;
      });
      response.resume();
      await once(response, 'end');

      expect(pulledWhilePaused).toBeLessThan(32);
      expect(lines).toBe(1 + 32 * 512);
      expect(await outcome).toEqual({ status: 'fulfilled', value: { rows: 32 * 512, complete: true } });
    });

    it('stops pulling pages and releases the source when the client disconnects', async () => {
      const state = { pulled: 0, released: false };
      async function* endless(): AsyncGenerator<Row[]> {
        try {
          for (let page = 0; ; page++) {
            state.pulled++;
            await setImmediate(); // a real source waits on its database; a regression then fails instead of hanging
            yield rowsFrom(page * 1000, 1000);
          }
        } finally {
          state.released = true;
        }
      }
      const { url, outcome } = await serveExport({ format: 'csv', filename: 'x.csv', columns: COLUMNS, pages: endless() });

      const request = get(url, (response) => response.once('data', () => request.destroy()));
      request.on('error', () => {});

      const result = await outcome;
      expect(result.status).toBe('fulfilled');
      expect((result as PromiseFulfilledResult<StreamExportResult>).value.complete).toBe(false);
      expect(state.released).toBe(true);
      const pulledAtEnd = state.pulled;
      await sleep(50);
      expect(state.pulled).toBe(pulledAtEnd);
    });

    it('sends nothing and releases the source when the client leaves while the first page loads', async () => {
      let deliver!: () => void;
      const firstPageLoaded = new Promise<void>((resolve) => (deliver = resolve));
      const state = { released: false, askedForSecond: false };
      async function* pages(): AsyncGenerator<Row[]> {
        try {
          await firstPageLoaded;
          yield rowsFrom(0, 1);
          state.askedForSecond = true;
        } finally {
          state.released = true;
        }
      }
      const response = new HeldResponse();
      const exporting = streamExport(response.asExpress(), { format: 'csv', filename: 'x.csv', columns: COLUMNS, pages: pages() });

      response.destroy();
      await once(response, 'close');
      deliver();

      expect(await exporting).toEqual({ rows: 0, complete: false });
      expect(response.received).toEqual([]);
      expect(response.headers).toEqual({});
      expect(state).toEqual({ released: true, askedForSecond: false });
    });
  });
});

/**
 * Stands in for an Express response whose client reads nothing until `flow()`: every write is
 * held, so the stream fills past its tiny high-water mark and `write` returns false.
 */
class HeldResponse extends Writable {
  statusCode = 0;
  readonly headers: Record<string, string> = {};
  readonly received: string[] = [];
  private held: (() => void)[] = [];
  private flowing = false;

  constructor() {
    super({ highWaterMark: 1024, decodeStrings: false });
  }

  setHeader(name: string, value: string): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  override _write(chunk: string, _encoding: BufferEncoding, callback: () => void): void {
    this.received.push(String(chunk));
    if (this.flowing) callback();
    else this.held.push(callback);
  }

  flow(): void {
    this.flowing = true;
    for (const callback of this.held.splice(0)) callback();
  }

  asExpress(): Response {
    return this as unknown as Response;
  }
}

describe(contentDisposition.name, () => {
  it('quotes a plain file name as is', () => {
    expect(contentDisposition('portfolio-scorecard-2026-11-23.csv')).toBe('attachment; filename="portfolio-scorecard-2026-11-23.csv"');
  });

  it('adds an encoded filename* beside an ASCII stand-in for any other name', () => {
    expect(contentDisposition('Müller "GmbH".csv')).toBe(`attachment; filename="M_ller__GmbH_.csv"; filename*=UTF-8''M%C3%BCller%20%22GmbH%22.csv`);
  });
});

describe(keysetPages.name, () => {
  it('follows the cursor until there is no next page, skipping empty pages', async () => {
    const asked: (number | undefined)[] = [];
    const answers: Record<string, { rows: string[]; next: number | undefined }> = {
      start: { rows: ['a', 'b'], next: 2 },
      2: { rows: [], next: 5 },
      5: { rows: ['c'], next: undefined },
    };

    const pages: string[][] = [];
    for await (const page of keysetPages<string, number>(async (after) => {
      asked.push(after);
      return answers[after ?? 'start']!;
    })) {
      pages.push(page);
    }

    expect(asked).toEqual([undefined, 2, 5]);
    expect(pages).toEqual([['a', 'b'], ['c']]);
  });

  it('fetches no further once the consumer stops', async () => {
    let fetches = 0;
    const pages = keysetPages<number, number>(async (after) => {
      fetches++;
      return { rows: [after ?? 0], next: (after ?? 0) + 1 };
    });

    for await (const page of pages) {
      if (page[0] === 2) break;
    }

    expect(fetches).toBe(3);
    expect(await pages.next()).toEqual({ done: true, value: undefined });
  });

  it('refuses a source that hands back the cursor it was given, which would never end', async () => {
    const pages = keysetPages<number, string>(async () => ({ rows: [1], next: 'same' }));

    await expect(pages.next()).resolves.toMatchObject({ value: [1] });
    await expect(pages.next()).rejects.toThrow(/cursor it was given/);
  });
});
