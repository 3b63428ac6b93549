import type { EvaluationContext, Evaluator, Outcome, ParamProblem, TxtLookup } from '../evaluator.js';
import { DMARC_POLICIES, type DmarcPolicy, type DnsParams } from '../params.js';
import { parseDkimKey, type DkimKeyResult } from './dkim.js';
import { meetsPolicy, parseDmarc, type DmarcResult } from './dmarc.js';
import { parseSpf, type SpfResult } from './spf.js';

export const DNS_RECORD_KINDS = ['spf', 'dmarc', 'dkim'] as const;
export const MAX_DKIM_SELECTORS = 10;

type DkimParams = Extract<DnsParams, { record: 'dkim' }>;
type DmarcParams = Extract<DnsParams, { record: 'dmarc' }>;
type SpfParams = Extract<DnsParams, { record: 'spf' }>;

/** How one domain fared. `lookupFailed` domains count as failing unless every domain failed to resolve. */
export interface DomainEvidence {
  domain: string;
  verdict: 'pass' | 'fail';
  reason: string;
  lookupFailed: boolean;
  /** Every name consulted, with what the resolver returned. */
  lookups: Array<{ name: string } & TxtLookup>;
  /** What the parser made of the records, when they could be read. */
  findings: Array<SpfResult | DmarcResult | (DkimKeyResult & { selector: string })>;
}

/** Lower-case, no trailing dot: the form `ClientEvidence.dns` is keyed by. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.+$/, '');
}

function uniqueDomains(domains: readonly string[]): string[] {
  return [...new Set(domains.map(normalizeDomain).filter((domain) => domain !== ''))];
}

/** The TXT names a DNS control needs looked up before it can evaluate these domains. */
export function dnsNamesFor(params: DnsParams, domains: string[]): string[] {
  return [...new Set(uniqueDomains(domains).flatMap((domain) => namesForDomain(params, domain)))];
}

function namesForDomain(params: DnsParams, domain: string): string[] {
  switch (params.record) {
    case 'spf':
      return [domain];
    case 'dmarc':
      return [dmarcName(domain)];
    case 'dkim':
      return params.selectors.map((selector) => dkimName(selector, domain));
  }
}

const dmarcName = (domain: string): string => `_dmarc.${domain}`;
const dkimName = (selector: string, domain: string): string => `${selector.toLowerCase()}._domainkey.${domain}`;

type Resolved = { ok: true; records: string[] } | { ok: false; error: string };

/** Reads lookups for one domain and remembers each, so the evidence shows exactly what the verdict rests on. */
class LookupLog {
  readonly lookups: DomainEvidence['lookups'] = [];

  constructor(private readonly dns: ReadonlyMap<string, TxtLookup>) {}

  resolve(name: string): Resolved {
    const lookup = this.dns.get(name) ?? { error: `no DNS lookup was made for ${name}` };
    this.lookups.push({ name, ...lookup });
    return 'error' in lookup ? { ok: false, error: lookup.error } : { ok: true, records: lookup.records };
  }
}

type Judgement = { verdict: 'pass' | 'fail' | 'unknown'; reason: string; findings: DomainEvidence['findings'] };

const unknown = (error: string, findings: DomainEvidence['findings'] = []): Judgement => ({ verdict: 'unknown', reason: `DNS lookup failed: ${error}`, findings });

function judgeSpf(params: SpfParams, domain: string, log: LookupLog): Judgement {
  const lookup = log.resolve(domain);
  if (!lookup.ok) return unknown(lookup.error);
  const spf = parseSpf(lookup.records, domain);
  const findings = [spf];
  if (spf.kind !== 'all') return { verdict: 'fail', reason: spf.reason, findings };
  if (spf.qualifier === '-') return { verdict: 'pass', reason: spf.reason, findings };
  if (spf.qualifier === '~' && params.allowSoftFail) return { verdict: 'pass', reason: `${spf.reason}; soft fail is accepted`, findings };
  const why = spf.qualifier === '~' ? `${spf.reason}; soft fail is not accepted, -all is required` : spf.reason;
  return { verdict: 'fail', reason: why, findings };
}

