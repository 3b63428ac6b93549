import { BaselineAssigner } from '../../baselines/baseline-assigner.js';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Database, type TenantScope } from '../../database/database.js';
import type { IntegrationRow, SyncPhase, SyncRunRow } from '../../database/schema.js';
import { ConnectorRegistry } from '../connector-registry.js';
import { IntegrationsRepository } from '../integrations.repository.js';
import type { NormalizedCompany, PsaConnector, SyncWindow } from '../psa-connector.js';
import { type ClientFilter, isClient } from './client-filter.js';
import { InventoryRepository, type UpsertCounts } from './inventory.repository.js';
import { type SyncCounts, SyncRunsRepository } from './sync-runs.repository.js';

/** How far an incremental sync reaches back before the last one started, for clock skew with the PSA. */
export const INCREMENTAL_OVERLAP_MS = 5 * 60_000;
/** A run without a heartbeat for this long belongs to a process that died. */
const ABANDONED_AFTER_MS = 10 * 60_000;

export interface SyncProgress {
  phase: SyncPhase;
  pages: number;
  counts: SyncCounts;
}

class SyncInterrupted extends Error {}

const ZERO: SyncCounts = { created: 0, updated: 0, deactivated: 0, skipped: 0, failed: 0 };

/**
 * Imports one integration's companies, contacts and assets page by page. Each page commits on its
 * own, so a failure keeps what came before; the watermark moves only when a run succeeds, so the
 * next run starts from the last good one and re-applies idempotently.
 */
