import { BadRequestException, ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Caller } from '../auth/caller.js';
import { type ClientFields, ClientsRepository } from '../clients/clients.repository.js';
import type { ClientCreateDto } from '../clients/dto/client.dto.js';
import { Database, type TenantScope } from '../database/database.js';
import type { ClientRow } from '../database/schema.js';
import { toAssetRecord } from '../evidence/evidence.service.js';
import { InventoryRepository } from '../integrations/sync/inventory.repository.js';
import { type AssetCsvRow, CsvFormatError, type CsvKind, parseAssetRows, parseClientRows, type RowError } from './csv-rows.js';

export interface CsvImportOptions {
  /** Assets: the tool name their ids belong to. */
  source: string;
  /** Import the good rows even when others are bad; otherwise any bad row means nothing is written. */
  partial: boolean;
}

export interface CsvImportResult {
  kind: CsvKind;
  rows: number;
  created: number;
  updated: number;
  failed: number;
  errors: RowError[];
}

/** Clients and assets from a spreadsheet, checked row by row with the same rules as the API. */
@Injectable()
export class CsvImportService {
  constructor(
    private readonly database: Database,
    private readonly clients: ClientsRepository,
    private readonly inventory: InventoryRepository,
    private readonly audit: AuditRepository,
  ) {}

  async import(caller: Caller, kind: CsvKind, text: string, options: CsvImportOptions): Promise<CsvImportResult> {
    if (kind === 'assets' && !caller.scopes.has('evidence:write')) throw new ForbiddenException('These credentials lack the evidence:write scope');
    let parsed;
    try {
      parsed = kind === 'clients' ? parseClientRows(text) : parseAssetRows(text);
    } catch (error) {
      if (error instanceof CsvFormatError) throw new BadRequestException(error.message);
      throw error;
    }
    const total = parsed.rows.length + new Set(parsed.errors.map((error) => error.row)).size;
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const outcome =
        kind === 'clients'
          ? await this.importClients(scope, parsed.rows as { row: number; value: ClientCreateDto }[], parsed.errors, options)
          : await this.importAssets(scope, parsed.rows as { row: number; value: AssetCsvRow }[], parsed.errors, options);
      const result = { kind, rows: total, ...outcome, failed: new Set(outcome.errors.map((error) => error.row)).size };
      await this.audit.record(scope, caller, { action: 'import.csv', details: { kind, rows: result.rows, created: result.created, updated: result.updated, failed: result.failed } });
      return result;
    });
  }

  private async importClients(scope: TenantScope, allRows: { row: number; value: ClientCreateDto }[], errors: RowError[], options: CsvImportOptions) {
    const baselines = new Set((await scope.db.selectFrom('baselines').select('name').execute()).map((baseline) => baseline.name));
    const rows = allRows.filter(({ row, value }) => {
      if (!value.baseline || baselines.has(value.baseline)) return true;
      errors.push({ row, field: 'baseline', message: `no baseline named "${value.baseline}" (create it first with POST /api/v1/baselines)` });
      return false;
    });
    errors.sort((a, b) => a.row - b.row);
    refuseUnlessPartial(errors, options);
    const existing = byLowerName(await this.clients.findByIdsOrNames(scope, rows.map(({ value }) => value.name)));
    let created = 0;
    let updated = 0;
    const at = new Date();
    for (const { value } of rows) {
      const match = existing.get(value.name.toLowerCase());
      if (match) {
        // Matched by name without regard to case: the client keeps its own spelling.
        const { name: _matchedBy, ...fields } = value;
        const changes = Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined)) as Partial<ClientFields>;
        if (changes.baseline !== undefined) changes.baselineAssignment = changes.baseline === null ? null : 'manual';
        await this.clients.update(scope, match.id, changes, at);
        updated += 1;
      } else {
        await this.clients.create(scope, {
          name: value.name, status: value.status ?? 'active', externalRefs: [], domains: value.domains ?? [], seats: value.seats ?? null, baseline: value.baseline ?? null,
          baselineAssignment: value.baseline ? 'manual' : null, notes: value.notes ?? null,
        });
        created += 1;
      }
    }
    return { created, updated, errors };
  }

  private async importAssets(scope: TenantScope, rows: { row: number; value: AssetCsvRow }[], errors: RowError[], options: CsvImportOptions) {
    const found = await this.clients.findByIdsOrNames(scope, [...new Set(rows.map(({ value }) => value.client))]);
    const byId = new Map(found.map((client) => [client.id, client]));
    const byName = byLowerName(found);
    const resolved = rows.flatMap(({ row, value }) => {
      const client = byId.get(value.client) ?? byName.get(value.client.toLowerCase());
      if (!client) {
        errors.push({ row, field: 'client', message: `no client named or numbered "${value.client}"` });
        return [];
      }
      return [toAssetRecord(client.id, value.asset)];
    });
    errors.sort((a, b) => a.row - b.row);
    refuseUnlessPartial(errors, options);
    const counts = await this.inventory.upsertToolAssets(scope, options.source, resolved, new Date());
    return { ...counts, errors };
  }
}

function refuseUnlessPartial(errors: RowError[], options: CsvImportOptions): void {
  if (errors.length === 0 || options.partial) return;
  throw new UnprocessableEntityException({
    message: `Nothing imported: ${new Set(errors.map((error) => error.row)).size} row(s) have problems. Fix them, or add partial=true to import the good rows.`,
    details: errors.map((error) => ({ field: `rows.${error.row}.${error.field}`, message: `row ${error.row}: ${error.message}` })),
  });
}

function byLowerName(clients: ClientRow[]): Map<string, ClientRow> {
  return new Map(clients.map((client) => [client.name.toLowerCase(), client]));
}
