import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

import { unprocessable } from '../common/errors/unprocessable.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import type { FieldError } from '../common/errors/error-response.js';
import { Database, type TenantScope } from '../database/database.js';
import { isUniqueViolation } from '../database/errors.js';
import type { ControlRow, ControlSettingRow } from '../database/schema.js';
import type { ControlMappingRef, CustomControlFields } from './controls.repository.js';
import { ControlsRepository } from './controls.repository.js';
import type {
  ControlListDto,
  ControlListQueryDto,
  ControlResponseDto,
  ControlSettingDto,
  ControlSettingsDto,
  ControlSettingsPutDto,
  CustomControlCreateDto,
  CustomControlUpdateDto,
  EvaluatorDto,
  PreviewBodyDto,
  PreviewResponseDto,
  SettingTargetQueryDto,
} from './dto/control.dto.js';
import { ClientEvaluationService } from './engine/client-evaluation.service.js';
import { evaluatorProblems } from './evaluators/registry.js';
import { type EffectiveSettings, resolveSettings, type SettingLayer } from './settings/effective-settings.js';
import { ControlSettingsRepository, layersByControl, type SettingTarget } from './settings/control-settings.repository.js';

const LEVEL_ORDER = { tenant: 0, baseline: 1, client: 2 } as const;

@Injectable()
export class ControlsService {
  constructor(
    private readonly database: Database,
    private readonly controls: ControlsRepository,
    private readonly settings: ControlSettingsRepository,
    private readonly evaluation: ClientEvaluationService,
    private readonly audit: AuditRepository,
  ) {}

