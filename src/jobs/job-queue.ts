import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { fromKysely, fromPglite, type Db, type JobInsert, type JobResult, type JobWithMetadata, PgBoss, type WorkOptions } from 'pg-boss';

import { RAMPART_CONFIG, type RampartConfig } from '../config/config.js';
import { Database, type TenantScope } from '../database/database.js';
import type { DB } from '../database/schema.js';
import { queueDefinitions, type QueueName } from './queues.js';

/** Settles each job of a batch on its own: `failed` retries it (with backoff), then dead-letters it. */
export type JobHandler<T> = (jobs: JobWithMetadata<T>[]) => Promise<JobResult[]>;

/**
 * pg-boss in Rampart's own database. Jobs are enqueued inside the transaction that creates what
 * they work on, so a job never refers to a row that was rolled back. Workers take jobs with
 * SKIP LOCKED, from any number of processes.
 */
@Injectable()
export class JobQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | undefined;
  private readonly localWorkers = new Map<QueueName, string[]>();

  constructor(
    private readonly database: Database,
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
  ) {}

  /**
   * Installs or upgrades pg-boss's schema (under an advisory lock, so processes may race) and the
   * queues. Processes that run workers also run pg-boss's maintenance: handing the jobs of dead
   * workers back, retention, recurring jobs.
   */
  async start(options: { maintenance: boolean }): Promise<void> {
    if (this.boss) return;
    const runsWorkers = options.maintenance;
    const boss = new PgBoss({
      ...(this.database.embedded ? { db: embeddedAdapter(this.database, this.database.embedded), backend: 'pglite' as const } : { connectionString: this.database.url, max: this.config.jobs.concurrency + 2 }),
      // Maintenance (expiring jobs whose worker died, retention) runs where workers run.
      supervise: runsWorkers,
      schedule: runsWorkers,
      superviseIntervalSeconds: Math.min(60, this.config.jobs.heartbeatSeconds),
      monitorIntervalSeconds: Math.min(60, this.config.jobs.heartbeatSeconds),
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    for (const { name, ...policy } of queueDefinitions(this.config.jobs)) {
      if (await boss.getQueue(name)) await boss.updateQueue(name, withoutCreateOnly(policy));
      else await boss.createQueue(name, policy);
    }
    this.boss = boss;
  }

  /** Finishes the jobs in hand, or after the shutdown timeout fails them back to the queue for another worker. */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, close: true, timeout: this.config.jobs.shutdownTimeoutSeconds * 1000 });
  }

  /**
   * Enqueues inside a tenant's transaction (or a system one): the jobs exist exactly when it
   * commits. pg-boss's tables belong to the login role, not to the restricted tenant role.
   */
  async enqueue<T extends object>(target: TenantScope | Transaction<DB>, queue: QueueName, jobs: JobInsert<T>[]): Promise<void> {
    if (jobs.length === 0) return;
    const boss = this.started();
    if (!('tenantId' in target)) {
      await boss.insert(queue, jobs, { db: fromKysely(target) });
      return;
    }
    await this.database.withLoginRole(target, () => boss.insert(queue, jobs, { db: fromKysely(target.db) }));
  }

  /** Asks this process's idle workers of `queue` to fetch now rather than at their next poll. */
  wake(queue: QueueName): void {
    for (const id of this.localWorkers.get(queue) ?? []) this.started().notifyWorker(id);
  }

  async work<T>(queue: QueueName, options: Pick<WorkOptions, 'batchSize' | 'localConcurrency'>, handler: JobHandler<T>): Promise<void> {
    const batchSize = options.batchSize ?? 1;
    // A full batch means more work is waiting: fetch again at once instead of sleeping a poll interval.
    const workOptions = { batchSize, localConcurrency: options.localConcurrency ?? 1, burstWhenBatchFull: batchSize > 1, includeMetadata: true, perJobResults: true, pollingIntervalSeconds: this.config.jobs.pollSeconds } as const;
    const id = await this.started().work<T, JobResult[], typeof workOptions>(queue, workOptions, handler);
    this.localWorkers.set(queue, [...(this.localWorkers.get(queue) ?? []), id]);
  }

  /** A recurring job (UTC cron); pg-boss sends each occurrence once however many processes run. */
  async schedule(queue: QueueName, cron: string): Promise<void> {
    await this.started().schedule(queue, cron);
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The job queue is not running (before bootstrap or after shutdown)');
    return this.boss;
  }
}

/** `createQueue` settles these for good; `updateQueue` refuses them. */
function withoutCreateOnly<T extends { partition?: unknown; policy?: unknown }>(options: T): Omit<T, 'partition' | 'policy'> {
  const { partition: _partition, policy: _policy, ...rest } = options;
  return rest;
}

/**
 * PGlite has one session: pg-boss's statements queue behind the application's transactions on
 * Kysely's connection, instead of running inside one of them under its restricted role.
 */
function embeddedAdapter(database: Database, pglite: PGlite): Db {
  const direct = fromPglite(pglite);
  return { executeSql: (text, values) => database.exclusive(() => direct.executeSql(text, values)) };
}
