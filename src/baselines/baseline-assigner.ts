import { Injectable } from '@nestjs/common';

import type { TenantScope } from '../database/database.js';
import { baselineByRules } from './baseline-rules.js';
import { BaselinesRepository } from './baselines.repository.js';

/**
 * Re-applies baseline rules to the clients nobody assigned by hand: after a sync (PSA data
 * changed), after a rule changed, and when a person hands a client back to the rules.
 */
@Injectable()
export class BaselineAssigner {
  constructor(private readonly baselines: BaselinesRepository) {}

  /** Returns how many clients changed baseline. */
  async reassign(scope: TenantScope, clientId?: string): Promise<number> {
    const [baselines, clients] = await Promise.all([this.baselines.list(scope), this.baselines.ruleAssignable(scope, clientId)]);
    const byTarget = new Map<string | null, string[]>();
    for (const client of clients) {
      const target = baselineByRules(baselines, client.psaProfile);
      if (target === client.baseline) continue;
      byTarget.set(target, [...(byTarget.get(target) ?? []), client.id]);
    }
    for (const [target, ids] of byTarget) await this.baselines.assign(scope, ids, target);
    return [...byTarget.values()].reduce((sum, ids) => sum + ids.length, 0);
  }
}