@Injectable()
export class SyncService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Sync');
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly database: Database,
    private readonly integrations: IntegrationsRepository,
    private readonly syncRuns: SyncRunsRepository,
    private readonly inventory: InventoryRepository,
    private readonly connectors: ConnectorRegistry,
    private readonly baselineAssigner: BaselineAssigner,
  ) {}

  /** At server start, after migrations: runs left by a process that died no longer block their integration. */
  async recoverAbandonedRuns(): Promise<number> {
    const failed = await this.syncRuns.failAbandoned(ABANDONED_AFTER_MS, new Date());
    if (failed > 0) this.logger.warn(`Marked ${failed} abandoned sync run(s) failed`);
    return failed;
  }

  /** Stops running syncs at their next page (they fail as interrupted and resume next time). */
  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await Promise.allSettled(this.inFlight);
  }

  /** Runs a queued run in the background of this process. */
  runInBackground(tenantId: string, runId: string): void {
    const running = this.execute(tenantId, runId).finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /**
   * Runs a queued run to its end and returns it; a failure is recorded on the run, not thrown.
   * `signal` (a job's, aborted when its worker shuts down) interrupts it between pages like a shutdown does.
   */
  async execute(tenantId: string, runId: string, options: { onProgress?: (progress: SyncProgress) => void; signal?: AbortSignal } = {}): Promise<SyncRunRow> {
    const { onProgress } = options;
    const interrupted = options.signal ? AbortSignal.any([this.shutdown.signal, options.signal]) : this.shutdown.signal;
    const { run, integration } = await this.database.inTenant(tenantId, async (scope) => {
      const found = await this.syncRuns.findById(scope, runId);
      if (!found) throw new Error(`Sync run ${runId} not found`);
      const owner = await this.integrations.findById(scope, found.integrationId);
      if (!owner) throw new Error(`Integration ${found.integrationId} vanished`);
      return { run: found, integration: owner };
    });
    const startedAt = new Date();
    const changedSince = run.mode === 'incremental' && integration.syncedThrough ? new Date(integration.syncedThrough.getTime() - INCREMENTAL_OVERLAP_MS) : null;
    await this.database.inTenant(tenantId, (scope) => this.syncRuns.start(scope, runId, changedSince, startedAt));

    const progress: SyncProgress = { phase: 'companies', pages: 0, counts: { ...ZERO } };
    const recordPage = (scope: TenantScope, phase: SyncPhase, counts: SyncCounts) => {
      progress.phase = phase;
      progress.pages += 1;
      for (const key of Object.keys(counts) as (keyof SyncCounts)[]) progress.counts[key] += counts[key];
      onProgress?.(progress);
      return this.syncRuns.recordPage(scope, runId, phase, counts, new Date());
    };

    try {
      const connector = this.connectors.connectorFor(integration);
      const window: SyncWindow = changedSince ? { changedSince } : {};
      await this.importCompanies(connector, window, tenantId, integration, runId, recordPage, interrupted);
      await this.importOwned('contacts', connector.contacts(window), interrupted, tenantId, integration.id, recordPage, (scope, owned) =>
        this.inventory.upsertContacts(scope, integration.id, runId, owned, new Date()),
      );
      await this.importOwned('assets', connector.assets(window), interrupted, tenantId, integration.id, recordPage, (scope, owned) =>
        this.inventory.upsertAssets(scope, integration.id, runId, owned, new Date()),
      );
      return await this.database.inTenant(tenantId, async (scope) => {
        if (run.mode === 'full') {
          const deactivated = await this.inventory.deactivateUnseen(scope, integration.id, runId, new Date());
          await recordPage(scope, 'deactivating', { ...ZERO, deactivated });
        }
        await this.integrations.markSynced(scope, integration.id, startedAt);
        await this.baselineAssigner.reassign(scope);
        return this.syncRuns.finish(scope, runId, { status: 'succeeded' }, new Date());
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Sync ${runId} of integration ${integration.id} failed: ${message}`);
      return this.database.inTenant(tenantId, (scope) => this.syncRuns.finish(scope, runId, { status: 'failed', error: message }, new Date()));
    }
  }

  private async importCompanies(connector: PsaConnector, window: SyncWindow, tenantId: string, integration: IntegrationRow, runId: string, recordPage: PageRecorder, interrupted: AbortSignal): Promise<void> {
    const filter: ClientFilter = {
      types: integration.clientTypes ?? this.connectors.definition(integration.kind).defaultClientTypes,
      statuses: integration.clientStatuses ?? [],
      includeInactive: integration.includeInactive,
    };
    for await (const page of pagesUntil(connector.companies(window), interrupted)) {
      await this.database.inTenant(tenantId, async (scope) => {
        const at = new Date();
        const clients: NormalizedCompany[] = [];
        const others: string[] = [];
        for (const company of page) {
          if (isClient(company, filter)) clients.push(company);
          else others.push(company.externalId);
        }
        const upserted = await this.inventory.upsertClients(scope, integration.id, runId, clients, at);
        const deactivated = await this.inventory.deactivateClients(scope, integration.id, runId, others, at);
        await recordPage(scope, 'companies', { ...ZERO, ...upserted, deactivated, skipped: others.length - deactivated });
      });
    }
  }

  /** Contacts and assets: each belongs to the client imported from its PSA company, or is skipped. */
  private async importOwned<T extends { companyExternalId: string }>(
    phase: 'contacts' | 'assets',
    source: AsyncIterable<T[]>,
    interrupted: AbortSignal,
    tenantId: string,
    integrationId: string,
    recordPage: PageRecorder,
    upsert: (scope: TenantScope, owned: (T & { clientId: string })[]) => Promise<UpsertCounts>,
  ): Promise<void> {
    for await (const page of pagesUntil(source, interrupted)) {
      await this.database.inTenant(tenantId, async (scope) => {
        const clientIds = await this.inventory.clientIdsByExternalId(scope, integrationId, page.map((record) => record.companyExternalId));
        const owned = page.flatMap((record) => {
          const clientId = clientIds.get(record.companyExternalId);
          return clientId ? [{ ...record, clientId }] : [];
        });
        const upserted = await upsert(scope, owned);
        await recordPage(scope, phase, { ...ZERO, ...upserted, skipped: page.length - owned.length });
      });
    }
  }
}

/** Pages of a connector listing, stopping between pages when the process shuts down or the job is released. */
async function* pagesUntil<T>(source: AsyncIterable<T[]>, interrupted: AbortSignal): AsyncIterable<T[]> {
  for await (const page of source) {
    if (interrupted.aborted) throw new SyncInterrupted('Interrupted: the server shut down; the next sync resumes from the last completed one');
    yield page;
  }
}

type PageRecorder = (scope: TenantScope, phase: SyncPhase, counts: SyncCounts) => Promise<void>;
