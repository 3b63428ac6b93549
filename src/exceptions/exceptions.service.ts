import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';

import { unprocessable } from '../common/errors/unprocessable.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { decodeCursor, type Page, toPage } from '../common/pagination/page.js';
import { ControlsRepository } from '../controls/controls.repository.js';
import { Database } from '../database/database.js';
import type { ExceptionCreateDto, ExceptionListQueryDto, ExceptionResponseDto } from './dto/exception.dto.js';
import { type ExceptionWithControl, ExceptionsRepository } from './exceptions.repository.js';

const MAX_TERM_MS = 3 * 366 * 86_400_000;
const ORDER = '-createdAt';

@Injectable()
export class ExceptionsService {
  constructor(
    private readonly database: Database,
    private readonly exceptions: ExceptionsRepository,
    private readonly controls: ControlsRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(caller: Caller, query: ExceptionListQueryDto): Promise<Page<ExceptionResponseDto>> {
    const after = decodeCursor(query.cursor, ORDER);
    const now = new Date();
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const controlId = query.controlId === undefined ? undefined : (await this.controls.find(scope, query.controlId))?.id;
      if (query.controlId !== undefined && controlId === undefined) return { data: [], nextCursor: null };
      const rows = await this.exceptions.list(scope, { clientId: query.clientId, controlId, active: query.active, now }, { limit: query.limit, after });
      return toPage(rows, query.limit, ORDER, (row) => toResponse(row, now));
    });
  }

  get(caller: Caller, id: string): Promise<ExceptionResponseDto> {
    return this.database.inTenant(caller.tenantId, async (scope) => toResponse(orNotFound(await this.exceptions.find(scope, id), id), new Date()));
  }

  create(caller: Caller, dto: ExceptionCreateDto): Promise<ExceptionResponseDto> {
    if ((dto.clientId === undefined) === (dto.baselineId === undefined)) {
      throw new BadRequestException({ message: 'Give exactly one of clientId (one client) or baselineId (every client on a baseline)', details: [{ field: 'clientId', message: 'give exactly one of clientId or baselineId' }] });
    }
    const expiresAt = new Date(dto.expiresAt);
    const now = Date.now();
    if (expiresAt.getTime() <= now) throw unprocessable('expiresAt', 'expiresAt must be in the future: an accepted risk needs a review date');
    if (expiresAt.getTime() > now + MAX_TERM_MS) throw unprocessable('expiresAt', 'expiresAt must be within 3 years: accepted risks are reviewed at least that often');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const control = await this.controls.find(scope, dto.controlId);
      if (!control) throw unprocessable('controlId', `Control ${dto.controlId} not found`);
      if (dto.clientId && !(await scope.db.selectFrom('clients').select('id').where('id', '=', dto.clientId).executeTakeFirst())) {
        throw unprocessable('clientId', `Client ${dto.clientId} not found`);
      }
      if (dto.baselineId && !(await scope.db.selectFrom('baselines').select('id').where('id', '=', dto.baselineId).executeTakeFirst())) {
        throw unprocessable('baselineId', `Baseline ${dto.baselineId} not found`);
      }
      const id = await this.exceptions.create(scope, {
        controlId: control.id,
        clientId: dto.clientId ?? null,
        baselineId: dto.baselineId ?? null,
        owner: dto.owner,
        reason: dto.reason,
        compensatingControl: dto.compensatingControl ?? null,
        expiresAt,
        createdBy: caller.actor.label,
      });
      await this.audit.record(scope, caller, {
        action: 'exception.created',
        target: { type: 'exception', id },
        details: { controlKey: control.key, clientId: dto.clientId ?? null, baselineId: dto.baselineId ?? null, owner: dto.owner, expiresAt: expiresAt.toISOString() },
      });
      return toResponse(orNotFound(await this.exceptions.find(scope, id), id), new Date());
    });
  }

  delete(caller: Caller, id: string): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = orNotFound(await this.exceptions.find(scope, id), id);
      await this.exceptions.delete(scope, id);
      await this.audit.record(scope, caller, { action: 'exception.deleted', target: { type: 'exception', id }, details: { controlKey: row.controlKey, clientId: row.clientId, baselineId: row.baselineId, owner: row.owner } });
    });
  }
}

function orNotFound(row: ExceptionWithControl | undefined, id: string): ExceptionWithControl {
  if (!row) throw new NotFoundException(`Exception ${id} not found`);
  return row;
}

function toResponse(row: ExceptionWithControl, now: Date): ExceptionResponseDto {
  const expiresAt = new Date(row.expiresAt);
  return {
    id: row.id,
    controlId: row.controlId,
    controlKey: row.controlKey,
    controlName: row.controlName,
    clientId: row.clientId,
    baselineId: row.baselineId,
    owner: row.owner,
    reason: row.reason,
    compensatingControl: row.compensatingControl,
    expiresAt: expiresAt.toISOString(),
    active: expiresAt > now,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
