/**
 * DMARC policy records (RFC 7489 §6.3, §6.6.3), judged from the TXT record set at `_dmarc.<domain>`.
 * Pure functions: no lookups, and the organizational-domain fallback is not followed.
 */
import { DMARC_POLICIES, type DmarcPolicy } from '../params.js';
import { parseTagList, tagValue, type Tag } from './dkim.js';
import { normalizeTxt } from './spf.js';

export type DmarcResult =
  /** No record at `_dmarc.<domain>` claims to be DMARC. */
  | { kind: 'none'; reason: string }
  /** A DMARC record is there but receivers cannot use it. */
  | { kind: 'invalid'; records: string[]; reason: string }
  | {
      kind: 'valid';
      record: string;
      policy: DmarcPolicy;
      /** The policy for subdomains: `sp` when given, otherwise `p` (RFC 7489 §6.3). */
      subdomainPolicy: DmarcPolicy;
      /** Whether `sp` was published, so a reason can point at it. */
      subdomainPolicyExplicit: boolean;
      /** Share of failing mail the policy applies to, 0..100. */
      pct: number;
      rua: string[];
      reason: string;
    };

const POLICY_RANK: Readonly<Record<DmarcPolicy, number>> = { none: 0, quarantine: 1, reject: 2 };

/** Whether `policy` is at least as strict as `minimum` (none < quarantine < reject). */
export function meetsPolicy(policy: DmarcPolicy, minimum: DmarcPolicy): boolean {
  return POLICY_RANK[policy] >= POLICY_RANK[minimum];
}

/**
 * RFC 7489 §6.6.3 discards TXT records that are not DMARC records. One that mentions `v=DMARC1`
 * anywhere was meant as one, so it is judged (and reported as broken) rather than ignored.
 */
function looksLikeDmarc(record: string): boolean {
  return /\bv\s*=\s*dmarc1\b/i.test(record);
}

/** Judges the TXT records found at `name` (`_dmarc.<domain>`). */
export function parseDmarc(records: readonly string[], name: string): DmarcResult {
  const published = records.map(normalizeTxt);
  const candidates = published.filter(looksLikeDmarc);
  if (candidates.length === 0) {
    const ignored = published.filter((record) => record !== '').length;
    const note = ignored > 0 ? ` (${ignored} other TXT record${ignored === 1 ? '' : 's'} there ${ignored === 1 ? 'is' : 'are'} not DMARC)` : '';
    return { kind: 'none', reason: `no DMARC record is published at ${name}${note}` };
  }
  if (candidates.length > 1) {
    // RFC 7489 §6.6.3: more than one record means no DMARC processing at all.
    return { kind: 'invalid', records: candidates, reason: `${candidates.length} DMARC records are published at ${name}; receivers ignore DMARC when there is more than one` };
  }
  return parseDmarcRecord(candidates[0], name);
}

function parseDmarcRecord(record: string, name: string): DmarcResult {
  const invalid = (why: string): DmarcResult => ({ kind: 'invalid', records: [record], reason: `the DMARC record at ${name} is invalid: ${why}` });
  const parsed = parseTagList(record);
  if (!parsed.ok) return invalid(parsed.reason);
  const { tags } = parsed;

  const version = checkVersion(tags);
  if (version !== null) return invalid(version);

  const policyText = tagValue(tags, 'p');
  if (policyText === undefined) return invalid('the p= tag (policy) is missing');
  const policy = toPolicy(policyText);
  if (policy === null) return invalid(`p=${policyText} is not none, quarantine or reject`);

  const subdomainText = tagValue(tags, 'sp');
  const subdomainPolicy = subdomainText === undefined ? policy : toPolicy(subdomainText);
  if (subdomainPolicy === null) return invalid(`sp=${subdomainText} is not none, quarantine or reject`);

  const pct = parsePct(tags);
  if (pct === null) return invalid(`pct=${tagValue(tags, 'pct')} is not a whole number from 0 to 100`);

  const rua = parseUriList(tagValue(tags, 'rua'));
  return {
    kind: 'valid',
    record,
    policy,
    subdomainPolicy,
    subdomainPolicyExplicit: subdomainText !== undefined,
    pct,
    rua,
    reason: describePolicy(policy, subdomainPolicy, pct),
  };
}

/** Why the leading version tag is wrong, or null when it is `v=DMARC1`. */
function checkVersion(tags: readonly Tag[]): string | null {
  const first = tags[0];
  if (first?.name !== 'v') return 'v=DMARC1 must be the first tag';
  if (first.value.toUpperCase() === 'DMARC1') return null;
  if (first.value.includes('=')) return `"v=${first.value}" runs tags together; tags are separated by semicolons`;
  return `v=${first.value} is not DMARC1`;
}

function toPolicy(text: string): DmarcPolicy | null {
  const lower = text.toLowerCase();
  return (DMARC_POLICIES as readonly string[]).includes(lower) ? (lower as DmarcPolicy) : null;
}

/** `pct` defaults to 100; null when present but not an integer in 0..100. */
function parsePct(tags: readonly Tag[]): number | null {
  const text = tagValue(tags, 'pct');
  if (text === undefined) return 100;
  if (!/^\d{1,3}$/.test(text)) return null;
  const pct = Number(text);
  return pct <= 100 ? pct : null;
}

function parseUriList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(',')
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '');
}

function describePolicy(policy: DmarcPolicy, subdomainPolicy: DmarcPolicy, pct: number): string {
  const coverage = pct === 100 ? '' : `, applied to ${pct}% of failing mail`;
  return `DMARC policy p=${policy}, sp=${subdomainPolicy}${coverage}`;
}
