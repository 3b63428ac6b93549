import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';

import { BUILTIN_CONTROLS } from '../src/controls/catalog/builtin-controls.js';
import type { Database } from '../src/database/database.js';
import type { AssetsTable, AttestationsTable, ClientsTable, FactsTable } from '../src/database/schema.js';
import { demoEvidence } from '../src/demo/demo-evidence.js';
import { random } from '../src/demo/psa/portfolio.js';

/**
 * A synthetic MSP portfolio for the evaluation benchmark, written straight to the database in
 * batches of clients: each batch is generated, inserted with one multi-row INSERT per table and
 * dropped, so memory does not depend on the number of clients.
 *
 * Clients get no domains, so the DNS controls report no_data without any lookup. Facts and
 * attestations come from the demo evidence generator (a value for every fact the catalog reads,
 * passing more often on better tiers); assets carry every field the built-in asset_share
 * controls read, with realistic RMM wording and a share of stale, unpatched or unprotected devices.
 */
export interface PortfolioSpec {
  tenantId: string;
  /** Distinguishes the tenants' clients and asset ids in names. */
  label: string;
  clients: number;
  assetsPerClient: number;
  seed: number;
  now: Date;
}

export interface PortfolioCounts {
  clients: number;
  assets: number;
  facts: number;
  attestations: number;
  seconds: number;
}

/** Clients per batch: 20 × 50 assets × 21 columns stays well under PostgreSQL's 65,535 parameters per statement. */
const CLIENTS_PER_BATCH = 20;
const DAY_MS = 86_400_000;
const TIERS = [
  { name: 'Premium', description: 'Fully managed with security stack and a vCIO.', health: 0.9, share: 0.3 },
  { name: 'Standard', description: 'Managed endpoints, backup and Microsoft 365.', health: 0.72, share: 0.45 },
  { name: 'Essentials', description: 'Monitoring, patching and help desk.', health: 0.5, share: 0.25 },
] as const;
const ASSET_SOURCE = 'ninjaone';

const WORKSTATION_OS: readonly (readonly [string, string])[] = [
  ['Windows 11 Pro', '24H2'],
  ['Windows 11 Pro', '23H2'],
  ['Windows 11 Enterprise', '10.0.26100'],
  ['Windows 11 Business', '24H2'],
  ['macOS Sonoma', '14.6.1'],
];
const OUTDATED_WORKSTATION_OS: readonly (readonly [string, string])[] = [
  ['Windows 10 Pro', '22H2'],
  ['Windows 11 Pro', '22H2'],
  ['macOS Monterey', '12.7.6'],
];
const SERVER_OS: readonly (readonly [string, string])[] = [
  ['Windows Server 2022 Standard', '21H2'],
  ['Windows Server 2019 Standard', '1809'],
  ['Windows Server 2025 Standard', '24H2'],
  ['Ubuntu 22.04 LTS', '22.04'],
];
const OUTDATED_SERVER_OS: readonly (readonly [string, string])[] = [
  ['Windows Server 2012 R2 Standard', '6.3'],
  ['CentOS Linux 7', '7.9'],
];
const NETWORK_OS: readonly (readonly [string, string])[] = [
  ['FortiOS', '7.4.4'],
  ['Meraki MX', '18.211'],
];
const AV_PRODUCTS = ['SentinelOne', 'Microsoft Defender for Endpoint', 'Huntress Managed EDR', 'Bitdefender GravityZone'];
const AV_GOOD = ['Active', 'Protected', 'Up to date', 'Running'];
const AV_BAD = ['Disabled', 'Outdated definitions', 'Not running', 'Unknown'];
const PATCH_GOOD = ['Fully patched', 'Up to date', 'Compliant'];
const PATCH_BAD = ['Missing patches', 'Reboot pending', 'Patch install failed'];

interface Batch {
  clients: Insertable<ClientsTable>[];
  assets: Insertable<AssetsTable>[];
  facts: Insertable<FactsTable>[];
  attestations: Insertable<AttestationsTable>[];
}

/** Creates the tenant's three service tiers and streams its clients, assets, facts and attestations in. */
export async function insertPortfolio(database: Database, spec: PortfolioSpec): Promise<PortfolioCounts> {
  const started = performance.now();
  const controlIds = new Map((await database.system.selectFrom('controls').select(['id', 'key']).where('tenantId', 'is', null).execute()).map((row) => [row.key, row.id]));
  await database.inTenant(spec.tenantId, (scope) => scope.db.insertInto('baselines').values(TIERS.map((tier) => ({ tenantId: spec.tenantId, name: tier.name, description: tier.description }))).execute());
  const counts: PortfolioCounts = { clients: 0, assets: 0, facts: 0, attestations: 0, seconds: 0 };
  for (let first = 0; first < spec.clients; first += CLIENTS_PER_BATCH) {
    const batch = generateBatch(spec, first, Math.min(spec.clients, first + CLIENTS_PER_BATCH), controlIds);
    await database.inTenant(spec.tenantId, async (scope) => {
      await scope.db.insertInto('clients').values(batch.clients).execute();
      if (batch.assets.length > 0) await scope.db.insertInto('assets').values(batch.assets).execute();
      if (batch.facts.length > 0) await scope.db.insertInto('facts').values(batch.facts).execute();
      if (batch.attestations.length > 0) await scope.db.insertInto('attestations').values(batch.attestations).execute();
    });
    counts.clients += batch.clients.length;
    counts.assets += batch.assets.length;
    counts.facts += batch.facts.length;
    counts.attestations += batch.attestations.length;
  }
  counts.seconds = (performance.now() - started) / 1000;
  return counts;
}

