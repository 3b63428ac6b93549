import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';

import { groupBy } from '../../common/collections/group-by.js';
import type { TenantScope } from '../../database/database.js';
import type { ControlSettingRow, SettingLevel } from '../../database/schema.js';
import type { SettingLayer } from './effective-settings.js';

export type SettingTarget = { level: 'tenant' } | { level: 'baseline'; baselineId: string } | { level: 'client'; clientId: string };

export interface SettingValues {
  enabled: boolean | null;
  weight: number | null;
  params: Record<string, unknown>;
  notApplicable: boolean | null;
  notApplicableReason: string | null;
}

@Injectable()
export class ControlSettingsRepository {
  /** Overrides that apply to one client: the tenant's, its baseline's and its own, for every control. */
  forClient(scope: TenantScope, clientId: string, baselineId: string | null): Promise<ControlSettingRow[]> {
    return this.forClients(scope, [{ id: clientId, baselineId }]).then((byClient) => byClient.get(clientId) ?? []);
  }

  /** Each client's applicable overrides (tenant level, its baseline's, its own) from one query. */
  async forClients(scope: TenantScope, clients: readonly { id: string; baselineId: string | null }[]): Promise<Map<string, ControlSettingRow[]>> {
    const baselineIds = [...new Set(clients.flatMap((client) => (client.baselineId ? [client.baselineId] : [])))];
    const rows = await scope.db
      .selectFrom('controlSettings')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('level', '=', 'tenant'),
          eb.and([eb('level', '=', 'client'), eb('clientId', 'in', clients.map((client) => client.id))]),
          ...(baselineIds.length > 0 ? [eb.and([eb('level', '=', 'baseline'), eb('baselineId', 'in', baselineIds)])] : []),
        ]),
      )
      .execute();
    return new Map(
      clients.map((client) => [
        client.id,
        rows.filter((row) => row.level === 'tenant' || (row.level === 'client' && row.clientId === client.id) || (row.level === 'baseline' && row.baselineId === client.baselineId)),
      ]),
    );
  }

  /** Overrides at the tenant level and, when given, one baseline's. */
  forBaseline(scope: TenantScope, baselineId: string | null): Promise<ControlSettingRow[]> {
    return scope.db
      .selectFrom('controlSettings')
      .selectAll()
      .where((eb) => eb.or([eb('level', '=', 'tenant'), ...(baselineId ? [eb.and([eb('level', '=', 'baseline'), eb('baselineId', '=', baselineId)])] : [])]))
      .execute();
  }

  forControl(scope: TenantScope, controlId: string): Promise<ControlSettingRow[]> {
    return scope.db.selectFrom('controlSettings').selectAll().where('controlId', '=', controlId).orderBy(sql`case level when 'tenant' then 0 when 'baseline' then 1 else 2 end`).orderBy('updatedAt').execute();
  }

  put(scope: TenantScope, controlId: string, target: SettingTarget, values: SettingValues, updatedBy: string): Promise<ControlSettingRow> {
    const baselineId = target.level === 'baseline' ? target.baselineId : null;
    const clientId = target.level === 'client' ? target.clientId : null;
    const row = { ...values, params: JSON.stringify(values.params), updatedBy, updatedAt: new Date() };
    return scope.db
      .insertInto('controlSettings')
      .values({ ...row, tenantId: scope.tenantId, controlId, level: target.level as SettingLevel, baselineId, clientId })
      .onConflict((conflict) => conflict.columns(['tenantId', 'controlId', 'level', 'baselineId', 'clientId']).doUpdateSet(row))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async delete(scope: TenantScope, controlId: string, target: SettingTarget): Promise<boolean> {
    let query = scope.db.deleteFrom('controlSettings').where('controlId', '=', controlId).where('level', '=', target.level);
    if (target.level === 'baseline') query = query.where('baselineId', '=', target.baselineId);
    if (target.level === 'client') query = query.where('clientId', '=', target.clientId);
    const result = await query.executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

/** Stored overrides as cascade layers, per control. */
export function layersByControl(rows: readonly ControlSettingRow[]): Map<string, SettingLayer[]> {
  return groupBy(rows, (row): [string, SettingLayer] => [
    row.controlId,
    { level: row.level, enabled: row.enabled, weight: row.weight, params: row.params, notApplicable: row.notApplicable, notApplicableReason: row.notApplicableReason },
  ]);
}
