import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import { isUuidText } from '../common/validation/uuid.js';
import type { TenantScope } from '../database/database.js';
import type { ControlRow } from '../database/schema.js';
import type { ControlCategory, Severity } from './catalog/control-definition.js';
import type { EvaluatorKind } from './evaluators/params.js';

export interface CustomControlFields {
  key: string;
  name: string;
  category: ControlCategory;
  severity: Severity;
  description: string;
  rationale: string;
  remediation: string;
  evidenceSource: string;
  evaluatorKind: EvaluatorKind;
  params: Record<string, unknown>;
}

export interface ControlMappingRef {
  controlId: string;
  frameworkId: string;
  frameworkKey: string;
  ref: string;
  builtin: boolean;
}

/** Built-in rows have no tenant; row-level security shows them to every tenant beside its own. */
@Injectable()
export class ControlsRepository {
  /** Built-in controls first, in catalog order, then the tenant's own by key. */
  list(scope: TenantScope): Promise<ControlRow[]> {
    return scope.db
      .selectFrom('controls')
      .selectAll()
      .where('retiredAt', 'is', null)
      .orderBy(sql`tenant_id is not null`)
      .orderBy('position')
      .orderBy('key')
      .execute();
  }

  /** By UUID or by key (`identity.mfa_all_users`), the tenant's own control winning a key clash. */
  find(scope: TenantScope, idOrKey: string): Promise<ControlRow | undefined> {
    const query = scope.db.selectFrom('controls').selectAll();
    return (isUuidText(idOrKey) ? query.where('id', '=', idOrKey) : query.where('key', '=', idOrKey))
      .orderBy(sql`tenant_id is null`)
      .limit(1)
      .executeTakeFirst();
  }

  keyExists(scope: TenantScope, key: string): Promise<boolean> {
    return scope.db.selectFrom('controls').select('id').where('key', '=', key).executeTakeFirst().then(Boolean);
  }

  create(scope: TenantScope, fields: CustomControlFields, createdBy: string): Promise<ControlRow> {
    return scope.db
      .insertInto('controls')
      .values({ ...fields, params: JSON.stringify(fields.params), tenantId: scope.tenantId, createdBy })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  update(scope: TenantScope, id: string, changes: Partial<CustomControlFields>): Promise<ControlRow | undefined> {
    const { params, ...rest } = changes;
    return scope.db
      .updateTable('controls')
      .set({ ...rest, ...(params ? { params: JSON.stringify(params) } : {}), updatedAt: new Date() })
      .where('id', '=', id)
      .where('tenantId', '=', scope.tenantId)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const result = await scope.db.deleteFrom('controls').where('id', '=', id).where('tenantId', '=', scope.tenantId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Every mapping the tenant sees (built-in and its own), with the framework key and requirement ref. */
  mappings(scope: TenantScope, controlIds?: readonly string[]): Promise<ControlMappingRef[]> {
    let query = scope.db
      .selectFrom('controlMappings as m')
      .innerJoin('frameworkRequirements as r', 'r.id', 'm.requirementId')
      .innerJoin('frameworks as f', 'f.id', 'r.frameworkId')
      .select(['m.controlId', 'f.id as frameworkId', 'f.key as frameworkKey', 'r.ref', sql<boolean>`m.tenant_id is null`.as('builtin')])
      .orderBy('f.key')
      .orderBy('r.position');
    if (controlIds) {
      if (controlIds.length === 0) return Promise.resolve([]);
      query = query.where('m.controlId', 'in', controlIds);
    }
    return query.execute();
  }
}
