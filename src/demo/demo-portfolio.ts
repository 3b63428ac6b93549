import { type Portfolio, populatePortfolio } from './psa/portfolio.js';

export const DEMO_TENANT_NAME = 'Northwind Managed IT (demo)';

/** The demo MSP's service tiers. */
export const DEMO_BASELINES = [
  { name: 'Premium', description: 'Fully managed with security stack, quarterly QBRs and a vCIO.' },
  { name: 'Standard', description: 'Managed endpoints, backup and Microsoft 365; twice-yearly reviews.' },
  { name: 'Essentials', description: 'Monitoring, patching and help desk; annual review.' },
];

interface DemoClient {
  psaId: number;
  name: string;
  domains: string[];
  seats: number;
  baseline: string | null;
  status?: 'prospect' | 'inactive';
  notes?: string;
}

/**
 * A small-business portfolio as an MSP of about fifty staff would have it: dental and medical
 * practices, law and accounting firms, trades, non-profits, spread over three service tiers, with a
 * few prospects and a departed client, and names in several scripts.
 */
const DEMO_CLIENTS: DemoClient[] = [
  { psaId: 19301, name: 'Harbor Dental Group', domains: ['harbordental.example'], seats: 42, baseline: 'Premium', notes: 'HIPAA: annual risk assessment due each March.' },
  { psaId: 19302, name: 'Keller & Whitfield LLP', domains: ['kellerwhitfield.example'], seats: 28, baseline: 'Premium' },
  { psaId: 19303, name: 'Bluebird Family Medicine', domains: ['bluebirdfm.example', 'bluebird-portal.example'], seats: 61, baseline: 'Premium' },
  { psaId: 19304, name: 'Cedar Ridge Accounting', domains: ['cedarridgecpa.example'], seats: 17, baseline: 'Standard', notes: 'Busy season Feb–Apr: no maintenance windows on weekdays.' },
  { psaId: 19305, name: 'Summit Roofing & Gutters', domains: ['summitroofing.example'], seats: 12, baseline: 'Essentials' },
  { psaId: 19306, name: 'Pinecrest Veterinary Clinic', domains: ['pinecrestvet.example'], seats: 23, baseline: 'Standard' },
  { psaId: 19307, name: 'Lakeside Community Foundation', domains: ['lakesidefoundation.example'], seats: 9, baseline: 'Essentials', notes: 'Non-profit pricing; Microsoft 365 Business Premium grant.' },
  { psaId: 19308, name: 'Ironclad Manufacturing', domains: ['ironcladmfg.example'], seats: 134, baseline: 'Premium', notes: 'OT network on the shop floor is out of scope.' },
  { psaId: 19309, name: 'Greenway Landscaping', domains: ['greenwayland.example'], seats: 8, baseline: 'Essentials' },
  { psaId: 19310, name: 'Atlas Freight Brokers', domains: ['atlasfreight.example'], seats: 37, baseline: 'Standard' },
  { psaId: 19311, name: 'Riverside Physical Therapy', domains: ['riversidept.example'], seats: 19, baseline: 'Standard' },
  { psaId: 19312, name: 'Oakmont Property Management', domains: ['oakmontpm.example'], seats: 31, baseline: 'Standard' },
  { psaId: 19313, name: 'Beacon Insurance Agency', domains: ['beaconins.example'], seats: 14, baseline: 'Premium', notes: 'Cyber-insurance renewal questionnaire due in Q3.' },
  { psaId: 19314, name: 'Copperline Electric', domains: ['copperline.example'], seats: 22, baseline: 'Essentials' },
  { psaId: 19315, name: 'Saint Brigid Parish School', domains: ['stbrigid.example'], seats: 46, baseline: 'Standard' },
  { psaId: 19316, name: 'Maple Street Pediatrics', domains: ['maplepeds.example'], seats: 27, baseline: 'Premium' },
  { psaId: 19317, name: 'Northgate Architects', domains: ['northgatearch.example'], seats: 16, baseline: 'Standard' },
  { psaId: 19318, name: 'Velocity Auto Body', domains: ['velocityauto.example'], seats: 7, baseline: 'Essentials' },
  { psaId: 19319, name: 'Müller Zahntechnik GmbH', domains: ['mueller-zahntechnik.example'], seats: 11, baseline: 'Standard', notes: 'German-speaking contacts; GDPR DPA signed.' },
  { psaId: 19320, name: 'Boulangerie Lefèvre & Fils', domains: ['lefevre-fils.example'], seats: 6, baseline: 'Essentials' },
  { psaId: 19321, name: '東京商事株式会社', domains: ['tokyo-shoji.example'], seats: 24, baseline: 'Premium', notes: 'US subsidiary office; parent IT in Tokyo owns the tenant.' },
  { psaId: 19322, name: 'Ελληνική Ναυτιλιακή Α.Ε.', domains: ['hellenic-shipping.example'], seats: 13, baseline: 'Standard' },
  { psaId: 19323, name: 'ООО «Северный Ветер»', domains: ['severny-veter.example'], seats: 10, baseline: 'Essentials' },
  { psaId: 19324, name: 'Łódź Logistics Sp. z o.o.', domains: ['lodz-logistics.example'], seats: 18, baseline: 'Standard' },
  { psaId: 19325, name: 'Trailhead Outfitters', domains: ['trailheadout.example'], seats: 11, baseline: null, status: 'prospect', notes: 'Assessment scheduled; not under contract yet.' },
  { psaId: 19326, name: 'Redwood Title & Escrow', domains: ['redwoodtitle.example'], seats: 20, baseline: null, status: 'prospect' },
  { psaId: 19327, name: 'Foxglove Boutique Hotel', domains: ['foxglovehotel.example'], seats: 35, baseline: 'Essentials', status: 'inactive', notes: 'Contract ended; offboarding complete.' },
];

/** What the MSP keeps in Rampart rather than the PSA: seats, service tier, notes, by PSA id. */
export function demoTiers(): Map<string, { seats: number; baseline: string | null; notes: string | null }> {
  return new Map(DEMO_CLIENTS.map((client) => [String(client.psaId), { seats: client.seats, baseline: client.baseline, notes: client.notes ?? null }]));
}

/** The demo MSP's ConnectWise: its clients, prospects and a departed client, with contacts and devices. */
export function demoPortfolio(): Portfolio {
  return populatePortfolio(
    DEMO_CLIENTS.map((client) => ({
      id: client.psaId,
      name: client.name,
      type: client.status === 'prospect' ? 'prospect' : 'client',
      active: client.status !== 'inactive',
      domain: client.domains[0]!,
      updatedAt: new Date('2026-10-01T00:00:00Z'),
    })),
    { contactsPerCompany: 2, assetsPerCompany: 6, seed: 2026 },
  );
}
