import { Injectable } from '@nestjs/common';

import type { Position } from '../../common/pagination/page.js';
import type { TenantScope } from '../../database/database.js';
import { afterPosition, sortKeyOf } from '../../database/keyset.js';
import type { QbrMarkRow } from '../../database/schema.js';

export interface NewQbrMark {
  clientId: string;
  reviewedAt: Date;
  note: string | null;
  createdBy: string;
  /** The evaluation the review looked at, if the client had one by then. */
  runId: string | null;
  score: number | null;
  grade: QbrMarkRow['grade'];
}

@Injectable()
export class QbrMarksRepository {
  create(scope: TenantScope, mark: NewQbrMark): Promise<QbrMarkRow> {
    return scope.db.insertInto('qbrMarks').values({ ...mark, tenantId: scope.tenantId }).returningAll().executeTakeFirstOrThrow();
  }

  /** Newest review first. */
  list(scope: TenantScope, clientId: string, options: { limit: number; after?: Position }): Promise<(QbrMarkRow & { sortKey: string })[]> {
    let query = scope.db.selectFrom('qbrMarks').selectAll().select(sortKeyOf('qbr_marks', 'reviewedAt').as('sortKey')).where('clientId', '=', clientId);
    if (options.after) query = query.where(afterPosition('qbr_marks', 'reviewedAt', 'timestamptz', 'desc', options.after));
    return query.orderBy('reviewedAt', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  }

  inPeriod(scope: TenantScope, clientId: string, from: Date, to: Date): Promise<QbrMarkRow[]> {
    return scope.db.selectFrom('qbrMarks').selectAll().where('clientId', '=', clientId).where('reviewedAt', '>=', from).where('reviewedAt', '<=', to).orderBy('reviewedAt').execute();
  }

  delete(scope: TenantScope, clientId: string, id: string): Promise<QbrMarkRow | undefined> {
    return scope.db.deleteFrom('qbrMarks').where('clientId', '=', clientId).where('id', '=', id).returningAll().executeTakeFirst();
  }
}