  /** The catalog with each control's effective settings for the tenant, a baseline or a client. */
  list(caller: Caller, query: ControlListQueryDto): Promise<ControlListDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const [controls, layers] = await Promise.all([this.controls.list(scope), this.layersFor(scope, query)]);
      const mappings = await this.controls.mappings(scope);
      return { data: controls.map((control) => toResponse(control, mappings, resolveSettings(control.params, layers.get(control.id) ?? []))), nextCursor: null };
    });
  }

  get(caller: Caller, idOrKey: string, query: ControlListQueryDto): Promise<ControlResponseDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.findOrNotFound(scope, idOrKey);
      const [layers, mappings] = await Promise.all([this.layersFor(scope, query), this.controls.mappings(scope, [control.id])]);
      return toResponse(control, mappings, resolveSettings(control.params, layers.get(control.id) ?? []));
    });
  }

  create(caller: Caller, dto: CustomControlCreateDto): Promise<ControlResponseDto> {
    assertEvaluatorValid(dto.evaluator);
    const key = dto.key ?? `custom.${slug(dto.name)}`;
    const fields: CustomControlFields = {
      key,
      name: dto.name,
      category: dto.category,
      severity: dto.severity,
      description: dto.description,
      rationale: dto.rationale ?? '',
      remediation: dto.remediation ?? '',
      evidenceSource: dto.evidenceSource ?? '',
      evaluatorKind: dto.evaluator.kind,
      params: dto.evaluator.params,
    };
    return this.database.inTenant(caller.tenantId, async (scope) => {
      if (await this.controls.keyExists(scope, key)) throw new ConflictException(`A control with key ${key} already exists; choose another key`);
      let row: ControlRow;
      try {
        row = await this.controls.create(scope, fields, caller.actor.label);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictException(`A control with key ${key} already exists; choose another key`);
        throw error;
      }
      await this.audit.record(scope, caller, { action: 'control.created', target: { type: 'control', id: row.id }, details: { key, evaluator: dto.evaluator.kind } });
      return toResponse(row, [], resolveSettings(row.params, []));
    });
  }

  update(caller: Caller, idOrKey: string, dto: CustomControlUpdateDto): Promise<ControlResponseDto> {
    const { evaluator, ...rest } = dto;
    const changes: Partial<CustomControlFields> = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    if (evaluator) {
      assertEvaluatorValid(evaluator);
      Object.assign(changes, { evaluatorKind: evaluator.kind, params: evaluator.params });
    }
    if (Object.keys(changes).length === 0) throw new BadRequestException('Request body changes nothing: send at least one field to update');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.findCustom(scope, idOrKey, 'edited');
      const row = (await this.controls.update(scope, control.id, changes))!;
      await this.audit.record(scope, caller, { action: 'control.updated', target: { type: 'control', id: row.id }, details: { key: row.key, fields: Object.keys(changes) } });
      const mappings = await this.controls.mappings(scope, [row.id]);
      return toResponse(row, mappings, resolveSettings(row.params, []));
    });
  }

  delete(caller: Caller, idOrKey: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.findCustom(scope, idOrKey, 'deleted');
      await this.controls.delete(scope, control.id);
      await this.audit.record(scope, caller, { action: 'control.deleted', target: { type: 'control', id: control.id }, details: { key: control.key } });
    });
  }

  getSettings(caller: Caller, idOrKey: string): Promise<ControlSettingsDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.findOrNotFound(scope, idOrKey);
      return { overrides: (await this.settings.forControl(scope, control.id)).map(toSettingDto) };
    });
  }

  /** Replaces the override at one level; parameters are checked merged with the levels above it. */
  putSettings(caller: Caller, idOrKey: string, dto: ControlSettingsPutDto): Promise<ControlSettingDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.findOrNotFound(scope, idOrKey);
      const target = await this.targetOf(scope, dto);
      const values = {
        enabled: dto.enabled ?? null,
        weight: dto.weight ?? null,
        params: dto.params ?? {},
        notApplicable: dto.notApplicable ?? null,
        notApplicableReason: dto.notApplicable === true ? (dto.notApplicableReason ?? null) : null,
      };
      const above = await this.layersAbove(scope, control.id, target);
      const merged = resolveSettings(control.params, [...above, { level: target.level, ...values }]);
      const problems = evaluatorProblems(control.evaluatorKind, merged.params);
      if (problems.length > 0) throw invalid(`Invalid settings for ${control.key}`, problems);
      const row = await this.settings.put(scope, control.id, target, values, caller.actor.label);
      await this.audit.record(scope, caller, { action: 'control.settings_changed', target: { type: 'control', id: control.id }, details: { key: control.key, ...target, ...values } });
      return toSettingDto(row);
    });
  }

  deleteSettings(caller: Caller, idOrKey: string, query: SettingTargetQueryDto): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.findOrNotFound(scope, idOrKey);
      const target = await this.targetOf(scope, query);
      if (!(await this.settings.delete(scope, control.id, target))) throw new NotFoundException(`Control ${control.key} has no ${target.level} override there`);
      await this.audit.record(scope, caller, { action: 'control.settings_cleared', target: { type: 'control', id: control.id }, details: { key: control.key, ...target } });
    });
  }

  /** Test mode: evaluates the control (or an unsaved evaluator) for one client now, saving nothing. */
  preview(caller: Caller, idOrKey: string, clientId: string, body: PreviewBodyDto): Promise<PreviewResponseDto> {
    if (body.evaluator) assertEvaluatorValid(body.evaluator);
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.findOrNotFound(scope, idOrKey);
      const controls = await this.controls.list(scope);
      const evaluation = await this.evaluation.evaluate(scope, clientId, controls.some((row) => row.id === control.id) ? controls : [...controls, control], {
        preview: { controlId: control.id, evaluator: body.evaluator },
      });
      if (!evaluation) throw new NotFoundException(`Client ${clientId} not found`);
      const index = evaluation.results.findIndex((result) => result.controlId === control.id);
      const result = evaluation.results[index]!;
      const scored = evaluation.score.controls[index]!;
      return {
        result: {
          controlId: result.controlId,
          controlKey: result.controlKey,
          status: result.status,
          fraction: result.fraction,
          summary: result.summary,
          evidence: result.evidence,
          failingAssets: result.failingAssets,
          exception: result.exception ? { ...result.exception } : null,
          points: scored.points,
          pointsRecoverable: scored.pointsRecoverable,
        },
        clientScore: evaluation.score.score,
        evaluatedAt: evaluation.evaluatedAt.toISOString(),
      };
    });
  }

  private async layersFor(scope: TenantScope, query: ControlListQueryDto): Promise<Map<string, SettingLayer[]>> {
    let rows: ControlSettingRow[];
    if (query.clientId) {
      const client = await scope.db
        .selectFrom('clients as c')
        .leftJoin('baselines as b', 'b.name', 'c.baseline')
        .select(['c.id', 'b.id as baselineId'])
        .where('c.id', '=', query.clientId)
        .executeTakeFirst();
      if (!client) throw new NotFoundException(`Client ${query.clientId} not found`);
      rows = await this.settings.forClient(scope, client.id, client.baselineId);
    } else {
      if (query.baselineId && !(await scope.db.selectFrom('baselines').select('id').where('id', '=', query.baselineId).executeTakeFirst())) {
        throw new NotFoundException(`Baseline ${query.baselineId} not found`);
      }
      rows = await this.settings.forBaseline(scope, query.baselineId ?? null);
    }
    return layersByControl(rows);
  }

  /** The overrides a target inherits from: the tenant's, and for a client its baseline's. */
  private async layersAbove(scope: TenantScope, controlId: string, target: SettingTarget): Promise<SettingLayer[]> {
    if (target.level === 'tenant') return [];
    const layers = target.level === 'client' ? await this.layersFor(scope, { clientId: target.clientId }) : await this.layersFor(scope, {});
    return (layers.get(controlId) ?? []).filter((layer) => LEVEL_ORDER[layer.level] < LEVEL_ORDER[target.level]);
  }

  private async targetOf(scope: TenantScope, query: SettingTargetQueryDto): Promise<SettingTarget> {
    if (query.level === 'baseline') {
      if (!(await scope.db.selectFrom('baselines').select('id').where('id', '=', query.baselineId!).executeTakeFirst())) {
        throw unprocessable('baselineId', `Baseline ${query.baselineId} not found`);
      }
      return { level: 'baseline', baselineId: query.baselineId! };
    }
    if (query.level === 'client') {
      if (!(await scope.db.selectFrom('clients').select('id').where('id', '=', query.clientId!).executeTakeFirst())) {
        throw unprocessable('clientId', `Client ${query.clientId} not found`);
      }
      return { level: 'client', clientId: query.clientId! };
    }
    return { level: 'tenant' };
  }

  private async findOrNotFound(scope: TenantScope, idOrKey: string): Promise<ControlRow> {
    const control = await this.controls.find(scope, idOrKey);
    if (!control) throw new NotFoundException(`Control ${idOrKey} not found`);
    return control;
  }

  private async findCustom(scope: TenantScope, idOrKey: string, verb: string): Promise<ControlRow> {
    const control = await this.findOrNotFound(scope, idOrKey);
    if (control.tenantId === null) {
      throw new UnprocessableEntityException(`${control.key} is a built-in control and cannot be ${verb}; change its settings (PUT /api/v1/controls/${control.key}/settings) or disable it instead`);
    }
    return control;
  }
}