function judgeDmarc(params: DmarcParams, domain: string, log: LookupLog): Judgement {
  const name = dmarcName(domain);
  const lookup = log.resolve(name);
  if (!lookup.ok) return unknown(lookup.error);
  const dmarc = parseDmarc(lookup.records, name);
  return { ...judgeDmarcPolicy(params, dmarc), findings: [dmarc] };
}

function judgeDmarcPolicy(params: DmarcParams, dmarc: DmarcResult): Omit<Judgement, 'findings'> {
  if (dmarc.kind !== 'valid') return { verdict: 'fail', reason: dmarc.reason };
  const minimum = params.minimumPolicy;
  if (!meetsPolicy(dmarc.policy, minimum)) {
    return { verdict: 'fail', reason: `DMARC policy p=${dmarc.policy} is weaker than the required ${minimum}` };
  }
  // Attackers pick whichever name is least protected: a weak sp lets them spoof any subdomain.
  if (!meetsPolicy(dmarc.subdomainPolicy, minimum)) {
    return { verdict: 'fail', reason: `subdomain policy sp=${dmarc.subdomainPolicy} is weaker than the required ${minimum}, so subdomains can be spoofed` };
  }
  if (params.requireFullCoverage && dmarc.pct < 100) {
    return { verdict: 'fail', reason: `pct=${dmarc.pct}: the policy applies to only ${dmarc.pct}% of failing mail, and full coverage is required` };
  }
  return { verdict: 'pass', reason: dmarc.reason };
}

function judgeDkim(params: DkimParams, domain: string, log: LookupLog): Judgement {
  const perSelector = [...new Set(params.selectors.map((selector) => selector.toLowerCase()))].map((selector) => {
    const name = dkimName(selector, domain);
    const lookup = log.resolve(name);
    return { selector, lookup, key: lookup.ok ? parseDkimKey(lookup.records, name) : null };
  });
  const findings = perSelector.flatMap(({ selector, key }) => (key ? [{ ...key, selector }] : []));
  const usable = findings.filter((key) => key.kind === 'key');
  if (usable.length > 0) return { verdict: 'pass', reason: usable.map((key) => key.reason).join('; '), findings };
  const errors = perSelector.flatMap(({ lookup }) => (lookup.ok ? [] : [lookup.error]));
  // A selector we could not read may be the one that holds the key, so the domain is undecided.
  if (errors.length > 0) return unknown(errors.join('; '), findings);
  return { verdict: 'fail', reason: findings.map((key) => key.reason).join('; '), findings };
}

function judgeDomain(params: DnsParams, domain: string, log: LookupLog): Judgement {
  switch (params.record) {
    case 'spf':
      return judgeSpf(params, domain, log);
    case 'dmarc':
      return judgeDmarc(params, domain, log);
    case 'dkim':
      return judgeDkim(params, domain, log);
  }
}

function domainEvidence(params: DnsParams, domain: string, dns: ReadonlyMap<string, TxtLookup>): DomainEvidence {
  const log = new LookupLog(dns);
  const { verdict, reason, findings } = judgeDomain(params, domain, log);
  return {
    domain,
    verdict: verdict === 'pass' ? 'pass' : 'fail',
    reason,
    lookupFailed: verdict === 'unknown',
    lookups: log.lookups,
    findings,
  };
}

/** What a passing domain publishes, to finish "2 of 3 domains publish …". */
function requirement(params: DnsParams): string {
  switch (params.record) {
    case 'spf':
      return params.allowSoftFail ? 'an SPF record ending in -all or ~all' : 'a strict SPF record (-all)';
    case 'dmarc':
      return `a DMARC policy of at least ${params.minimumPolicy}${params.requireFullCoverage ? ' applied to all mail (pct=100)' : ''}`;
    case 'dkim':
      return params.selectors.length === 1
        ? `a DKIM key for selector ${params.selectors[0]}`
        : `a DKIM key for one of the selectors ${params.selectors.join(', ')}`;
  }
}

