import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import type { FieldError } from '../common/errors/error-response.js';
import { decodeCursor, type Page, type PageQueryDto, toPage } from '../common/pagination/page.js';
import { Database, type TenantScope } from '../database/database.js';
import type { IntegrationRow, SyncMode, SyncRunRow } from '../database/schema.js';
import { ConnectorRegistry } from './connector-registry.js';
import { CredentialsVault } from './credentials/credentials.vault.js';
import type {
  ConnectionTestResponseDto,
  IntegrationCreateDto,
  IntegrationResponseDto,
  IntegrationUpdateDto,
  SyncRunResponseDto,
} from './dto/integration.dto.js';
import { fieldMappingProblems } from './field-mapping.validation.js';
import { type IntegrationFields, IntegrationsRepository } from './integrations.repository.js';
import type { FieldMapping, PsaKind } from './psa-connector.js';
import { SyncAlreadyRunningError, SyncRunsRepository } from './sync/sync-runs.repository.js';
import { SyncService } from './sync/sync.service.js';
import { isUniqueViolation } from '../database/errors.js';

@Injectable()
export class IntegrationsService {
  constructor(
    private readonly database: Database,
    private readonly integrations: IntegrationsRepository,
    private readonly syncRuns: SyncRunsRepository,
    private readonly registry: ConnectorRegistry,
    private readonly vault: CredentialsVault,
    private readonly sync: SyncService,
    private readonly audit: AuditRepository,
  ) {}

