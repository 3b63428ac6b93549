import { Injectable } from '@nestjs/common';

import type { TenantScope } from '../../database/database.js';
import type { ReportTemplateRow } from '../../database/schema.js';
import type { TemplateDefinition } from './template-definition.js';

const COLUMNS = ['id', 'tenantId', 'key', 'basedOn', 'definition', 'createdBy', 'createdAt', 'updatedAt'] as const;

/** A tenant's own templates; the built-in ones live in `report-templates/`, not here. */
@Injectable()
export class ReportTemplatesRepository {
  list(scope: TenantScope): Promise<ReportTemplateRow[]> {
    return scope.db.selectFrom('reportTemplates').select(COLUMNS).orderBy('key').execute();
  }

  find(scope: TenantScope, key: string): Promise<ReportTemplateRow | undefined> {
    return scope.db.selectFrom('reportTemplates').select(COLUMNS).where('key', '=', key).executeTakeFirst();
  }

  create(scope: TenantScope, fields: { key: string; basedOn: string | null; definition: TemplateDefinition; createdBy: string }): Promise<ReportTemplateRow> {
    return scope.db
      .insertInto('reportTemplates')
      .values({ ...fields, tenantId: scope.tenantId, definition: JSON.stringify(fields.definition) })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  }

  replace(scope: TenantScope, key: string, definition: TemplateDefinition): Promise<ReportTemplateRow | undefined> {
    return scope.db
      .updateTable('reportTemplates')
      .set({ definition: JSON.stringify(definition), updatedAt: new Date() })
      .where('key', '=', key)
      .returning(COLUMNS)
      .executeTakeFirst();
  }

  async delete(scope: TenantScope, key: string): Promise<boolean> {
    const deleted = await scope.db.deleteFrom('reportTemplates').where('key', '=', key).executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  }

  count(scope: TenantScope): Promise<number> {
    return scope.db
      .selectFrom('reportTemplates')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.count));
  }
}