function countSummary(params: DnsParams, domains: readonly DomainEvidence[]): string {
  const total = domains.length;
  const passing = domains.filter((domain) => domain.verdict === 'pass').length;
  const unresolved = domains.filter((domain) => domain.lookupFailed).length;
  const subject = total === 1 ? `${passing} of 1 domain publishes` : `${passing} of ${total} domains publish`;
  const caveat = unresolved === 0 ? '' : ` (${unresolved} could not be looked up)`;
  return `${subject} ${requirement(params)}${caveat}`;
}

function evaluateDns(params: DnsParams, context: EvaluationContext): Outcome {
  const { client, dns } = context.evidence;
  const domains = uniqueDomains(client.domains);
  if (domains.length === 0) {
    return { status: 'no_data', fraction: null, summary: `${client.name} has no domains recorded`, evidence: { params, domains: [] }, failingAssets: [] };
  }

  const results = domains.map((domain) => domainEvidence(params, domain, dns));
  const evidence = { params, domains: results };
  if (results.every((result) => result.lookupFailed)) {
    const errors = [...new Set(results.flatMap((result) => result.lookups.flatMap((lookup) => ('error' in lookup ? [lookup.error] : []))))];
    return { status: 'error', fraction: null, summary: `DNS lookups failed for every domain: ${errors.join('; ')}`, evidence, failingAssets: [] };
  }

  const passing = results.filter((result) => result.verdict === 'pass').length;
  const fraction = passing / results.length;
  const status = fraction === 1 ? 'pass' : passing === 0 ? 'fail' : 'partial';
  // Domains are not inventory assets; failing ones are listed in evidence.domains.
  return { status, fraction, summary: countSummary(params, results), evidence, failingAssets: [] };
}

function validateDns(params: Record<string, unknown>): ParamProblem[] {
  switch (params.record) {
    case 'spf':
      return booleanProblems(params, 'allowSoftFail');
    case 'dmarc':
      return [...policyProblems(params.minimumPolicy), ...booleanProblems(params, 'requireFullCoverage')];
    case 'dkim':
      return selectorProblems(params.selectors);
    default:
      return [{ field: 'record', message: `must be one of ${DNS_RECORD_KINDS.join(', ')}` }];
  }
}

function booleanProblems(params: Record<string, unknown>, field: string): ParamProblem[] {
  return typeof params[field] === 'boolean' ? [] : [{ field, message: 'must be true or false' }];
}

function policyProblems(value: unknown): ParamProblem[] {
  return isDmarcPolicy(value) ? [] : [{ field: 'minimumPolicy', message: `must be one of ${DMARC_POLICIES.join(', ')}` }];
}

function isDmarcPolicy(value: unknown): value is DmarcPolicy {
  return typeof value === 'string' && (DMARC_POLICIES as readonly string[]).includes(value);
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** RFC 6376 §3.1: a selector is one or more DNS labels joined by dots. */
export function isValidSelector(value: unknown): value is string {
  return typeof value === 'string' && value.split('.').every((label) => DNS_LABEL.test(label));
}

function selectorProblems(selectors: unknown): ParamProblem[] {
  if (!Array.isArray(selectors) || selectors.length === 0 || selectors.length > MAX_DKIM_SELECTORS) {
    return [{ field: 'selectors', message: `must be a list of 1 to ${MAX_DKIM_SELECTORS} DKIM selectors` }];
  }
  return selectors.flatMap((selector: unknown, index): ParamProblem[] => {
    const field = `selectors[${index}]`;
    if (!isValidSelector(selector)) {
      return [{ field, message: 'must be a DNS label: letters, digits and inner hyphens, at most 63 characters' }];
    }
    const duplicate = selectors.findIndex((other: unknown) => typeof other === 'string' && other.toLowerCase() === selector.toLowerCase()) < index;
    return duplicate ? [{ field, message: `repeats selector ${selector}` }] : [];
  });
}

export const dnsEvaluator: Evaluator<DnsParams> = {
  kind: 'dns',
  validate: validateDns,
  evaluate: evaluateDns,
};