  create(caller: Caller, dto: IntegrationCreateDto): Promise<IntegrationResponseDto> {
    this.assertValid(dto.kind, dto);
    const id = randomUUID();
    const sealed = this.vault.seal(caller.tenantId, id, dto.credentials);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = await this.uniqueName(() =>
        this.integrations.create(scope, id, {
          kind: dto.kind,
          name: dto.name,
          config: dto.config,
          clientTypes: dto.clientFilter?.types ?? null,
          clientStatuses: dto.clientFilter?.statuses ?? null,
          includeInactive: dto.clientFilter?.includeInactive ?? false,
          fieldMapping: dto.fieldMapping ?? {},
          credentialsCiphertext: sealed.ciphertext,
          credentialsNonce: sealed.nonce,
          credentialsKeyId: sealed.keyId,
        }),
      );
      await this.audit.record(scope, caller, { action: 'integration.created', target: { type: 'integration', id }, details: { kind: dto.kind, name: dto.name } });
      return toIntegrationResponse(row);
    });
  }

  list(caller: Caller, query: PageQueryDto): Promise<Page<IntegrationResponseDto>> {
    const after = decodeCursor(query.cursor, 'name');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const rows = await this.integrations.list(scope, { limit: query.limit, after });
      return toPage(rows, query.limit, 'name', toIntegrationResponse);
    });
  }

  get(caller: Caller, id: string): Promise<IntegrationResponseDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toIntegrationResponse(await this.integrationOrThrow(scope, id)));
  }

  update(caller: Caller, id: string, dto: IntegrationUpdateDto): Promise<IntegrationResponseDto> {
    const fields = Object.keys(dto).filter((key) => dto[key as keyof IntegrationUpdateDto] !== undefined);
    if (fields.length === 0) throw new BadRequestException('Request body changes nothing: send at least one field to update');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const current = await this.integrationOrThrow(scope, id);
      this.assertValid(current.kind, dto);
      const changes: Partial<IntegrationFields> = {
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.config !== undefined ? { config: dto.config } : {}),
        ...(dto.fieldMapping !== undefined ? { fieldMapping: dto.fieldMapping } : {}),
        ...(dto.clientFilter?.types !== undefined ? { clientTypes: dto.clientFilter.types } : {}),
        ...(dto.clientFilter?.statuses !== undefined ? { clientStatuses: dto.clientFilter.statuses } : {}),
        ...(dto.clientFilter?.includeInactive !== undefined ? { includeInactive: dto.clientFilter.includeInactive } : {}),
      };
      if (dto.credentials !== undefined) {
        const sealed = this.vault.seal(caller.tenantId, id, dto.credentials);
        Object.assign(changes, { credentialsCiphertext: sealed.ciphertext, credentialsNonce: sealed.nonce, credentialsKeyId: sealed.keyId });
      }
      const row = await this.uniqueName(() => this.integrations.update(scope, id, changes, new Date()));
      // Secrets never enter the audit log: only which fields changed.
      await this.audit.record(scope, caller, { action: 'integration.updated', target: { type: 'integration', id }, details: { fields } });
      return toIntegrationResponse(row!);
    });
  }

  delete(caller: Caller, id: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const deleted = await this.integrations.delete(scope, id);
      if (!deleted) throw notFound(id);
      await this.audit.record(scope, caller, { action: 'integration.deleted', target: { type: 'integration', id } });
    });
  }

  /** Reaches the PSA with the stored credentials; a refusal is an answer, not an error of this API. */
  async testConnection(caller: Caller, id: string): Promise<ConnectionTestResponseDto> {
    const integration = await this.database.inTenant(caller.tenantId, (scope) => this.integrationOrThrow(scope, id));
    const started = performance.now();
    try {
      const result = await this.registry.connectorFor(integration).testConnection();
      return { ok: true, detail: result.detail, error: null, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { ok: false, detail: null, error: error instanceof Error ? error.message : String(error), durationMs: Math.round(performance.now() - started) };
    }
  }

  /** Queues a sync, starts it in this process, and answers at once. */
  async requestSync(caller: Caller, id: string, mode: SyncMode): Promise<SyncRunResponseDto> {
    const run = await this.queueSync(caller, id, mode);
    this.sync.runInBackground(caller.tenantId, run.id);
    return toSyncRunResponse(run);
  }

  /** Queues a sync for the caller to execute itself (the CLI, which shows progress). */
  queueSync(caller: Caller, id: string, mode: SyncMode): Promise<SyncRunRow> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.integrationOrThrow(scope, id);
      try {
        const run = await this.syncRuns.create(scope, { integrationId: id, mode, requestedBy: caller.actor.label });
        await this.audit.record(scope, caller, { action: 'integration.sync_requested', target: { type: 'integration', id }, details: { mode, runId: run.id } });
        return run;
      } catch (error) {
        if (error instanceof SyncAlreadyRunningError) throw new ConflictException(error.message);
        throw error;
      }
    });
  }

  listSyncRuns(caller: Caller, id: string, query: PageQueryDto): Promise<Page<SyncRunResponseDto>> {
    const after = decodeCursor(query.cursor, '-createdAt');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.integrationOrThrow(scope, id);
      const rows = await this.syncRuns.list(scope, id, { limit: query.limit, after });
      return toPage(rows, query.limit, '-createdAt', toSyncRunResponse);
    });
  }

  getSyncRun(caller: Caller, id: string, runId: string): Promise<SyncRunResponseDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const run = await this.syncRuns.findById(scope, runId);
      if (!run || run.integrationId !== id) throw new NotFoundException(`Sync run ${runId} not found`);
      return toSyncRunResponse(run);
    });
  }

  private assertValid(kind: PsaKind, dto: { config?: Record<string, unknown>; credentials?: Record<string, unknown>; fieldMapping?: FieldMapping }): void {
    const details: FieldError[] = [
      ...(dto.config ? this.registry.validate(kind, 'config', dto.config) : []),
      ...(dto.credentials ? this.registry.validate(kind, 'credentials', dto.credentials) : []),
      ...(dto.fieldMapping ? fieldMappingProblems(dto.fieldMapping as Record<string, unknown>) : []),
    ];
    if (details.length > 0) {
      throw new BadRequestException({ message: `Invalid ${this.registry.definition(kind).label} settings: ${details.map((d) => d.message).join('; ')}`, details });
    }
  }

  private async uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('An integration with this name already exists');
      throw error;
    }
  }

  private async integrationOrThrow(scope: TenantScope, id: string): Promise<IntegrationRow> {
    const row = await this.integrations.findById(scope, id);
    if (!row) throw notFound(id);
    return row;
  }
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`Integration ${id} not found`);
}

function toIntegrationResponse(row: IntegrationRow): IntegrationResponseDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    config: row.config,
    clientFilter: { types: row.clientTypes, statuses: row.clientStatuses, includeInactive: row.includeInactive },
    fieldMapping: row.fieldMapping,
    credentialsKeyId: row.credentialsKeyId,
    syncedThrough: row.syncedThrough?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSyncRunResponse(row: SyncRunRow): SyncRunResponseDto {
  return {
    id: row.id,
    integrationId: row.integrationId,
    mode: row.mode,
    status: row.status,
    phase: row.phase,
    progress: { done: row.pages },
    counts: { created: row.created, updated: row.updated, deactivated: row.deactivated, skipped: row.skipped, failed: row.failed },
    changedSince: row.changedSince?.toISOString() ?? null,
    error: row.error,
    requestedBy: row.requestedBy,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
