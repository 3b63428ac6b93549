import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { Database, type TenantScope } from '../database/database.js';
import { isUniqueViolation } from '../database/errors.js';
import type { BaselineRow } from '../database/schema.js';
import { BaselineAssigner } from './baseline-assigner.js';
import { type BaselineFields, BaselinesRepository } from './baselines.repository.js';
import type { BaselineCreateDto, BaselineListDto, BaselineResponseDto, BaselineUpdateDto } from './dto/baseline.dto.js';

@Injectable()
export class BaselinesService {
  constructor(
    private readonly database: Database,
    private readonly baselines: BaselinesRepository,
    private readonly assigner: BaselineAssigner,
    private readonly audit: AuditRepository,
  ) {}

  list(caller: Caller): Promise<BaselineListDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => ({ data: (await this.baselines.list(scope)).map(toResponse), nextCursor: null }));
  }

  get(caller: Caller, id: string): Promise<BaselineResponseDto> {
    return this.database.inTenant(caller.tenantId, (scope) => this.withCount(scope, undefined, id));
  }

  create(caller: Caller, dto: BaselineCreateDto): Promise<BaselineResponseDto> {
    const fields: BaselineFields = { name: dto.name, description: dto.description ?? null, rule: dto.rule ?? null, rulePriority: dto.rulePriority ?? 100 };
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = await nameClash(fields.name, () => this.baselines.create(scope, fields));
      const reassigned = fields.rule ? await this.assigner.reassign(scope) : 0;
      await this.audit.record(scope, caller, { action: 'baseline.created', target: { type: 'baseline', id: row.id }, details: { name: row.name, reassignedClients: reassigned } });
      return this.withCount(scope, row, row.id);
    });
  }

  update(caller: Caller, id: string, dto: BaselineUpdateDto): Promise<BaselineResponseDto> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<BaselineFields>;
    if (Object.keys(changes).length === 0) throw new BadRequestException('Request body changes nothing: send at least one field to update');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = orNotFound(await nameClash(changes.name ?? '', () => this.baselines.update(scope, id, changes)), id);
      const reassigned = changes.rule !== undefined || changes.rulePriority !== undefined ? await this.assigner.reassign(scope) : 0;
      await this.audit.record(scope, caller, { action: 'baseline.updated', target: { type: 'baseline', id }, details: { fields: Object.keys(changes), reassignedClients: reassigned } });
      return this.withCount(scope, row, id);
    });
  }

  /** Clients on it lose their baseline (rules may give them another); its settings and exceptions go with it. */
  delete(caller: Caller, id: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = orNotFound(await this.baselines.find(scope, id), id);
      await this.baselines.delete(scope, id);
      const reassigned = await this.assigner.reassign(scope);
      await this.audit.record(scope, caller, { action: 'baseline.deleted', target: { type: 'baseline', id }, details: { name: row.name, reassignedClients: reassigned } });
    });
  }

  private async withCount(scope: TenantScope, row: BaselineRow | undefined, id: string): Promise<BaselineResponseDto> {
    const found = (await this.baselines.list(scope)).find((baseline) => baseline.id === (row?.id ?? id));
    return toResponse(orNotFound(found, id));
  }
}

async function nameClash<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictException(`A baseline named "${name}" already exists`);
    throw error;
  }
}

function orNotFound<T>(row: T | undefined, id: string): T {
  if (!row) throw new NotFoundException(`Baseline ${id} not found`);
  return row;
}

function toResponse(row: BaselineRow & { clientCount: number }): BaselineResponseDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rule: row.rule,
    rulePriority: row.rulePriority,
    clientCount: row.clientCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
