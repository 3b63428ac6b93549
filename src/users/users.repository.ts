import { Injectable } from '@nestjs/common';
import type { TenantScope } from '../database/database.js';
import type { UserRole, UserRow } from '../database/schema.js';

const USER_COLUMNS = ['id', 'tenantId', 'entraObjectId', 'email', 'displayName', 'role', 'lastSignInAt', 'createdAt', 'updatedAt'] as const;

export interface SignedInUser {
  entraObjectId: string;
  email: string | null;
  displayName: string | null;
  role: UserRole;
}

@Injectable()
export class UsersRepository {
  findByEntraObjectId(scope: TenantScope, entraObjectId: string): Promise<UserRow | undefined> {
    return scope.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('tenantId', '=', scope.tenantId)
      .where('entraObjectId', '=', entraObjectId)
      .executeTakeFirst();
  }

  /** Creates the person on first sign-in and keeps name, email and role in step with Entra. */
  upsertSignIn(scope: TenantScope, user: SignedInUser, at: Date): Promise<UserRow> {
    return scope.db
      .insertInto('users')
      .values({ ...user, tenantId: scope.tenantId, lastSignInAt: at })
      .onConflict((oc) =>
        oc.columns(['tenantId', 'entraObjectId']).doUpdateSet({
          email: user.email,
          displayName: user.displayName,
          role: user.role,
          lastSignInAt: at,
          updatedAt: at,
        }),
      )
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
  }
}
