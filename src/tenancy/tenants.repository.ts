import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import type { Tenant } from '../database/schema.js';

const TENANT_COLUMNS = ['id', 'name', 'entraTenantId', 'isDemo', 'noDataScoring', 'createdAt', 'updatedAt'] as const;

/** The tenant registry: system-level, because it is consulted before any tenant is chosen. */
@Injectable()
export class TenantsRepository {
  constructor(private readonly database: Database) {}

  create(values: { name: string; entraTenantId?: string | null; isDemo?: boolean }): Promise<Tenant> {
    return this.database.system.insertInto('tenants').values(values).returning(TENANT_COLUMNS).executeTakeFirstOrThrow();
  }

  findById(id: string): Promise<Tenant | undefined> {
    return this.database.system.selectFrom('tenants').select(TENANT_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  findByEntraTenantId(entraTenantId: string): Promise<Tenant | undefined> {
    return this.database.system.selectFrom('tenants').select(TENANT_COLUMNS).where('entraTenantId', '=', entraTenantId).executeTakeFirst();
  }

  findDemo(): Promise<Tenant | undefined> {
    return this.database.system.selectFrom('tenants').select(TENANT_COLUMNS).where('isDemo', '=', true).orderBy('createdAt').executeTakeFirst();
  }
}