function generateBatch(spec: PortfolioSpec, from: number, to: number, controlIds: ReadonlyMap<string, string>): Batch {
  const batch: Batch = { clients: [], assets: [], facts: [], attestations: [] };
  for (let index = from; index < to; index++) {
    const seed = spec.seed * 1_000_003 + index;
    const next = random(seed);
    const tier = pickTier(next());
    const clientId = randomUUID();
    batch.clients.push({
      id: clientId,
      tenantId: spec.tenantId,
      name: `${spec.label} client ${String(index + 1).padStart(5, '0')}`,
      status: 'active',
      externalRefs: '[]',
      domains: [],
      seats: 5 + Math.floor(next() * 120),
      baseline: tier.name,
      baselineAssignment: 'manual',
    });
    for (let a = 0; a < spec.assetsPerClient; a++) batch.assets.push(asset(spec, index, a, clientId, tier.health, next));
    const evidence = demoEvidence(seed, tier.name, BUILTIN_CONTROLS, spec.now);
    for (const fact of evidence.facts) {
      batch.facts.push({ tenantId: spec.tenantId, clientId, key: fact.key, value: JSON.stringify(fact.value), source: fact.source, observedAt: fact.observedAt });
    }
    for (const { controlKey, ...attestation } of evidence.attestations) {
      const controlId = controlIds.get(controlKey);
      if (controlId) batch.attestations.push({ ...attestation, tenantId: spec.tenantId, clientId, controlId, evidenceUrl: null, createdBy: 'bench' });
    }
  }
  return batch;
}

function pickTier(roll: number): (typeof TIERS)[number] {
  let cumulative = 0;
  for (const tier of TIERS) {
    cumulative += tier.share;
    if (roll < cumulative) return tier;
  }
  return TIERS[TIERS.length - 1]!;
}

type AssetKind = 'workstation' | 'server' | 'network';

/** Per 50 assets: 2 network devices, 2 to 6 servers, the rest workstations. */
function kindOf(position: number, count: number, servers: number): AssetKind {
  if (position >= count - 2) return 'network';
  if (position >= count - 2 - servers) return 'server';
  return 'workstation';
}

function asset(spec: PortfolioSpec, clientIndex: number, position: number, clientId: string, health: number, next: () => number): Insertable<AssetsTable> {
  const servers = 2 + (clientIndex % 5);
  const kind = kindOf(position, spec.assetsPerClient, servers);
  const healthy = () => next() < health + (1 - health) * 0.6;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const daysAgo = (days: number) => new Date(spec.now.getTime() - days * DAY_MS);
  const prefix = kind === 'workstation' ? 'WS' : kind === 'server' ? 'SRV' : 'FW';
  const hostname = `${prefix}-${spec.label.toUpperCase()}${clientIndex + 1}-${String(position + 1).padStart(2, '0')}`;
  const [osName, osVersion] = kind === 'network' ? pick(NETWORK_OS) : kind === 'server' ? pick(healthy() ? SERVER_OS : OUTDATED_SERVER_OS) : pick(healthy() ? WORKSTATION_OS : OUTDATED_WORKSTATION_OS);
  // Most devices checked in within days; some a few weeks ago (stale), a few over a month ago (out of scope).
  const seenRoll = next();
  const lastSeenAt = daysAgo(seenRoll < 0.9 ? next() * 3 : seenRoll < 0.97 ? 15 + next() * 14 : 31 + next() * 120);
  const missingPatches = healthy() ? Math.floor(next() * 3) : 3 + Math.floor(next() * 20);
  const endpoint = kind !== 'network';
  return {
    tenantId: spec.tenantId,
    clientId,
    integrationId: null,
    source: ASSET_SOURCE,
    externalId: `${spec.label}-${clientIndex + 1}-${position + 1}`,
    kind,
    name: hostname,
    hostname,
    serialNumber: `SN${spec.seed}${clientIndex}${position}`,
    osName,
    osVersion,
    lastSeenAt,
    antivirusProduct: endpoint ? pick(AV_PRODUCTS) : null,
    antivirusStatus: endpoint ? (healthy() ? pick(AV_GOOD) : pick(AV_BAD)) : null,
    patchStatus: endpoint ? (missingPatches <= 2 ? pick(PATCH_GOOD) : pick(PATCH_BAD)) : null,
    missingPatches: endpoint ? missingPatches : null,
    // A few RMM agents do not report encryption at all.
    diskEncrypted: kind === 'workstation' ? (next() < 0.05 ? null : healthy()) : null,
    warrantyEndsAt: new Date(spec.now.getTime() + (healthy() ? 60 + next() * 1000 : -next() * 400) * DAY_MS),
    lastBackupAt: kind === 'server' ? daysAgo(healthy() ? next() * 1.5 : 3 + next() * 20) : null,
    active: true,
    sourceUpdatedAt: lastSeenAt,
  };
}
