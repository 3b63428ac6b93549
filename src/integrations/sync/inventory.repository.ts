import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Position } from '../../common/pagination/page.js';
import type { TenantScope } from '../../database/database.js';
import type { AssetRow, PsaProfile } from '../../database/schema.js';
import type { NormalizedAsset, NormalizedCompany, NormalizedContact } from '../psa-connector.js';

export interface UpsertCounts {
  created: number;
  updated: number;
}

/** `xmax = 0` on the returned row: PostgreSQL's tell that an upsert inserted rather than updated. */
const inserted = sql<boolean>`(xmax = 0)`.as('inserted');

/** Columns a sync overwrites with what the PSA sent (everything it imports). */
const CONTACT_FIELDS = ['clientId', 'firstName', 'lastName', 'email', 'phone', 'title', 'active', 'raw', 'sourceUpdatedAt'] as const;
const ASSET_FIELDS = [
  'clientId', 'kind', 'name', 'hostname', 'serialNumber', 'osName', 'osVersion', 'lastSeenAt', 'antivirusProduct', 'antivirusStatus',
  'patchStatus', 'missingPatches', 'diskEncrypted', 'warrantyEndsAt', 'lastBackupAt', 'active', 'raw', 'sourceUpdatedAt',
] as const;

/**
 * `{column: excluded.column}` for an upsert's update branch. Kysely cannot type an object built from a
 * list, so the values are typed `never` (assignable to any column): each is that same column's new value.
 */
function fromExcluded<Column extends string>(eb: { ref(reference: `excluded.${Column}`): unknown }, columns: readonly Column[]) {
  return Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)])) as Record<Column, never>;
}

/** What an asset listing shows; the vendor's raw record stays in the database. */
const LISTED_ASSET_COLUMNS = [
  'id', 'kind', 'integrationId', 'source', 'externalId', 'name', 'hostname', 'serialNumber', 'osName', 'osVersion', 'lastSeenAt', 'antivirusProduct',
  'antivirusStatus', 'patchStatus', 'missingPatches', 'diskEncrypted', 'warrantyEndsAt', 'lastBackupAt', 'active', 'updatedAt',
] as const;
export type ListedAsset = Pick<AssetRow, (typeof LISTED_ASSET_COLUMNS)[number]>;

/** Kind, then hostname, then id as one text key, so the listing orders and pages on one value. */
const ASSET_SORT_KEY = sql<string>`kind || '/' || coalesce(hostname, '') || '/' || id`;

/** An asset's own columns, whoever sent it (a PSA sync or a tool's batch). */
function assetColumns(asset: AssetRecord) {
  return {
    clientId: asset.clientId,
    externalId: asset.externalId,
    kind: asset.kind,
    name: asset.name,
    hostname: asset.hostname,
    serialNumber: asset.serialNumber,
    osName: asset.osName,
    osVersion: asset.osVersion,
    lastSeenAt: asset.lastSeenAt,
    antivirusProduct: asset.antivirusProduct,
    antivirusStatus: asset.antivirusStatus,
    patchStatus: asset.patchStatus,
    missingPatches: asset.missingPatches === null ? null : Math.max(0, asset.missingPatches),
    diskEncrypted: asset.diskEncrypted,
    warrantyEndsAt: asset.warrantyEndsAt,
    lastBackupAt: asset.lastBackupAt,
    active: asset.active,
    raw: JSON.stringify(asset.raw),
    sourceUpdatedAt: asset.updatedAt,
  };
}

export type AssetRecord = Omit<NormalizedAsset, 'companyExternalId'> & { clientId: string };

function countUpserts(rows: { inserted: boolean }[]): UpsertCounts {
  const created = rows.filter((row) => row.inserted).length;
  return { created, updated: rows.length - created };
}

/**
 * What a PSA sync writes: clients, contacts and assets keyed by (integration, vendor id), so a
 * re-run updates the same rows. Every row touched records the run, so a full sync can retire the
 * rows the PSA no longer has without deleting anything.
 */
/** What baseline rules may match on: the company's types, status and custom fields. */
function psaProfileOf(company: NormalizedCompany): PsaProfile {
  return { types: company.types, status: company.status, customFields: company.customFields };
}

