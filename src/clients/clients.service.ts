import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { decodeCursor, type Page, toPage } from '../common/pagination/page.js';
import { Database } from '../database/database.js';
import type { ClientRow } from '../database/schema.js';
import { type ClientFields, ClientsRepository } from './clients.repository.js';
import type { ClientCreateDto, ClientListQueryDto, ClientResponseDto, ClientUpdateDto } from './dto/client.dto.js';

@Injectable()
export class ClientsService {
  constructor(
    private readonly database: Database,
    private readonly clients: ClientsRepository,
    private readonly audit: AuditRepository,
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
      notes: dto.notes ?? null,
    };
    return this.database.inTenant(caller.tenantId, async (scope) => {
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
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = orNotFound(await this.clients.update(scope, id, changes, new Date()), id);
      await this.audit.record(scope, caller, { action: 'client.updated', target: { type: 'client', id }, details: { fields } });
      return toClientResponse(row);
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
    notes: row.notes,
    integrationId: row.integrationId,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
