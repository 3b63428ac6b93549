import { Injectable } from '@nestjs/common';

import type { Position } from '../common/pagination/page.js';
import type { TenantScope } from '../database/database.js';
import { afterPosition, sortKeyOf } from '../database/keyset.js';
import type { AttestationRow } from '../database/schema.js';

export type AttestationWithControl = AttestationRow & { controlKey: string };
export type NewAttestation = Pick<AttestationRow, 'clientId' | 'controlId' | 'statement' | 'attestedBy' | 'evidenceUrl' | 'createdBy'> & { attestedAt: Date; expiresAt: Date };

@Injectable()
export class AttestationsRepository {
  /** Newest attestation first. */
  list(scope: TenantScope, clientId: string | undefined, options: { limit: number; after?: Position }): Promise<(AttestationWithControl & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('attestations as a')
      .innerJoin('controls as c', 'c.id', 'a.controlId')
      .selectAll('a')
      .select(['c.key as controlKey', sortKeyOf('a', 'attestedAt').as('sortKey')]);
    if (clientId) query = query.where('a.clientId', '=', clientId);
    if (options.after) query = query.where(afterPosition('a', 'attestedAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('a.attestedAt', 'desc').orderBy('a.id', 'desc').limit(options.limit + 1).execute();
  }

  async create(scope: TenantScope, attestation: NewAttestation): Promise<AttestationWithControl> {
    const row = await scope.db.insertInto('attestations').values({ ...attestation, tenantId: scope.tenantId }).returningAll().executeTakeFirstOrThrow();
    const { key } = await scope.db.selectFrom('controls').select('key').where('id', '=', row.controlId).executeTakeFirstOrThrow();
    return { ...row, controlKey: key };
  }
}
