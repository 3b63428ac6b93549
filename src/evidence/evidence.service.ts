import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { ClientsRepository } from '../clients/clients.repository.js';
import type { FieldError } from '../common/errors/error-response.js';
import { decodeCursor, type Page, type PageQueryDto, toPage } from '../common/pagination/page.js';
import { Database, type TenantScope } from '../database/database.js';
import type { FactRow } from '../database/schema.js';
import { type AssetRecord, InventoryRepository, type ListedAsset } from '../integrations/sync/inventory.repository.js';
import type { AssetBatchDto, AssetBatchResultDto, AssetInputDto, AssetResponseDto, FactBatchDto, FactBatchResultDto, FactResponseDto } from './dto/evidence.dto.js';
import { type FactInput, FactsRepository } from './facts.repository.js';

const MAX_FACT_VALUE_BYTES = 16 * 1024;
/** Tools' clocks drift; an observation further ahead than this is a bug in the sender. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Evidence that RMM, backup, EDR and training tools push about a client. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly database: Database,
    private readonly clients: ClientsRepository,
    private readonly facts: FactsRepository,
    private readonly inventory: InventoryRepository,
    private readonly audit: AuditRepository,
  ) {}

  recordFacts(caller: Caller, clientId: string, dto: FactBatchDto): Promise<FactBatchResultDto> {
    const now = Date.now();
    const problems: FieldError[] = dto.facts.flatMap((fact, index): FieldError[] => {
      const at = `facts.${index}`;
      if (Buffer.byteLength(JSON.stringify(fact.value)) > MAX_FACT_VALUE_BYTES) return [{ field: `${at}.value`, message: `${at}.value is larger than 16 KB` }];
      if (new Date(fact.observedAt).getTime() > now + FUTURE_TOLERANCE_MS) return [{ field: `${at}.observedAt`, message: `${at}.observedAt is in the future` }];
      return [];
    });
    if (problems.length > 0) throw new BadRequestException({ message: `Invalid request: ${problems.map((problem) => problem.message).join('; ')}`, details: problems });

    const newest = newestPerKey(dto.facts.map((fact) => ({ key: fact.key, value: fact.value, source: fact.source, observedAt: new Date(fact.observedAt) })));
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.clientOrThrow(scope, clientId);
      const stored = await this.facts.upsert(scope, clientId, newest, new Date());
      return { stored, olderIgnored: dto.facts.length - stored };
    });
  }

  listFacts(caller: Caller, clientId: string, query: PageQueryDto): Promise<Page<FactResponseDto>> {
    const after = decodeCursor(query.cursor, 'key');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.clientOrThrow(scope, clientId);
      const rows = await this.facts.list(scope, clientId, { limit: query.limit, after });
      return toPage(rows, query.limit, 'key', toFactResponse);
    });
  }

  recordAssets(caller: Caller, clientId: string, dto: AssetBatchDto): Promise<AssetBatchResultDto> {
    const ids = dto.assets.map((asset) => asset.externalId);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (repeated.length > 0) {
      throw new BadRequestException({ message: `assets lists externalId ${[...new Set(repeated)].join(', ')} more than once`, details: [{ field: 'assets', message: 'externalId must be unique within a batch' }] });
    }
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.clientOrThrow(scope, clientId);
      const result = await this.inventory.upsertToolAssets(scope, dto.source, dto.assets.map((asset) => toAssetRecord(clientId, asset)), new Date());
      await this.audit.record(scope, caller, { action: 'assets.pushed', target: { type: 'client', id: clientId }, details: { source: dto.source, ...result } });
      return result;
    });
  }

  listAssets(caller: Caller, clientId: string, query: PageQueryDto): Promise<Page<AssetResponseDto>> {
    const after = decodeCursor(query.cursor, 'kind-hostname');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.clientOrThrow(scope, clientId);
      const rows = await this.inventory.listAssets(scope, clientId, { limit: query.limit, after });
      return toPage(rows, query.limit, 'kind-hostname', toAssetResponse);
    });
  }

  private async clientOrThrow(scope: TenantScope, clientId: string): Promise<void> {
    if (!(await this.clients.findById(scope, clientId))) throw new NotFoundException(`Client ${clientId} not found`);
  }
}

/** One fact per (key, source): the latest observation in the batch. */
export function newestPerKey(facts: FactInput[]): FactInput[] {
  const newest = new Map<string, FactInput>();
  for (const fact of facts) {
    const id = `${fact.key}\u0000${fact.source}`;
    const held = newest.get(id);
    if (!held || held.observedAt <= fact.observedAt) newest.set(id, fact);
  }
  return [...newest.values()];
}

const date = (value: string | undefined) => (value ? new Date(value) : null);
const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toAssetRecord(clientId: string, asset: AssetInputDto): AssetRecord {
  return {
    clientId,
    externalId: asset.externalId,
    kind: asset.kind,
    name: asset.name ?? null,
    hostname: asset.hostname ?? null,
    serialNumber: asset.serialNumber ?? null,
    osName: asset.osName ?? null,
    osVersion: asset.osVersion ?? null,
    lastSeenAt: date(asset.lastSeenAt),
    antivirusProduct: asset.antivirusProduct ?? null,
    antivirusStatus: asset.antivirusStatus ?? null,
    patchStatus: asset.patchStatus ?? null,
    missingPatches: asset.missingPatches ?? null,
    diskEncrypted: asset.diskEncrypted ?? null,
    warrantyEndsAt: date(asset.warrantyEndsAt),
    lastBackupAt: date(asset.lastBackupAt),
    active: asset.active ?? true,
    updatedAt: null,
    raw: asset,
  };
}

function toFactResponse(row: FactRow): FactResponseDto {
  return { key: row.key, value: row.value, source: row.source, observedAt: row.observedAt.toISOString(), receivedAt: row.receivedAt.toISOString() };
}

function toAssetResponse(row: ListedAsset): AssetResponseDto {
  return {
    id: row.id,
    kind: row.kind,
    origin: row.integrationId ?? row.source,
    externalId: row.externalId,
    name: row.name,
    hostname: row.hostname,
    serialNumber: row.serialNumber,
    osName: row.osName,
    osVersion: row.osVersion,
    lastSeenAt: iso(row.lastSeenAt),
    antivirusProduct: row.antivirusProduct,
    antivirusStatus: row.antivirusStatus,
    patchStatus: row.patchStatus,
    missingPatches: row.missingPatches,
    diskEncrypted: row.diskEncrypted,
    warrantyEndsAt: iso(row.warrantyEndsAt),
    lastBackupAt: iso(row.lastBackupAt),
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}
