import { BadRequestException, ConflictException, Injectable, NotFoundException, type OnModuleInit, UnprocessableEntityException } from '@nestjs/common';

import { AuditRepository } from '../../audit/audit.repository.js';
import type { Caller } from '../../auth/caller.js';
import { Database, type TenantScope } from '../../database/database.js';
import { isUniqueViolation } from '../../database/errors.js';
import type { ReportTemplateRow } from '../../database/schema.js';
import { SECTION_TYPES } from '../model/report-model.js';
import type { CreateReportTemplateDto, ReportTemplateDto, ReportTemplateListDto, TemplateFieldsDto } from './dto/report-template.dto.js';
import { type BuiltinTemplate, loadBuiltinTemplates } from './builtin-templates.js';
import { PLACEHOLDERS } from './placeholders.js';
import { ReportTemplatesRepository } from './report-templates.repository.js';
import { parseTemplateDefinition, type TemplateDefinition, TemplateError } from './template-definition.js';

/** More than any MSP keeps; a bound so one tenant cannot fill the table. */
export const MAX_TENANT_TEMPLATES = 100;

/** A template ready to use, wherever it came from. */
export interface ResolvedTemplate {
  key: string;
  builtin: boolean;
  basedOn: string | null;
  definition: TemplateDefinition;
  updatedAt: Date | null;
}

/** The built-in templates (from `report-templates/`) and each tenant's own copies. */
@Injectable()
export class ReportTemplatesService implements OnModuleInit {
  private builtins = new Map<string, BuiltinTemplate>();

  constructor(
    private readonly database: Database,
    private readonly templates: ReportTemplatesRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** A broken built-in template stops the process at boot, not at the first report. */
  onModuleInit(): void {
    this.builtins = new Map(loadBuiltinTemplates().map((template) => [template.key, template]));
  }

  list(caller: Caller): Promise<ReportTemplateListDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const own = await this.templates.list(scope);
      return {
        data: [...[...this.builtins.values()].map(fromBuiltin), ...own.map(fromRow)].map(toDto),
        placeholders: { ...PLACEHOLDERS },
        sectionTypes: SECTION_TYPES,
      };
    });
  }

  get(caller: Caller, key: string): Promise<ReportTemplateDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toDto(await this.resolveOrThrow(scope, key)));
  }

  /** The template a report uses, or a 422 naming the `template` field. */
  async resolve(scope: TenantScope, key: string): Promise<ResolvedTemplate> {
    const template = await this.find(scope, key);
    if (!template) throw new UnprocessableEntityException({ message: `Unknown report template "${key}"`, details: [{ field: 'template', message: `no template "${key}"; GET /api/v1/report-templates lists them` }] });
    return template;
  }

  create(caller: Caller, request: CreateReportTemplateDto): Promise<ReportTemplateDto> {
    if (this.builtins.has(request.key)) throw new ConflictException({ message: `"${request.key}" is a built-in template; choose another key for your copy`, details: [{ field: 'key', message: 'is a built-in template key' }] });
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const base = request.basedOn === undefined ? undefined : await this.find(scope, request.basedOn);
      if (request.basedOn !== undefined && !base) throw new UnprocessableEntityException({ message: `basedOn: no template "${request.basedOn}"`, details: [{ field: 'basedOn', message: `no template "${request.basedOn}"` }] });
      if ((await this.templates.count(scope)) >= MAX_TENANT_TEMPLATES) throw new UnprocessableEntityException(`A tenant may keep at most ${MAX_TENANT_TEMPLATES} templates; delete one first`);
      const definition = validated(withFields(base?.definition, request));
      const row = await this.templates
        .create(scope, { key: request.key, basedOn: base?.key ?? null, definition, createdBy: caller.actor.label })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new ConflictException({ message: `The tenant already has a template "${request.key}"`, details: [{ field: 'key', message: 'already exists' }] });
          throw error;
        });
      await this.audit.record(scope, caller, { action: 'report_template.created', target: { type: 'report_template', id: row.id }, details: { key: row.key, basedOn: row.basedOn } });
      return toDto(fromRow(row));
    });
  }

  update(caller: Caller, key: string, fields: TemplateFieldsDto): Promise<ReportTemplateDto> {
    if (this.builtins.has(key)) throw builtinIsReadOnly(key);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const current = await this.templates.find(scope, key);
      if (!current) throw new NotFoundException(`Report template ${key} not found`);
      const definition = validated(withFields(fromRow(current).definition, fields));
      const row = (await this.templates.replace(scope, key, definition))!;
      await this.audit.record(scope, caller, { action: 'report_template.updated', target: { type: 'report_template', id: row.id }, details: { key, fields: Object.keys(fields) } });
      return toDto(fromRow(row));
    });
  }

  delete(caller: Caller, key: string): Promise<void> {
    if (this.builtins.has(key)) throw builtinIsReadOnly(key);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const current = await this.templates.find(scope, key);
      if (!current || !(await this.templates.delete(scope, key))) throw new NotFoundException(`Report template ${key} not found`);
      await this.audit.record(scope, caller, { action: 'report_template.deleted', target: { type: 'report_template', id: current.id }, details: { key } });
    });
  }

  private async find(scope: TenantScope, key: string): Promise<ResolvedTemplate | undefined> {
    const builtin = this.builtins.get(key);
    if (builtin) return fromBuiltin(builtin);
    const row = await this.templates.find(scope, key);
    return row ? fromRow(row) : undefined;
  }

  private async resolveOrThrow(scope: TenantScope, key: string): Promise<ResolvedTemplate> {
    const template = await this.find(scope, key);
    if (!template) throw new NotFoundException(`Report template ${key} not found`);
    return template;
  }
}

function builtinIsReadOnly(key: string): ConflictException {
  return new ConflictException(`"${key}" is a built-in template and cannot be changed; copy it with POST /api/v1/report-templates {"key": "my-${key}", "basedOn": "${key}"}`);
}

/** The base template (if any) with the request's fields laid over it; absent fields keep the base's. */
function withFields(base: TemplateDefinition | undefined, fields: TemplateFieldsDto): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && field !== 'key' && field !== 'basedOn') merged[field] = value;
  }
  return merged;
}

function validated(input: Record<string, unknown>): TemplateDefinition {
  try {
    return parseTemplateDefinition(input);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new BadRequestException({ message: `The template is not valid: ${error.message}`, details: error.problems });
    }
    throw error;
  }
}

function fromBuiltin(template: BuiltinTemplate): ResolvedTemplate {
  return { key: template.key, builtin: true, basedOn: null, definition: template.definition, updatedAt: null };
}

/** Stored definitions were validated on save; parsing again fills defaults added since. */
function fromRow(row: ReportTemplateRow): ResolvedTemplate {
  return { key: row.key, builtin: false, basedOn: row.basedOn, definition: parseTemplateDefinition(row.definition), updatedAt: row.updatedAt };
}

function toDto(template: ResolvedTemplate): ReportTemplateDto {
  return { key: template.key, builtin: template.builtin, basedOn: template.basedOn, ...template.definition, updatedAt: template.updatedAt?.toISOString() ?? null };
}
