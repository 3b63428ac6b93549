import { Injectable } from '@nestjs/common';

import { groupBy } from '../../common/collections/group-by.js';
import type { TenantScope } from '../../database/database.js';
import type { EvidenceAsset, EvidenceAttestation, EvidenceFact } from '../evaluators/evaluator.js';

/**
 * Reads the evidence evaluators look at (active assets, current facts, latest attestations) for a
 * set of clients in one query each, grouped by client: a worker gathers a batch of clients at once.
 */
@Injectable()
export class ClientEvidenceRepository {
  async assets(scope: TenantScope, clientIds: readonly string[]): Promise<Map<string, EvidenceAsset[]>> {
    const rows = await scope.db
      .selectFrom('assets')
      .select(['clientId', 'id', 'kind', 'name', 'hostname', 'source', 'osName', 'osVersion', 'lastSeenAt', 'antivirusProduct', 'antivirusStatus', 'patchStatus', 'missingPatches', 'diskEncrypted', 'warrantyEndsAt', 'lastBackupAt'])
      .where('clientId', 'in', clientIds)
      .where('active', '=', true)
      .orderBy('clientId')
      .orderBy('name')
      .orderBy('id')
      .execute();
    return groupBy(rows, ({ clientId, ...asset }) => [clientId, asset]);
  }

  /** Per client and key, the most recently observed value whichever tool reported it. */
  async facts(scope: TenantScope, clientIds: readonly string[]): Promise<Map<string, Map<string, EvidenceFact>>> {
    const rows = await scope.db
      .selectFrom('facts')
      .distinctOn(['clientId', 'key'])
      .select(['clientId', 'key', 'value', 'observedAt', 'source'])
      .where('clientId', 'in', clientIds)
      .orderBy('clientId')
      .orderBy('key')
      .orderBy('observedAt', 'desc')
      .orderBy('source')
      .execute();
    return keyedBy(rows, (row) => [row.clientId, row.key, { value: row.value, observedAt: row.observedAt, source: row.source }]);
  }

  /** Per client and control, the attestation made most recently. */
  async attestations(scope: TenantScope, clientIds: readonly string[]): Promise<Map<string, Map<string, EvidenceAttestation>>> {
    const rows = await scope.db
      .selectFrom('attestations')
      .distinctOn(['clientId', 'controlId'])
      .select(['clientId', 'id', 'controlId', 'statement', 'attestedBy', 'attestedAt', 'expiresAt', 'evidenceUrl'])
      .where('clientId', 'in', clientIds)
      .orderBy('clientId')
      .orderBy('controlId')
      .orderBy('attestedAt', 'desc')
      .orderBy('createdAt', 'desc')
      .execute();
    return keyedBy(rows, (row) => [
      row.clientId,
      row.controlId,
      { id: row.id, statement: row.statement, attestedBy: row.attestedBy, attestedAt: new Date(row.attestedAt), expiresAt: new Date(row.expiresAt), evidenceUrl: row.evidenceUrl },
    ]);
  }
}

function keyedBy<R, T>(rows: readonly R[], split: (row: R) => [string, string, T]): Map<string, Map<string, T>> {
  const groups = new Map<string, Map<string, T>>();
  for (const row of rows) {
    const [group, key, value] = split(row);
    let members = groups.get(group);
    if (!members) groups.set(group, (members = new Map()));
    members.set(key, value);
  }
  return groups;
}
