import { Injectable } from '@nestjs/common';
import { Database, type TenantScope } from '../../database/database.js';
import type { UserRole } from '../../database/schema.js';

export interface WebSession {
  id: string;
  tenantId: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  user: { email: string | null; displayName: string | null; role: UserRole };
}

export interface NewWebSession {
  userId: string;
  tokenHash: Buffer;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

@Injectable()
export class WebSessionsRepository {
  constructor(private readonly database: Database) {}

  /** Looked up before the tenant is known, like an API key: by the token's hash only. */
  async findByHash(tokenHash: Buffer): Promise<WebSession | undefined> {
    const row = await this.database.system
      .selectFrom('webSessions')
      .innerJoin('users', 'users.id', 'webSessions.userId')
      .select(['webSessions.id', 'webSessions.tenantId', 'webSessions.userId', 'webSessions.csrfToken', 'webSessions.createdAt', 'webSessions.lastSeenAt', 'webSessions.expiresAt', 'users.email', 'users.displayName', 'users.role'])
      .where('webSessions.tokenHash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const { email, displayName, role, ...session } = row;
    return { ...session, user: { email, displayName, role } };
  }

  async create(scope: TenantScope, values: NewWebSession): Promise<{ id: string; expiresAt: Date }> {
    return scope.db
      .insertInto('webSessions')
      .values({ ...values, tenantId: scope.tenantId })
      .returning(['id', 'expiresAt'])
      .executeTakeFirstOrThrow();
  }

  async touch(scope: TenantScope, id: string, at: Date): Promise<void> {
    await scope.db.updateTable('webSessions').set({ lastSeenAt: at }).where('id', '=', id).execute();
  }

  async delete(scope: TenantScope, id: string): Promise<void> {
    await scope.db.deleteFrom('webSessions').where('id', '=', id).execute();
  }

  /** Sessions past their end or idle since `idleSince`; swept whenever someone in the tenant signs in. */
  async deleteEnded(scope: TenantScope, now: Date, idleSince: Date): Promise<void> {
    await scope.db
      .deleteFrom('webSessions')
      .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<', idleSince)]))
      .execute();
  }
}
