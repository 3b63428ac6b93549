import { BadRequestException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { decodeCursor, type Page, toPage } from '../common/pagination/page.js';
import { BaselineAssigner } from '../baselines/baseline-assigner.js';
import { BaselinesRepository } from '../baselines/baselines.repository.js';
import { Database, type TenantScope } from '../database/database.js';
import type { ClientRow } from '../database/schema.js';
import { type ClientFields, ClientsRepository } from './clients.repository.js';
import type { ClientCreateDto, ClientListQueryDto, ClientResponseDto, ClientUpdateDto } from './dto/client.dto.js';

@Injectable()
export class ClientsService {
  constructor(
    private readonly database: Database,
    private readonly clients: ClientsRepository,
    private readonly audit: AuditRepository,
    private readonly baselines: BaselinesRepository,
    private readonly baselineAssigner: BaselineAssigner,
  ) {}

  list(caller: Caller, query: ClientListQueryDto): Promise<Page<ClientResponseDto>> {
    const after = decodeCursor(query.cursor, query.sort);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const rows = await this.clients.list(scope, { name: query.name, status: query.status, baseline: query.baseline }, { sort: query.sort, limit: query.limit, after });
      return toPage(rows, query.limit, query.sort, toClientResponse);
    });
  }

  get(caller: Caller, id: string): Promise<ClientResponseDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toClientResponse(orNotFound(await this.clients.findById(scope, id), id)));
  }

  create(caller: Caller, dto: ClientCreateDto): Promise<ClientResponseDto> {
    const fields: ClientFields = {
      name: dto.name,
      status: dto.status ?? 'active',
      externalRefs: dto.externalRefs ?? [],
      domains: dto.domains ?? [],
      seats: dto.seats ?? null,
      baseline: dto.baseline ?? null,
      baselineAssignment: dto.baseline ? 'manual' : null,
      notes: dto.notes ?? null,
    };
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.assertBaselineExists(scope, fields.baseline);
      const row = await this.clients.create(scope, fields);
      await this.audit.record(scope, caller, { action: 'client.created', target: { type: 'client', id: row.id } });
      return toClientResponse(row);
    });
  }

  update(caller: Caller, id: string, dto: ClientUpdateDto): Promise<ClientResponseDto> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<ClientFields>;
    const fields = Object.keys(changes);
    if (fields.length === 0) {
      throw new BadRequestException('Request body changes nothing: send at least one field to update');
    }
    if (changes.baseline !== undefined) changes.baselineAssignment = changes.baseline === null ? null : 'manual';
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.assertBaselineExists(scope, changes.baseline);
      orNotFound(await this.clients.update(scope, id, changes, new Date()), id);
      // Handing the client back to the rules: they may pick a baseline at once.
      if (changes.baseline === null) await this.baselineAssigner.reassign(scope, id);
      await this.audit.record(scope, caller, { action: 'client.updated', target: { type: 'client', id }, details: { fields } });
      return toClientResponse(orNotFound(await this.clients.findById(scope, id), id));
    });
  }

  private async assertBaselineExists(scope: TenantScope, name: string | null | undefined): Promise<void> {
    if (!name || (await this.baselines.findByName(scope, name))) return;
    throw new UnprocessableEntityException({
      message: `Baseline "${name}" does not exist; create it first (POST /api/v1/baselines)`,
      details: [{ field: 'baseline', message: `no baseline named "${name}"` }],
    });
  }

  delete(caller: Caller, id: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      orNotFound(await this.clients.delete(scope, id), id);
      await this.audit.record(scope, caller, { action: 'client.deleted', target: { type: 'client', id } });
    });
  }
}

/** Another tenant's client is absent as far as this tenant can tell: 404, never 403. */
function orNotFound(row: ClientRow | undefined, id: string): ClientRow {
  if (!row) throw new NotFoundException(`Client ${id} not found`);
  return row;
}

export function toClientResponse(row: ClientRow): ClientResponseDto {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    externalRefs: row.externalRefs,
    domains: row.domains,
    seats: row.seats,
    baseline: row.baseline,
    baselineAssignment: row.baselineAssignment,
    notes: row.notes,
    integrationId: row.integrationId,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
