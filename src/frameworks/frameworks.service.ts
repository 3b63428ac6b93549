import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

import { unprocessable } from '../common/errors/unprocessable.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { ControlsRepository } from '../controls/controls.repository.js';
import { Database, type TenantScope } from '../database/database.js';
import { isUniqueViolation } from '../database/errors.js';
import type { FrameworkRow } from '../database/schema.js';
import type { FrameworkCreateDto, FrameworkDetailDto, FrameworkListDto, FrameworkSummaryDto, MappingInputDto, MappingResultDto } from './dto/framework.dto.js';
import { type FrameworkWithCounts, FrameworksRepository } from './frameworks.repository.js';

@Injectable()
export class FrameworksService {
  constructor(
    private readonly database: Database,
    private readonly frameworks: FrameworksRepository,
    private readonly controls: ControlsRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(caller: Caller): Promise<FrameworkListDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => ({ data: (await this.frameworks.list(scope)).map(toSummary), nextCursor: null }));
  }

  get(caller: Caller, idOrKey: string): Promise<FrameworkDetailDto> {
    return this.database.inTenant(caller.tenantId, (scope) => this.detail(scope, idOrKey));
  }

  create(caller: Caller, dto: FrameworkCreateDto): Promise<FrameworkDetailDto> {
    const refs = dto.requirements.map((requirement) => requirement.ref);
    const repeated = refs.find((ref, index) => refs.indexOf(ref) !== index);
    if (repeated !== undefined) throw new UnprocessableEntityException({ message: `Requirement ref ${repeated} appears twice`, details: [{ field: 'requirements', message: `ref ${repeated} appears twice` }] });
    return this.database.inTenant(caller.tenantId, async (scope) => {
      if (await this.frameworks.find(scope, dto.key)) throw new ConflictException(`A framework with key ${dto.key} already exists`);
      let id: string;
      try {
        id = await this.frameworks.create(
          scope,
          { key: dto.key, name: dto.name, version: dto.version, publisher: dto.publisher, url: dto.url ?? null, description: dto.description ?? '' },
          dto.requirements.map((requirement) => ({ ref: requirement.ref, title: requirement.title, group: requirement.group ?? '' })),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictException(`A framework with key ${dto.key} already exists`);
        throw error;
      }
      await this.audit.record(scope, caller, { action: 'framework.created', target: { type: 'framework', id }, details: { key: dto.key, requirements: dto.requirements.length } });
      return this.detail(scope, id);
    });
  }

  delete(caller: Caller, idOrKey: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const framework = await this.findOrNotFound(scope, idOrKey);
      if (framework.tenantId === null) throw new UnprocessableEntityException(`${framework.key} is a built-in framework and cannot be deleted`);
      await this.frameworks.delete(scope, framework.id);
      await this.audit.record(scope, caller, { action: 'framework.deleted', target: { type: 'framework', id: framework.id }, details: { key: framework.key } });
    });
  }

  /** Maps a control (built-in or own) to requirements of any framework the tenant sees, as the tenant's own mapping. */
  addMappings(caller: Caller, idOrKey: string, dto: MappingInputDto): Promise<MappingResultDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const framework = await this.findOrNotFound(scope, idOrKey);
      const control = await this.controls.find(scope, dto.controlId);
      if (!control) throw unprocessable('controlId', `Control ${dto.controlId} not found`);
      const found = await this.frameworks.requirementIdsByRef(scope, framework.id, [...new Set(dto.refs)]);
      const unknown = dto.refs.filter((ref) => !found.some((requirement) => requirement.ref === ref));
      if (unknown.length > 0) {
        throw new UnprocessableEntityException({ message: `${framework.key} has no requirement ${unknown.join(', ')}`, details: unknown.map((ref) => ({ field: 'refs', message: `unknown requirement ${ref}` })) });
      }
      const added = await this.frameworks.addMappings(scope, control.id, found.map((requirement) => requirement.id));
      await this.audit.record(scope, caller, { action: 'framework.mapped', target: { type: 'framework', id: framework.id }, details: { controlKey: control.key, refs: dto.refs, added } });
      return { added };
    });
  }

  private async detail(scope: TenantScope, idOrKey: string): Promise<FrameworkDetailDto> {
    const framework = await this.findOrNotFound(scope, idOrKey);
    const summary = (await this.frameworks.list(scope)).find((row) => row.id === framework.id)!;
    const requirements = await this.frameworks.requirements(scope, framework.id);
    return { ...toSummary(summary), requirements: requirements.map((requirement) => ({ id: requirement.id, ref: requirement.ref, title: requirement.title, group: requirement.grouping, controls: requirement.controls })) };
  }

  private async findOrNotFound(scope: TenantScope, idOrKey: string): Promise<FrameworkRow> {
    const framework = await this.frameworks.find(scope, idOrKey);
    if (!framework) throw new NotFoundException(`Framework ${idOrKey} not found`);
    return framework;
  }
}

function toSummary(row: FrameworkWithCounts): FrameworkSummaryDto {
  return {
    id: row.id,
    key: row.key,
    builtin: row.tenantId === null,
    name: row.name,
    version: row.version,
    publisher: row.publisher,
    url: row.url,
    description: row.description,
    requirementCount: row.requirementCount,
    requirementsWithControls: row.requirementsWithControls,
  };
}
