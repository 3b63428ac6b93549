import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import { groupBy } from '../common/collections/group-by.js';
import { ControlsRepository } from '../controls/controls.repository.js';
import type { EvaluableControl } from '../controls/engine/client-evaluation.service.js';
import type { TenantScope } from '../database/database.js';
import type { RequirementCoverage } from '../scoring/scoring.js';

export interface FrameworkCoverage {
  frameworkId: string;
  requirements: RequirementCoverage[];
}

/** What every client of a tenant is evaluated against: the controls and the frameworks they map to. */
export interface EvaluationContext {
  controls: EvaluableControl[];
  frameworks: FrameworkCoverage[];
}

@Injectable()
export class EvaluationContextRepository {
  constructor(private readonly controls: ControlsRepository) {}

  async load(scope: TenantScope): Promise<EvaluationContext> {
    const [controls, requirements] = await Promise.all([
      this.controls.list(scope),
      scope.db
        .selectFrom('frameworkRequirements as r')
        .leftJoin('controlMappings as m', 'm.requirementId', 'r.id')
        .leftJoin('controls as c', (join) => join.onRef('c.id', '=', 'm.controlId').on('c.retiredAt', 'is', null))
        .select(['r.frameworkId', 'r.id as requirementId', sql<string[]>`coalesce(array_agg(c.id) filter (where c.id is not null), '{}')`.as('controlIds')])
        .groupBy(['r.frameworkId', 'r.id', 'r.position'])
        .orderBy('r.frameworkId')
        .orderBy('r.position')
        .execute(),
    ]);
    const frameworks = groupBy(requirements, ({ frameworkId, requirementId, controlIds }): [string, RequirementCoverage] => [frameworkId, { requirementId, controlIds }]);
    return { controls, frameworks: [...frameworks].map(([frameworkId, coverage]) => ({ frameworkId, requirements: coverage })) };
  }
}
