import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Origin } from '../auth/caller.js';
import { Database } from '../database/database.js';
import type { Tenant } from '../database/schema.js';
import { TenantsRepository } from './tenants.repository.js';

export interface TenantRequest {
  name: string;
  entraTenantId?: string | null;
  isDemo?: boolean;
}

@Injectable()
export class TenantsService {
  constructor(
    private readonly database: Database,
    private readonly tenants: TenantsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Creates a tenant and opens its audit trail with the creation itself. */
  async create(origin: Origin, request: TenantRequest): Promise<Tenant> {
    const tenant = await this.tenants.create({ name: request.name, entraTenantId: request.entraTenantId ?? null, isDemo: request.isDemo ?? false });
    await this.database.inTenant(tenant.id, (scope) =>
      this.audit.record(scope, origin, { action: 'tenant.created', target: { type: 'tenant', id: tenant.id }, details: { name: tenant.name } }),
    );
    return tenant;
  }

  findById(id: string): Promise<Tenant | undefined> {
    return this.tenants.findById(id);
  }
}