function assertEvaluatorValid(evaluator: EvaluatorDto): void {
  const problems = evaluatorProblems(evaluator.kind, evaluator.params).map((problem) => ({ ...problem, field: `evaluator.${problem.field}` }));
  if (problems.length > 0) throw invalid(`Invalid evaluator: ${problems[0]!.message}`, problems);
}

function invalid(message: string, details: FieldError[]): BadRequestException {
  return new BadRequestException({ message, details });
}

function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 80) || 'control'
  );
}

function toSettingDto(row: ControlSettingRow): ControlSettingDto {
  return {
    level: row.level,
    baselineId: row.baselineId,
    clientId: row.clientId,
    enabled: row.enabled,
    weight: row.weight,
    params: row.params,
    notApplicable: row.notApplicable,
    notApplicableReason: row.notApplicableReason,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toResponse(control: ControlRow, mappings: readonly ControlMappingRef[], effective: EffectiveSettings): ControlResponseDto {
  return {
    id: control.id,
    key: control.key,
    builtin: control.tenantId === null,
    name: control.name,
    category: control.category,
    severity: control.severity,
    description: control.description,
    rationale: control.rationale,
    remediation: control.remediation,
    evidenceSource: control.evidenceSource,
    evaluator: { kind: control.evaluatorKind, params: control.params },
    mappings: mappings.filter((mapping) => mapping.controlId === control.id).map((mapping) => ({ framework: mapping.frameworkKey, ref: mapping.ref })),
    effective: {
      enabled: effective.enabled,
      weight: effective.weight,
      params: effective.params,
      notApplicableReason: effective.notApplicable?.reason ?? null,
      sources: effective.sources,
    },
  };
}
