import { Injectable } from '@nestjs/common';
import { Database, type TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { IntegrationRow } from '../database/schema.js';
import type { Position } from '../common/pagination/page.js';
import type { FieldMapping, PsaKind } from './psa-connector.js';

const INTEGRATION_COLUMNS = [
  'id', 'tenantId', 'kind', 'name', 'config', 'clientTypes', 'clientStatuses', 'includeInactive', 'fieldMapping',
  'credentialsCiphertext', 'credentialsNonce', 'credentialsKeyId', 'syncedThrough', 'createdAt', 'updatedAt',
] as const;

export interface IntegrationFields {
  kind: PsaKind;
  name: string;
  config: Record<string, unknown>;
  clientTypes: string[] | null;
  clientStatuses: string[] | null;
  includeInactive: boolean;
  fieldMapping: FieldMapping;
  credentialsCiphertext: Buffer;
  credentialsNonce: Buffer;
  credentialsKeyId: string;
}

function toColumns(fields: Partial<IntegrationFields>) {
  const { config, fieldMapping, ...rest } = fields;
  return {
    ...rest,
    ...(config ? { config: JSON.stringify(config) } : {}),
    ...(fieldMapping ? { fieldMapping: JSON.stringify(fieldMapping) } : {}),
  };
}

@Injectable()
export class IntegrationsRepository {
  constructor(private readonly database: Database) {}

  create(scope: TenantScope, id: string, fields: IntegrationFields): Promise<IntegrationRow> {
    return scope.db
      .insertInto('integrations')
      .values({ ...fields, config: JSON.stringify(fields.config), fieldMapping: JSON.stringify(fields.fieldMapping), id, tenantId: scope.tenantId })
      .returning(INTEGRATION_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  findById(scope: TenantScope, id: string): Promise<IntegrationRow | undefined> {
    return scope.db.selectFrom('integrations').select(INTEGRATION_COLUMNS).where('tenantId', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
  }

  findByName(scope: TenantScope, name: string): Promise<IntegrationRow | undefined> {
    return scope.db.selectFrom('integrations').select(INTEGRATION_COLUMNS).where('tenantId', '=', scope.tenantId).where('name', '=', name).executeTakeFirst();
  }

  /** Operator path: the CLI names an integration without its tenant. */
  async findTenantOf(id: string): Promise<string | undefined> {
    const row = await this.database.system.selectFrom('integrations').select('tenantId').where('id', '=', id).executeTakeFirst();
    return row?.tenantId;
  }

  /** Every integration of the tenant, by name. */
  names(scope: TenantScope): Promise<Pick<IntegrationRow, 'id' | 'name'>[]> {
    return scope.db.selectFrom('integrations').select(['id', 'name']).where('tenantId', '=', scope.tenantId).orderBy('name').execute();
  }

  async list(scope: TenantScope, options: { limit: number; after?: Position }): Promise<(IntegrationRow & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('integrations')
      .select([...INTEGRATION_COLUMNS, sortKeyOf('integrations', 'name').as('sortKey')])
      .where('tenantId', '=', scope.tenantId);
    if (options.after) query = query.where(afterPosition('integrations', 'name', 'text', 'asc', options.after));
    return query.orderBy('name').orderBy('id').limit(options.limit + 1).execute();
  }

  update(scope: TenantScope, id: string, changes: Partial<IntegrationFields>, at: Date): Promise<IntegrationRow | undefined> {
    return scope.db
      .updateTable('integrations')
      .set({ ...toColumns(changes), updatedAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('id', '=', id)
      .returning(INTEGRATION_COLUMNS)
      .executeTakeFirst();
  }

  async markSynced(scope: TenantScope, id: string, through: Date): Promise<void> {
    await scope.db.updateTable('integrations').set({ syncedThrough: through }).where('tenantId', '=', scope.tenantId).where('id', '=', id).execute();
  }

  delete(scope: TenantScope, id: string): Promise<{ id: string } | undefined> {
    return scope.db.deleteFrom('integrations').where('tenantId', '=', scope.tenantId).where('id', '=', id).returning('id').executeTakeFirst();
  }
}
