import { Injectable } from '@nestjs/common';
import type { Updateable } from 'kysely';

import { Database, type TenantScope } from '../database/database.js';
import type { Tenant, TenantsTable } from '../database/schema.js';

const TENANT_COLUMNS = ['id', 'name', 'entraTenantId', 'isDemo', 'noDataScoring', 'evaluationSchedule', 'timezone', 'scheduleUpdatedAt', 'evidenceRetentionDays', 'createdAt', 'updatedAt'] as const;

const SETTINGS_COLUMNS = ['noDataScoring', 'evaluationSchedule', 'timezone', 'evidenceRetentionDays'] as const;
export type TenantSettings = Pick<Tenant, (typeof SETTINGS_COLUMNS)[number]>;
type SettingsChanges = Pick<Updateable<TenantsTable>, (typeof SETTINGS_COLUMNS)[number] | 'scheduleUpdatedAt'>;

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

  /** The tenant's own settings, read in its scope. */
  settings(scope: TenantScope): Promise<TenantSettings> {
    return scope.db.selectFrom('tenants').select(SETTINGS_COLUMNS).where('id', '=', scope.tenantId).executeTakeFirstOrThrow();
  }

  updateSettings(scope: TenantScope, changes: SettingsChanges, at: Date): Promise<TenantSettings> {
    return scope.db.updateTable('tenants').set({ ...changes, updatedAt: at }).where('id', '=', scope.tenantId).returning(SETTINGS_COLUMNS).executeTakeFirstOrThrow();
  }
}
