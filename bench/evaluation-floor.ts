import { type Insertable, sql } from 'kysely';

import type { Database } from '../src/database/database.js';
import type { ControlResultsTable } from '../src/database/schema.js';

/** The floor's table: control_results' columns, types and defaults, without its keys, checks or indexes. */
type FloorTables = {
  benchFloor: ControlResultsTable;
};

export interface FloorResult {
  clients: number;
  rowsPerClient: number;
  rows: number;
  seconds: number;
}

/**
 * The least any evaluation could spend writing a run's control results: for each client, in its
 * own transaction and one after the other, ONE multi-row INSERT of that client's rows. The rows are
 * a copy of one client's stored results from `runId` (so they are as wide as the real ones, evidence
 * included), with each client's id. Client ids are read page by page, never all at once.
 */
export async function measureFloor(database: Database, runId: string): Promise<FloorResult> {
  const db = database.system.withTables<FloorTables>();
  await sql`drop table if exists bench_floor`.execute(db);
  await sql`create table bench_floor (like control_results including defaults)`.execute(db);
  const templateClient = await db.selectFrom('controlResults').select('clientId').where('runId', '=', runId).orderBy('clientId').limit(1).executeTakeFirstOrThrow();
  const template = (await db.selectFrom('controlResults').selectAll().where('runId', '=', runId).where('clientId', '=', templateClient.clientId).execute()).map(
    (row): Insertable<ControlResultsTable> => ({
      ...row,
      evidence: row.evidence === null ? null : JSON.stringify(row.evidence),
      failingAssets: row.failingAssets === null ? null : JSON.stringify(row.failingAssets),
      exception: row.exception === null ? null : JSON.stringify(row.exception),
    }),
  );

  let clients = 0;
  const started = performance.now();
  for (let after: string | undefined; ; ) {
    let query = db.selectFrom('runClients').select('clientId').where('runId', '=', runId);
    if (after) query = query.where('clientId', '>', after);
    const page = await query.orderBy('clientId').limit(500).execute();
    if (page.length === 0) break;
    for (const { clientId } of page) {
      await db.transaction().execute((trx) => trx.insertInto('benchFloor').values(template.map((row) => ({ ...row, clientId }))).execute());
      clients += 1;
    }
    after = page[page.length - 1]!.clientId;
  }
  const seconds = (performance.now() - started) / 1000;
  const { count } = await db.selectFrom('benchFloor').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  await sql`drop table bench_floor`.execute(db);
  return { clients, rowsPerClient: template.length, rows: Number(count), seconds };
}
