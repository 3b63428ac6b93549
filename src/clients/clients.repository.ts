import { Injectable } from '@nestjs/common';
import type { TenantScope } from '../database/database.js';
import { escapeLike } from '../database/escape-like.js';
import { afterPosition, type KeyType, type SortDirection, sortKeyOf } from '../database/keyset.js';
import type { BaselineAssignment, ClientRow, ClientStatus, ExternalRef } from '../database/schema.js';
import type { Position } from '../common/pagination/page.js';
import type { ClientSort } from './dto/client.dto.js';
import { isUuidText } from '../common/validation/uuid.js';

const CLIENT_COLUMNS = ['id', 'tenantId', 'integrationId', 'externalId', 'name', 'status', 'externalRefs', 'domains', 'seats', 'baseline', 'baselineAssignment', 'notes', 'createdAt', 'updatedAt'] as const;

export interface ClientFields {
  name: string;
  status: ClientStatus;
  externalRefs: ExternalRef[];
  domains: string[];
  seats: number | null;
  baseline: string | null;
  baselineAssignment: BaselineAssignment | null;
  notes: string | null;
}

export interface ClientFilter {
  name?: string;
  status?: ClientStatus;
  baseline?: string;
}

const SORTS: Record<ClientSort, { column: 'name' | 'createdAt'; keyType: KeyType; direction: SortDirection }> = {
  name: { column: 'name', keyType: 'text', direction: 'asc' },
  '-name': { column: 'name', keyType: 'text', direction: 'desc' },
  createdAt: { column: 'createdAt', keyType: 'timestamptz', direction: 'asc' },
  '-createdAt': { column: 'createdAt', keyType: 'timestamptz', direction: 'desc' },
};

@Injectable()
export class ClientsRepository {
  create(scope: TenantScope, fields: ClientFields): Promise<ClientRow> {
    return scope.db
      .insertInto('clients')
      .values({ ...fields, externalRefs: JSON.stringify(fields.externalRefs), tenantId: scope.tenantId })
      .returning(CLIENT_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  findById(scope: TenantScope, id: string): Promise<ClientRow | undefined> {
    return scope.db.selectFrom('clients').select(CLIENT_COLUMNS).where('tenantId', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
  }

  findByIds(scope: TenantScope, ids: readonly string[]): Promise<ClientRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return scope.db.selectFrom('clients').select(CLIENT_COLUMNS).where('tenantId', '=', scope.tenantId).where('id', 'in', ids).execute();
  }

  /** Clients whose id is one of `refs` or whose name matches one of them, ignoring case. */
  findByIdsOrNames(scope: TenantScope, refs: string[]): Promise<ClientRow[]> {
    if (refs.length === 0) return Promise.resolve([]);
    const ids = refs.filter(isUuidText);
    const names = refs.map((ref) => ref.toLowerCase());
    return scope.db
      .selectFrom('clients')
      .select(CLIENT_COLUMNS)
      .where('tenantId', '=', scope.tenantId)
      .where((eb) => eb.or([...(ids.length ? [eb('id', 'in', ids)] : []), eb(eb.fn('lower', ['name']), 'in', names)]))
      .execute();
  }

  async list(scope: TenantScope, filter: ClientFilter, options: { sort: ClientSort; limit: number; after?: Position }): Promise<(ClientRow & { sortKey: string })[]> {
    const { column, keyType, direction } = SORTS[options.sort];
    let query = scope.db
      .selectFrom('clients')
      .select([...CLIENT_COLUMNS, sortKeyOf('clients', column).as('sortKey')])
      .where('tenantId', '=', scope.tenantId);
    if (filter.name) query = query.where('name', 'ilike', `%${escapeLike(filter.name)}%`);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.baseline) query = query.where('baseline', '=', filter.baseline);
    if (options.after) query = query.where(afterPosition('clients', column, keyType, direction, options.after));
    return query.orderBy(column, direction).orderBy('id', direction).limit(options.limit + 1).execute();
  }

  update(scope: TenantScope, id: string, changes: Partial<ClientFields>, at: Date): Promise<ClientRow | undefined> {
    const { externalRefs, ...plain } = changes;
    return scope.db
      .updateTable('clients')
      .set({ ...plain, ...(externalRefs ? { externalRefs: JSON.stringify(externalRefs) } : {}), updatedAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .returning(CLIENT_COLUMNS)
      .executeTakeFirst();
  }

  async delete(scope: TenantScope, id: string): Promise<ClientRow | undefined> {
    return scope.db.deleteFrom('clients').where('tenantId', '=', scope.tenantId).where('id', '=', id).returning(CLIENT_COLUMNS).executeTakeFirst();
  }
}
