import { Injectable } from '@nestjs/common';

import { unprocessable } from '../common/errors/unprocessable.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { decodeCursor, type Page, toPage } from '../common/pagination/page.js';
import { ControlsRepository } from '../controls/controls.repository.js';
import { Database } from '../database/database.js';
import { type AttestationWithControl, AttestationsRepository } from './attestations.repository.js';
import type { AttestationCreateDto, AttestationListQueryDto, AttestationResponseDto } from './dto/attestation.dto.js';

const MAX_TERM_MS = 3 * 366 * 86_400_000;
/** Clock skew between the caller and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const ORDER = '-attestedAt';

@Injectable()
export class AttestationsService {
  constructor(
    private readonly database: Database,
    private readonly attestations: AttestationsRepository,
    private readonly controls: ControlsRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(caller: Caller, query: AttestationListQueryDto): Promise<Page<AttestationResponseDto>> {
    const after = decodeCursor(query.cursor, ORDER);
    return this.database.inTenant(caller.tenantId, async (scope) => toPage(await this.attestations.list(scope, query.clientId, { limit: query.limit, after }), query.limit, ORDER, toResponse));
  }

  /** Records that a person checked a control for a client; attestation controls evaluate the latest one. */
  create(caller: Caller, dto: AttestationCreateDto): Promise<AttestationResponseDto> {
    const now = Date.now();
    const attestedAt = dto.attestedAt ? new Date(dto.attestedAt) : new Date(now);
    const expiresAt = new Date(dto.expiresAt);
    if (attestedAt.getTime() > now + FUTURE_TOLERANCE_MS) throw unprocessable('attestedAt', 'attestedAt must not be in the future');
    if (expiresAt <= attestedAt) throw unprocessable('expiresAt', 'expiresAt must be after attestedAt');
    if (expiresAt.getTime() - attestedAt.getTime() > MAX_TERM_MS) throw unprocessable('expiresAt', 'expiresAt must be within 3 years of attestedAt');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.controls.find(scope, dto.controlId);
      if (!control) throw unprocessable('controlId', `Control ${dto.controlId} not found`);
      if (control.evaluatorKind !== 'attestation') {
        throw unprocessable('controlId', `Control ${control.key} is evaluated from ${control.evaluatorKind.replace('_', ' ')} evidence, not attestations`);
      }
      if (!(await scope.db.selectFrom('clients').select('id').where('id', '=', dto.clientId).executeTakeFirst())) throw unprocessable('clientId', `Client ${dto.clientId} not found`);
      const row = await this.attestations.create(scope, {
        clientId: dto.clientId,
        controlId: control.id,
        statement: dto.statement,
        attestedBy: dto.attestedBy ?? caller.actor.label,
        attestedAt,
        expiresAt,
        evidenceUrl: dto.evidenceUrl ?? null,
        createdBy: caller.actor.label,
      });
      await this.audit.record(scope, caller, { action: 'attestation.created', target: { type: 'attestation', id: row.id }, details: { clientId: dto.clientId, controlKey: control.key, expiresAt: expiresAt.toISOString() } });
      return toResponse(row);
    });
  }
}

function toResponse(row: AttestationWithControl): AttestationResponseDto {
  return {
    id: row.id,
    clientId: row.clientId,
    controlId: row.controlId,
    controlKey: row.controlKey,
    statement: row.statement,
    attestedBy: row.attestedBy,
    attestedAt: new Date(row.attestedAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
    evidenceUrl: row.evidenceUrl,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
