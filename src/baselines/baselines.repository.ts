import { Injectable } from '@nestjs/common';

import type { TenantScope } from '../database/database.js';
import type { BaselineRow, BaselineRule, PsaProfile } from '../database/schema.js';

export interface BaselineFields {
  name: string;
  description: string | null;
  rule: BaselineRule | null;
  rulePriority: number;
}

export type BaselineWithClients = BaselineRow & { clientCount: number };

@Injectable()
export class BaselinesRepository {
  list(scope: TenantScope): Promise<BaselineWithClients[]> {
    return scope.db
      .selectFrom('baselines as b')
      .selectAll('b')
      .select((eb) => eb.selectFrom('clients as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.baseline', '=', 'b.name').as('clientCount'))
      .orderBy('b.rulePriority')
      .orderBy('b.name')
      .execute()
      .then((rows) => rows.map((row) => ({ ...row, clientCount: Number(row.clientCount ?? 0) })));
  }

  find(scope: TenantScope, id: string): Promise<BaselineRow | undefined> {
    return scope.db.selectFrom('baselines').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByName(scope: TenantScope, name: string): Promise<BaselineRow | undefined> {
    return scope.db.selectFrom('baselines').selectAll().where('name', '=', name).executeTakeFirst();
  }

  create(scope: TenantScope, fields: BaselineFields): Promise<BaselineRow> {
    return scope.db
      .insertInto('baselines')
      .values({ ...fields, rule: fields.rule ? JSON.stringify(fields.rule) : null, tenantId: scope.tenantId })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  update(scope: TenantScope, id: string, changes: Partial<BaselineFields>): Promise<BaselineRow | undefined> {
    const { rule, ...rest } = changes;
    return scope.db
      .updateTable('baselines')
      .set({ ...rest, ...(rule !== undefined ? { rule: rule ? JSON.stringify(rule) : null } : {}), updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Its clients lose the baseline (the foreign key clears it) and go back to the rules. */
  async delete(scope: TenantScope, id: string): Promise<boolean> {
    const baseline = await this.find(scope, id);
    if (!baseline) return false;
    await scope.db.updateTable('clients').set({ baselineAssignment: null }).where('baseline', '=', baseline.name).execute();
    const result = await scope.db.deleteFrom('baselines').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Clients whose baseline the rules decide: none chosen by hand. */
  ruleAssignable(scope: TenantScope, clientId?: string): Promise<{ id: string; baseline: string | null; psaProfile: PsaProfile }[]> {
    let query = scope.db.selectFrom('clients').select(['id', 'baseline', 'psaProfile']).where((eb) => eb.or([eb('baselineAssignment', 'is', null), eb('baselineAssignment', '=', 'rule')]));
    if (clientId) query = query.where('id', '=', clientId);
    return query.execute();
  }

  async assign(scope: TenantScope, clientIds: string[], baseline: string | null): Promise<void> {
    if (clientIds.length === 0) return;
    await scope.db
      .updateTable('clients')
      .set({ baseline, baselineAssignment: baseline === null ? null : 'rule', updatedAt: new Date() })
      .where('id', 'in', clientIds)
      .execute();
  }
}
