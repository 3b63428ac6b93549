import { PGlite } from '@electric-sql/pglite';
import { Logger } from '@nestjs/common';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'postgres' | 'pglite';

/**
 * A tenant's view of the database: one transaction, running as the restricted `rampart_app` role
 * with `rampart.tenant_id` set, so row-level security hides every other tenant's rows even from a
 * query that forgets its tenant filter. Repositories take this, never the system handle.
 */
export interface TenantScope {
  readonly tenantId: string;
  readonly db: Transaction<DB>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; embedded PGlite when absent. */
  url?: string;
  /** PGlite data directory; in memory when absent (tests). */
  dataDir?: string;
  poolSize?: number;
}

const APP_ROLE = 'rampart_app';
const logger = new Logger('Database');

export class Database {
  private closed = false;

  private constructor(
    /**
     * Cross-tenant access as the login role, for the few paths that must work before a tenant is
     * known (API-key lookup, Entra tenant mapping, the tenant registry, migrations).
     */
    readonly system: Kysely<DB>,
    readonly kind: DatabaseKind,
    /** The embedded engine itself, for pg-boss to share (through `exclusive`); absent on PostgreSQL. */
    readonly embedded: PGlite | undefined,
    /** The server's connection string, for pg-boss's own pool; absent on PGlite. */
    readonly url: string | undefined,
    private readonly release: () => void = () => {},
  ) {}

  static async open(options: DatabaseOptions): Promise<Database> {
    const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];
    if (options.url) {
      const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
      // An idle connection the server drops (restart, failover, idle timeout) must not take the
      // process down; the pool replaces it on the next checkout.
      pool.on('error', (error) => logger.warn(`Idle database connection lost: ${error.message}`));
      return new Database(new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins }), 'postgres', undefined, options.url);
    }
    if (!options.dataDir) {
      const pglite = await PGlite.create();
      return new Database(new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins }), 'pglite', pglite, undefined);
    }
    const unlock = lockDataDir(options.dataDir);
    try {
      const pglite = await PGlite.create(options.dataDir);
      return new Database(new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins }), 'pglite', pglite, undefined, unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Runs `work` in one transaction as the tenant; commits when it resolves, rolls back when it throws. */
  async inTenant<T>(tenantId: string, work: (scope: TenantScope) => Promise<T>): Promise<T> {
    return this.system.transaction().execute(async (trx) => {
      // One round trip for both: set_config('role', …, true) is SET LOCAL ROLE.
      await sql`select set_config('role', ${APP_ROLE}, true), set_config('rampart.tenant_id', ${tenantId}, true)`.execute(trx);
      return work({ tenantId, db: trx });
    });
  }

  /**
   * Runs `work` inside the tenant's transaction with the login role's privileges, then returns to
   * the restricted role. Only for writes outside tenant data that must commit with it (the job
   * queue's rows); tenant rows are never touched this way.
   */
  async withLoginRole<T>(scope: TenantScope, work: () => Promise<T>): Promise<T> {
    await sql`set local role none`.execute(scope.db);
    // On failure the transaction is aborted and rolls back; restoring the role would only fail too.
    const result = await work();
    await sql`set local role ${sql.raw(APP_ROLE)}`.execute(scope.db);
    return result;
  }

  /**
   * Runs `work` while holding one of Kysely's connections. On PGlite, which has a single session,
   * this queues foreign statements (pg-boss's) behind the application's transactions instead of
   * letting them land inside one.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.system.connection().execute(() => work());
  }

  /** Round-trip time of a trivial query, in milliseconds. */
  async ping(): Promise<number> {
    const started = performance.now();
    await sql`select 1`.execute(this.system);
    return performance.now() - started;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.system.destroy();
    } finally {
      this.release();
    }
  }
}
