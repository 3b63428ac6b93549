import { Injectable } from '@nestjs/common';

import type { TenantScope } from '../../database/database.js';
import type { EvidenceAsset, EvidenceAttestation, EvidenceFact } from '../evaluators/evaluator.js';

/** Reads the evidence of one client that evaluators look at: active assets, current facts, latest attestations. */
@Injectable()
export class ClientEvidenceRepository {
  assets(scope: TenantScope, clientId: string): Promise<EvidenceAsset[]> {
    return scope.db
      .selectFrom('assets')
      .select(['id', 'kind', 'name', 'hostname', 'source', 'osName', 'osVersion', 'lastSeenAt', 'antivirusProduct', 'antivirusStatus', 'patchStatus', 'missingPatches', 'diskEncrypted', 'warrantyEndsAt', 'lastBackupAt'])
      .where('clientId', '=', clientId)
      .where('active', '=', true)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  /** Per key, the most recently observed value whichever tool reported it. */
  async facts(scope: TenantScope, clientId: string): Promise<Map<string, EvidenceFact>> {
    const rows = await scope.db
      .selectFrom('facts')
      .distinctOn('key')
      .select(['key', 'value', 'observedAt', 'source'])
      .where('clientId', '=', clientId)
      .orderBy('key')
      .orderBy('observedAt', 'desc')
      .orderBy('source')
      .execute();
    return new Map(rows.map((row) => [row.key, { value: row.value, observedAt: row.observedAt, source: row.source }]));
  }

  /** Per control, the attestation made most recently. */
  async attestations(scope: TenantScope, clientId: string): Promise<Map<string, EvidenceAttestation>> {
    const rows = await scope.db
      .selectFrom('attestations')
      .distinctOn('controlId')
      .select(['id', 'controlId', 'statement', 'attestedBy', 'attestedAt', 'expiresAt', 'evidenceUrl'])
      .where('clientId', '=', clientId)
      .orderBy('controlId')
      .orderBy('attestedAt', 'desc')
      .orderBy('createdAt', 'desc')
      .execute();
    return new Map(
      rows.map((row) => [
        row.controlId,
        { id: row.id, statement: row.statement, attestedBy: row.attestedBy, attestedAt: new Date(row.attestedAt), expiresAt: new Date(row.expiresAt), evidenceUrl: row.evidenceUrl },
      ]),
    );
  }
}
