import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import { isUuidText } from '../common/validation/uuid.js';
import type { TenantScope } from '../database/database.js';
import type { FrameworkRow } from '../database/schema.js';

export type FrameworkWithCounts = FrameworkRow & { requirementCount: number; requirementsWithControls: number };

export interface RequirementWithControls {
  id: string;
  ref: string;
  title: string;
  grouping: string;
  controls: string[];
}

@Injectable()
export class FrameworksRepository {
  /** Built-in frameworks first, then the tenant's own; counts include the tenant's own mappings. */
  async list(scope: TenantScope): Promise<FrameworkWithCounts[]> {
    const rows = await scope.db
      .selectFrom('frameworks as f')
      .selectAll('f')
      .select((eb) => [
        eb.selectFrom('frameworkRequirements as r').select(eb.fn.countAll<string>().as('n')).whereRef('r.frameworkId', '=', 'f.id').as('requirementCount'),
        eb
          .selectFrom('frameworkRequirements as r')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('r.frameworkId', '=', 'f.id')
          .where((inner) => inner.exists(inner.selectFrom('controlMappings as m').innerJoin('controls as c', 'c.id', 'm.controlId').select('m.controlId').whereRef('m.requirementId', '=', 'r.id').where('c.retiredAt', 'is', null)))
          .as('requirementsWithControls'),
      ])
      .orderBy(sql`f.tenant_id is not null`)
      .orderBy('f.name')
      .execute();
    return rows.map((row) => ({ ...row, requirementCount: Number(row.requirementCount), requirementsWithControls: Number(row.requirementsWithControls) }));
  }

  find(scope: TenantScope, idOrKey: string): Promise<FrameworkRow | undefined> {
    const query = scope.db.selectFrom('frameworks').selectAll();
    return (isUuidText(idOrKey) ? query.where('id', '=', idOrKey) : query.where('key', '=', idOrKey)).orderBy(sql`tenant_id is null`).limit(1).executeTakeFirst();
  }

  async requirements(scope: TenantScope, frameworkId: string): Promise<RequirementWithControls[]> {
    const rows = await scope.db
      .selectFrom('frameworkRequirements as r')
      .leftJoin('controlMappings as m', 'm.requirementId', 'r.id')
      .leftJoin('controls as c', (join) => join.onRef('c.id', '=', 'm.controlId').on('c.retiredAt', 'is', null))
      .select(['r.id', 'r.ref', 'r.title', 'r.grouping', 'r.position', sql<string[]>`coalesce(array_agg(c.key order by c.key) filter (where c.key is not null), '{}')`.as('controls')])
      .where('r.frameworkId', '=', frameworkId)
      .groupBy(['r.id', 'r.ref', 'r.title', 'r.grouping', 'r.position'])
      .orderBy('r.position')
      .execute();
    return rows.map(({ position: _position, ...row }) => row);
  }

  async create(scope: TenantScope, framework: Pick<FrameworkRow, 'key' | 'name' | 'version' | 'publisher' | 'url' | 'description'>, requirements: { ref: string; title: string; group: string }[]): Promise<string> {
    const { id } = await scope.db.insertInto('frameworks').values({ ...framework, tenantId: scope.tenantId }).returning('id').executeTakeFirstOrThrow();
    const rows = requirements.map((requirement, position) => ({ tenantId: scope.tenantId, frameworkId: id, ref: requirement.ref, title: requirement.title, grouping: requirement.group, position }));
    for (let start = 0; start < rows.length; start += 500) await scope.db.insertInto('frameworkRequirements').values(rows.slice(start, start + 500)).execute();
    return id;
  }

  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const result = await scope.db.deleteFrom('frameworks').where('id', '=', id).where('tenantId', '=', scope.tenantId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  requirementIdsByRef(scope: TenantScope, frameworkId: string, refs: string[]): Promise<{ id: string; ref: string }[]> {
    return scope.db.selectFrom('frameworkRequirements').select(['id', 'ref']).where('frameworkId', '=', frameworkId).where('ref', 'in', refs).execute();
  }

  /** Adds the tenant's own mappings; ones that exist already (built-in or own) are skipped. */
  async addMappings(scope: TenantScope, controlId: string, requirementIds: string[]): Promise<number> {
    const rows = await scope.db
      .insertInto('controlMappings')
      .values(requirementIds.map((requirementId) => ({ tenantId: scope.tenantId, controlId, requirementId })))
      .onConflict((conflict) => conflict.columns(['controlId', 'requirementId']).doNothing())
      .returning('requirementId')
      .execute();
    return rows.length;
  }
}