@Injectable()
export class InventoryRepository {
  async upsertClients(scope: TenantScope, integrationId: string, runId: string, companies: NormalizedCompany[], at: Date): Promise<UpsertCounts> {
    if (companies.length === 0) return { created: 0, updated: 0 };
    const rows = await scope.db
      .insertInto('clients')
      .values(
        companies.map((company) => ({
          tenantId: scope.tenantId,
          integrationId,
          externalId: company.externalId,
          lastSyncRunId: runId,
          name: company.name.slice(0, 200),
          status: 'active' as const,
          domains: company.domains,
          externalRefs: JSON.stringify([{ system: 'psa', id: company.externalId }]),
          psaProfile: JSON.stringify(psaProfileOf(company)),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['tenantId', 'integrationId', 'externalId'])
          .where('integrationId', 'is not', null)
          .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), status: 'active', domains: eb.ref('excluded.domains'), psaProfile: eb.ref('excluded.psaProfile'), lastSyncRunId: runId, updatedAt: at })),
      )
      .returning(['id', inserted])
      .execute();
    return countUpserts(rows);
  }

  /** Companies the PSA still has but that no longer count as clients (type or status changed). */
  async deactivateClients(scope: TenantScope, integrationId: string, runId: string, externalIds: string[], at: Date): Promise<number> {
    if (externalIds.length === 0) return 0;
    const rows = await scope.db
      .updateTable('clients')
      .set({ status: 'inactive', lastSyncRunId: runId, updatedAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('integrationId', '=', integrationId)
      .where('externalId', 'in', externalIds)
      .where('status', '!=', 'inactive')
      .returning('id')
      .execute();
    return rows.length;
  }

  /** Rampart client ids for the given PSA company ids of one integration. */
  async clientIdsByExternalId(scope: TenantScope, integrationId: string, externalIds: string[]): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const rows = await scope.db
      .selectFrom('clients')
      .select(['id', 'externalId'])
      .where('tenantId', '=', scope.tenantId)
      .where('integrationId', '=', integrationId)
      .where('externalId', 'in', [...new Set(externalIds)])
      .execute();
    return new Map(rows.map((row) => [row.externalId!, row.id]));
  }

  async upsertContacts(scope: TenantScope, integrationId: string, runId: string, contacts: (NormalizedContact & { clientId: string })[], at: Date): Promise<UpsertCounts> {
    if (contacts.length === 0) return { created: 0, updated: 0 };
    const rows = await scope.db
      .insertInto('contacts')
      .values(
        contacts.map((contact) => ({
          tenantId: scope.tenantId,
          clientId: contact.clientId,
          integrationId,
          externalId: contact.externalId,
          lastSyncRunId: runId,
          firstName: contact.firstName,
          lastName: contact.lastName,
          email: contact.email,
          phone: contact.phone,
          title: contact.title,
          active: contact.active,
          raw: JSON.stringify(contact.raw),
          sourceUpdatedAt: contact.updatedAt,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['tenantId', 'integrationId', 'externalId'])
          .where('integrationId', 'is not', null)
          .doUpdateSet((eb) => ({ ...fromExcluded(eb, CONTACT_FIELDS), lastSyncRunId: runId, updatedAt: at })),
      )
      .returning(['id', inserted])
      .execute();
    return countUpserts(rows);
  }

  async upsertAssets(scope: TenantScope, integrationId: string, runId: string, assets: AssetRecord[], at: Date): Promise<UpsertCounts> {
    if (assets.length === 0) return { created: 0, updated: 0 };
    const rows = await scope.db
      .insertInto('assets')
      .values(
        assets.map((asset) => ({ ...assetColumns(asset), tenantId: scope.tenantId, integrationId, lastSyncRunId: runId })),
      )
      .onConflict((oc) =>
        oc
          .columns(['tenantId', 'integrationId', 'externalId'])
          .where('integrationId', 'is not', null)
          .doUpdateSet((eb) => ({ ...fromExcluded(eb, ASSET_FIELDS), lastSyncRunId: runId, updatedAt: at })),
      )
      .returning(['id', inserted])
      .execute();
    return countUpserts(rows);
  }

  /** A client's assets from every source, by kind then hostname. */
  async listAssets(scope: TenantScope, clientId: string, options: { limit: number; after?: Position }): Promise<(ListedAsset & { sortKey: string })[]> {
    let query = scope.db
      .selectFrom('assets')
      .select([...LISTED_ASSET_COLUMNS, ASSET_SORT_KEY.as('sortKey')])
      .where('tenantId', '=', scope.tenantId)
      .where('clientId', '=', clientId);
    if (options.after) query = query.where(sql<boolean>`${ASSET_SORT_KEY} > ${options.after.key}`);
    return query.orderBy(ASSET_SORT_KEY).limit(options.limit + 1).execute();
  }

  /** Assets a tool owns (RMM, EDR, backup), keyed by the tool's name and its own ids. */
  async upsertToolAssets(scope: TenantScope, source: string, assets: AssetRecord[], at: Date): Promise<UpsertCounts> {
    if (assets.length === 0) return { created: 0, updated: 0 };
    const rows = await scope.db
      .insertInto('assets')
      .values(assets.map((asset) => ({ ...assetColumns(asset), tenantId: scope.tenantId, source })))
      .onConflict((oc) =>
        oc
          .columns(['tenantId', 'source', 'externalId'])
          .where('integrationId', 'is', null)
          .where('source', 'is not', null)
          .doUpdateSet((eb) => ({ ...fromExcluded(eb, ASSET_FIELDS), updatedAt: at })),
      )
      .returning(['id', inserted])
      .execute();
    return countUpserts(rows);
  }

  /**
   * After a full sync: whatever this integration imported that the run did not see has vanished
   * from the PSA. It is marked inactive, never deleted, so history that refers to it stays whole.
   */
  async deactivateUnseen(scope: TenantScope, integrationId: string, runId: string, at: Date): Promise<number> {
    const clients = await scope.db
      .updateTable('clients')
      .set({ status: 'inactive', updatedAt: at })
      .where('tenantId', '=', scope.tenantId)
      .where('integrationId', '=', integrationId)
      .where('status', '!=', 'inactive')
      .where((eb) => eb.or([eb('lastSyncRunId', 'is', null), eb('lastSyncRunId', '!=', runId)]))
      .returning('id')
      .execute();
    let total = clients.length;
    for (const table of ['contacts', 'assets'] as const) {
      const rows = await scope.db
        .updateTable(table)
        .set({ active: false, updatedAt: at })
        .where('tenantId', '=', scope.tenantId)
        .where('integrationId', '=', integrationId)
        .where('active', '=', true)
        .where((eb) => eb.or([eb('lastSyncRunId', 'is', null), eb('lastSyncRunId', '!=', runId)]))
        .returning('id')
        .execute();
      total += rows.length;
    }
    return total;
  }
}
