/**
 * A vendor-neutral MSP portfolio for the simulated PSAs (the demo's and the tests'): each fake renders these records in its own
 * vendor's field names. Deterministic for a given seed, so tests and benches can count exactly.
 */
export interface PortfolioCompany {
  id: number;
  name: string;
  /** 'client' for paying customers; the others must not become Rampart clients by default. */
  type: 'client' | 'prospect' | 'vendor';
  active: boolean;
  domain: string;
  updatedAt: Date;
}

export interface PortfolioContact {
  id: number;
  companyId: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  active: boolean;
  updatedAt: Date;
}

export interface PortfolioAsset {
  id: number;
  companyId: number;
  kind: 'workstation' | 'server' | 'network' | 'mobile' | 'other';
  hostname: string;
  serialNumber: string;
  osName: string;
  osVersion: string;
  lastSeenAt: Date;
  antivirusProduct: string;
  antivirusStatus: 'Active' | 'Disabled' | 'Outdated';
  patchStatus: 'Up to date' | 'Missing patches';
  missingPatches: number;
  diskEncrypted: boolean;
  warrantyEndsAt: Date;
  lastBackupAt: Date;
  active: boolean;
  updatedAt: Date;
}

export interface Portfolio {
  companies: PortfolioCompany[];
  contacts: PortfolioContact[];
  assets: PortfolioAsset[];
}

const WORDS = ['Harbor', 'Cedar', 'Summit', 'Pinecrest', 'Lakeside', 'Ironclad', 'Greenway', 'Atlas', 'Riverside', 'Oakmont', 'Beacon', 'Copperline', 'Maple', 'Northgate', 'Velocity', 'Müller', 'Lefèvre', 'Łódź', '東京'];
const TRADES = ['Dental', 'Accounting', 'Roofing', 'Veterinary', 'Foundation', 'Manufacturing', 'Law', 'Pediatrics', 'Architects', 'Logistics'];
const KINDS: PortfolioAsset['kind'][] = ['workstation', 'workstation', 'workstation', 'server', 'network', 'mobile', 'other'];
const OS: Record<PortfolioAsset['kind'], [string, string]> = {
  workstation: ['Windows 11 Pro', '23H2'],
  server: ['Windows Server 2022', '21H2'],
  network: ['FortiOS', '7.2.8'],
  mobile: ['iOS', '17.5'],
  other: ['Linux', '6.1'],
};

/** Small linear congruential generator: the same seed gives the same demo data everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface PortfolioOptions {
  contactsPerCompany?: number;
  assetsPerCompany?: number;
  seed?: number;
  since?: Date;
}

export function generatePortfolio(options: PortfolioOptions & { companies: number }): Portfolio {
  const next = random(options.seed ?? 42);
  const base = (options.since ?? new Date('2026-01-01T00:00:00Z')).getTime();
  const companies = Array.from({ length: options.companies }, (_, index): PortfolioCompany => {
    const id = 1000 + index;
    const roll = next();
    return {
      id,
      name: `${WORDS[index % WORDS.length]} ${TRADES[Math.floor(index / WORDS.length) % TRADES.length]} ${id}`,
      type: roll < 0.85 ? 'client' : roll < 0.95 ? 'prospect' : 'vendor',
      active: next() > 0.05,
      domain: `c${id}.example`,
      updatedAt: new Date(base + Math.floor(next() * 86_400_000 * 300)),
    };
  });
  return populatePortfolio(companies, { ...options, seed: Math.floor(next() * 2 ** 31) });
}

/** Contacts and assets for the given companies, as deterministic as the seed. */
export function populatePortfolio(companies: PortfolioCompany[], options: PortfolioOptions = {}): Portfolio {
  const next = random(options.seed ?? 42);
  const base = (options.since ?? new Date('2026-01-01T00:00:00Z')).getTime();
  const at = () => new Date(base + Math.floor(next() * 86_400_000 * 300));
  const contacts: PortfolioContact[] = [];
  const assets: PortfolioAsset[] = [];
  for (const { id } of companies) {
    for (let c = 0; c < (options.contactsPerCompany ?? 2); c++) {
      const contactId = id * 100 + c;
      contacts.push({ id: contactId, companyId: id, firstName: `First${c}`, lastName: `Last${id}`, email: `user${c}@c${id}.example`, phone: `+1-555-${String(contactId).slice(-4)}`, title: c === 0 ? 'Office Manager' : 'Staff', active: true, updatedAt: at() });
    }
    for (let a = 0; a < (options.assetsPerCompany ?? 3); a++) {
      const assetId = id * 1000 + a;
      const kind = KINDS[a % KINDS.length]!;
      const missing = next() < 0.3 ? 1 + Math.floor(next() * 12) : 0;
      assets.push({
        id: assetId,
        companyId: id,
        kind,
        hostname: `${kind.slice(0, 2).toUpperCase()}-${id}-${a}`,
        serialNumber: `SN${assetId}`,
        osName: OS[kind][0],
        osVersion: OS[kind][1],
        lastSeenAt: at(),
        antivirusProduct: 'SentinelOne',
        antivirusStatus: next() < 0.9 ? 'Active' : 'Disabled',
        patchStatus: missing ? 'Missing patches' : 'Up to date',
        missingPatches: missing,
        diskEncrypted: next() < 0.8,
        warrantyEndsAt: new Date(base + Math.floor(next() * 86_400_000 * 1000)),
        lastBackupAt: at(),
        active: true,
        updatedAt: at(),
      });
    }
  }
  return { companies, contacts, assets };
}
