import { Injectable } from '@nestjs/common';
import type { TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { FactRow } from '../database/schema.js';
import type { Position } from '../common/pagination/page.js';

const FACT_COLUMNS = ['id', 'tenantId', 'clientId', 'key', 'value', 'source', 'observedAt', 'receivedAt'] as const;

export interface FactInput {
  key: string;
  value: unknown;
  source: string;
  observedAt: Date;
}

/** The current value of each (client, key, source); an older observation never replaces a newer one. */
@Injectable()
export class FactsRepository {
  async upsert(scope: TenantScope, clientId: string, facts: FactInput[], at: Date): Promise<number> {
    if (facts.length === 0) return 0;
    const rows = await scope.db
      .insertInto('facts')
      .values(facts.map((fact) => ({ tenantId: scope.tenantId, clientId, key: fact.key, value: JSON.stringify(fact.value), source: fact.source, observedAt: fact.observedAt })))
      .onConflict((oc) =>
        oc
          .columns(['tenantId', 'clientId', 'key', 'source'])
          .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), observedAt: eb.ref('excluded.observedAt'), receivedAt: at }))
          .where('facts.observedAt', '<=', (eb) => eb.ref('excluded.observedAt')),
      )
      .returning('id')
      .execute();
    return rows.length;
  }

  /** By key, then source. */
  async list(scope: TenantScope, clientId: string, options: { limit: number; after?: Position }): Promise<(FactRow & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('facts')
      .select([...FACT_COLUMNS, sortKeyOf('facts', 'key').as('sortKey')])
      .where('tenantId', '=', scope.tenantId)
      .where('clientId', '=', clientId);
    if (options.after) query = query.where(afterPosition('facts', 'key', 'text', 'asc', options.after));
    return query.orderBy('key').orderBy('id').limit(options.limit + 1).execute();
  }
}
