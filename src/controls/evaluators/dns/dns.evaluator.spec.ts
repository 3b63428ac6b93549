import { describe, expect, it } from '@jest/globals';
import type { EvaluationContext, Outcome, TxtLookup } from '../evaluator.js';
import { DMARC_POLICIES, type DmarcPolicy, type DnsParams } from '../params.js';
import { parseDkimKey, parseTagList } from './dkim.js';
import { meetsPolicy, parseDmarc } from './dmarc.js';
import { dnsEvaluator, dnsNamesFor, type DomainEvidence } from './dns.evaluator.js';
import { isSpfRecord, normalizeTxt, parseSpf } from './spf.js';

const txt = (...records: string[]): TxtLookup => ({ records });
const failed = (error: string): TxtLookup => ({ error });

function contextFor(domains: string[], dns: Record<string, TxtLookup>): EvaluationContext {
  return {
    controlId: 'control-1',
    now: new Date('2030-01-15T00:00:00Z'),
    evidence: {
      client: { id: 'client-1', name: 'Acme Dental', status: 'active', domains, seats: 12, baseline: null },
      assets: [],
      facts: new Map(),
      attestations: new Map(),
      dns: new Map(Object.entries(dns)),
    },
  };
}

function evaluate(params: DnsParams, domains: string[], dns: Record<string, TxtLookup>): Outcome {
  return dnsEvaluator.evaluate(params, contextFor(domains, dns));
}

function domainsOf(outcome: Outcome): DomainEvidence[] {
  return outcome.evidence.domains as DomainEvidence[];
}

function verdictOf(outcome: Outcome, domain: string): DomainEvidence {
  const found = domainsOf(outcome).find((entry) => entry.domain === domain);
  if (!found) throw new Error(`no evidence for ${domain}`);
  return found;
}

const strictSpf: DnsParams = { record: 'spf', allowSoftFail: false };
const softSpf: DnsParams = { record: 'spf', allowSoftFail: true };
const dmarcAtLeast = (minimumPolicy: DmarcPolicy, requireFullCoverage = false): DnsParams => ({ record: 'dmarc', minimumPolicy, requireFullCoverage });
const dkimFor = (...selectors: string[]): DnsParams => ({ record: 'dkim', selectors });

const RSA_KEY = 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';
const ED25519_KEY = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

describe('normalizeTxt', () => {
  it.each([
    ['v=spf1 -all', 'v=spf1 -all'],
    ['"v=spf1 -all"', 'v=spf1 -all'],
    ['"v=spf1 ip4:192.0.2.1" " -all"', 'v=spf1 ip4:192.0.2.1 -all'],
    ['"v=spf1 include:_spf.goo" "gle.com -all"', 'v=spf1 include:_spf.google.com -all'],
    ['  v=spf1\t mx \n -all  ', 'v=spf1 mx -all'],
  ])('normalizes %j', (raw, expected) => {
    expect(normalizeTxt(raw)).toBe(expected);
  });
});

describe('isSpfRecord', () => {
  it.each([
    ['v=spf1 -all', true],
    ['v=spf1', true],
    ['V=SPF1 -ALL', true],
    ['"v=spf1 mx -all"', true],
    ['v=spf10 -all', false],
    ['v=spf1-all', false],
    ['spf1 -all', false],
    ['google-site-verification=abc123', false],
    [' x v=spf1 -all', false],
  ])('%j is SPF: %s', (record, expected) => {
    expect(isSpfRecord(record)).toBe(expected);
  });
});

describe('parseSpf', () => {
  it.each([
    ['v=spf1 include:_spf.google.com -all', '-'],
    ['v=spf1 mx ~all', '~'],
    ['v=spf1 ?all', '?'],
    ['v=spf1 +all', '+'],
    ['v=spf1 ip4:192.0.2.0/24 all', '+'],
    ['V=SPF1 MX -ALL', '-'],
    ['v=spf1 ip6:2001:db8::/32 a/24 mx:mail.example.com ptr exists:%{i}.spf.example.com -all', '-'],
    // Evaluation stops at the first all; anything after it is never reached.
    ['v=spf1 -all include:_spf.example.net', '-'],
  ])('reads the all qualifier of %j', (record, qualifier) => {
    expect(parseSpf([record], 'example.com')).toMatchObject({ kind: 'all', qualifier, record: normalizeTxt(record) });
  });

  it('explains each qualifier', () => {
    expect(parseSpf(['v=spf1 -all'], 'example.com').reason).toMatch(/-all: mail from unlisted servers fails/);
    expect(parseSpf(['v=spf1 ~all'], 'example.com').reason).toMatch(/~all \(soft fail\)/);
    expect(parseSpf(['v=spf1 ?all'], 'example.com').reason).toMatch(/\?all \(neutral\)/);
    expect(parseSpf(['v=spf1 +all'], 'example.com').reason).toMatch(/every server on the internet/);
  });

  it('ignores TXT records that are not SPF', () => {
    expect(parseSpf(['google-site-verification=abc', 'v=spf1 mx -all', 'MS=ms1234'], 'example.com')).toMatchObject({ kind: 'all', qualifier: '-' });
  });

  it('reports no SPF when nothing starts with v=spf1', () => {
    expect(parseSpf([], 'example.com')).toEqual({ kind: 'none', reason: 'no SPF record is published at example.com' });
    expect(parseSpf(['google-site-verification=abc', 'v=spf10 -all'], 'example.com')).toMatchObject({ kind: 'none' });
  });

  it('treats two SPF records as a permerror', () => {
    const result = parseSpf(['v=spf1 mx -all', 'v=spf1 include:_spf.google.com ~all'], 'example.com');
    expect(result).toMatchObject({ kind: 'permerror', records: ['v=spf1 mx -all', 'v=spf1 include:_spf.google.com ~all'] });
    expect(result.reason).toMatch(/2 SPF records are published at example.com/);
  });

  it('hands the decision to the redirect target when there is no all', () => {
    const result = parseSpf(['v=spf1 redirect=_spf.example.net'], 'example.com');
    expect(result).toMatchObject({ kind: 'redirect', target: '_spf.example.net' });
    expect(result.reason).toMatch(/redirects to _spf.example.net, so its policy is decided there and was not checked/);
  });

  it('ignores redirect when an all mechanism is present', () => {
    expect(parseSpf(['v=spf1 mx redirect=_spf.example.net -all'], 'example.com')).toMatchObject({ kind: 'all', qualifier: '-' });
  });

  it('reports a record with neither all nor redirect', () => {
    expect(parseSpf(['v=spf1 mx include:_spf.example.net'], 'example.com')).toMatchObject({ kind: 'no_all', reason: 'SPF record does not end with an all mechanism' });
    expect(parseSpf(['v=spf1'], 'example.com')).toMatchObject({ kind: 'no_all' });
  });

  it('tolerates quotes and whitespace left over from zone files', () => {
    expect(parseSpf(['"v=spf1 include:_spf.goo" "gle.com -all"'], 'example.com')).toEqual({
      kind: 'all',
      qualifier: '-',
      record: 'v=spf1 include:_spf.google.com -all',
      reason: expect.stringContaining('-all'),
    });
    expect(parseSpf(['  v=spf1   mx\t~all '], 'example.com')).toMatchObject({ kind: 'all', qualifier: '~' });
  });

  it.each([
    ['v=spf1 mx foo:bar -all', /"foo:bar" is not a known mechanism or modifier/],
    ['v=spf1 all:example.com', /all takes no argument/],
    ['v=spf1 include -all', /include needs a value/],
    ['v=spf1 ip4: -all', /ip4 needs a value/],
    ['v=spf1 redirect=a.example redirect=b.example', /redirect= appears more than once/],
    ['v=spf1 mx -allow', /"-allow" is not a known mechanism/],
  ])('treats %j as a permerror', (record, reason) => {
    const result = parseSpf([record], 'example.com');
    expect(result.kind).toBe('permerror');
    expect(result.reason).toMatch(reason);
  });

  it('accepts unknown modifiers, as RFC 7208 requires', () => {
    expect(parseSpf(['v=spf1 mx exp=explain.example.com x-custom=1 -all'], 'example.com')).toMatchObject({ kind: 'all', qualifier: '-' });
  });
});

describe('parseTagList', () => {
  it('reads tags in order, lower-casing names and keeping values', () => {
    expect(parseTagList(' v=DMARC1 ;P = Reject; rua=mailto:a@example.com ;')).toEqual({
      ok: true,
      tags: [
        { name: 'v', value: 'DMARC1' },
        { name: 'p', value: 'Reject' },
        { name: 'rua', value: 'mailto:a@example.com' },
      ],
    });
  });

  it('keeps empty values', () => {
    expect(parseTagList('v=DKIM1; p=')).toEqual({ ok: true, tags: [{ name: 'v', value: 'DKIM1' }, { name: 'p', value: '' }] });
  });

  it.each([
    ['v=DMARC1; p=none; p=reject', /tag p appears more than once/],
    ['v=DMARC1; garbage', /"garbage" is not a tag=value pair/],
    ['v=DMARC1; 1x=2', /"1x" is not a valid tag name/],
    ['=none', /"" is not a valid tag name/],
  ])('rejects %j', (text, reason) => {
    const result = parseTagList(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseDmarc', () => {
  const name = '_dmarc.example.com';

  it('reads a complete record', () => {
    expect(parseDmarc(['v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:a@example.com, mailto:b@example.net'], name)).toEqual({
      kind: 'valid',
      record: 'v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:a@example.com, mailto:b@example.net',
      policy: 'quarantine',
      subdomainPolicy: 'reject',
      subdomainPolicyExplicit: true,
      pct: 50,
      rua: ['mailto:a@example.com', 'mailto:b@example.net'],
      reason: 'DMARC policy p=quarantine, sp=reject, applied to 50% of failing mail',
    });
  });

  it('defaults sp to p and pct to 100', () => {
    expect(parseDmarc(['v=DMARC1; p=reject'], name)).toMatchObject({ kind: 'valid', policy: 'reject', subdomainPolicy: 'reject', subdomainPolicyExplicit: false, pct: 100, rua: [] });
  });

  it('accepts pct=0 and tolerates case in tag names and keywords', () => {
    expect(parseDmarc(['v=DMARC1; p=none; pct=0'], name)).toMatchObject({ kind: 'valid', pct: 0 });
    expect(parseDmarc(['V=dmarc1; P=Reject; SP=None'], name)).toMatchObject({ kind: 'valid', policy: 'reject', subdomainPolicy: 'none' });
  });

  it('reports no record when nothing there is DMARC', () => {
    expect(parseDmarc([], name)).toEqual({ kind: 'none', reason: 'no DMARC record is published at _dmarc.example.com' });
    expect(parseDmarc(['hello world'], name)).toEqual({ kind: 'none', reason: 'no DMARC record is published at _dmarc.example.com (1 other TXT record there is not DMARC)' });
  });

  it('treats two DMARC records as invalid', () => {
    const result = parseDmarc(['v=DMARC1; p=reject', 'v=DMARC1; p=none'], name);
    expect(result).toMatchObject({ kind: 'invalid', records: ['v=DMARC1; p=reject', 'v=DMARC1; p=none'] });
    expect(result.reason).toMatch(/2 DMARC records are published at _dmarc.example.com/);
  });

  it.each([
    ['v=DMARC1; rua=mailto:a@example.com', /the p= tag \(policy\) is missing/],
    ['p=reject; v=DMARC1', /v=DMARC1 must be the first tag/],
    ['v=DMARC1; p=block', /p=block is not none, quarantine or reject/],
    ['v=DMARC1; p=reject; sp=maybe', /sp=maybe is not none, quarantine or reject/],
    ['v=DMARC1; p=reject; pct=abc', /pct=abc is not a whole number from 0 to 100/],
    ['v=DMARC1; p=reject; pct=101', /pct=101 is not a whole number/],
    ['v=DMARC1; p=reject; pct=-5', /pct=-5 is not a whole number/],
    ['v=DMARC1; p=reject; p=none', /tag p appears more than once/],
    ['v=DMARC1; p=reject; ;;#!garbage', /"#!garbage" is not a tag=value pair/],
    ['v=DMARC1 p=reject', /runs tags together; tags are separated by semicolons/],
    ['v=DMARC1.0; p=reject', /must be the first tag|is not DMARC1/],
  ])('treats %j as invalid', (record, reason) => {
    const result = parseDmarc([record], name);
    expect(result).toMatchObject({ kind: 'invalid', records: [record] });
    expect(result.reason).toMatch(/^the DMARC record at _dmarc.example.com is invalid: /);
    expect(result.reason).toMatch(reason);
  });
});

describe('meetsPolicy', () => {
  it('ranks none < quarantine < reject', () => {
    expect(meetsPolicy('reject', 'quarantine')).toBe(true);
    expect(meetsPolicy('quarantine', 'quarantine')).toBe(true);
    expect(meetsPolicy('none', 'quarantine')).toBe(false);
    expect(meetsPolicy('quarantine', 'reject')).toBe(false);
  });
});

describe('parseDkimKey', () => {
  const name = 'google._domainkey.example.com';

  it('finds an RSA key, with or without v= and k=', () => {
    expect(parseDkimKey([`v=DKIM1; k=rsa; p=${RSA_KEY}`], name)).toEqual({
      kind: 'key',
      record: `v=DKIM1; k=rsa; p=${RSA_KEY}`,
      keyType: 'rsa',
      reason: 'a rsa DKIM key is published at google._domainkey.example.com',
    });
    expect(parseDkimKey([`p=${RSA_KEY}`], name)).toMatchObject({ kind: 'key', keyType: 'rsa' });
  });

  it('finds an ed25519 key', () => {
    expect(parseDkimKey([`v=DKIM1; k=ed25519; p=${ED25519_KEY}`], name)).toMatchObject({ kind: 'key', keyType: 'ed25519' });
  });

  it('joins a key split into quoted chunks and ignores whitespace inside p=', () => {
    const half = RSA_KEY.length / 2;
    expect(parseDkimKey([`"v=DKIM1; k=rsa; p=${RSA_KEY.slice(0, half)}" "${RSA_KEY.slice(half)}"`], name)).toMatchObject({ kind: 'key' });
    expect(parseDkimKey([`v=DKIM1; p=${RSA_KEY.slice(0, 20)} ${RSA_KEY.slice(20)}`], name)).toMatchObject({ kind: 'key' });
  });

  it('reports an empty p= as revoked', () => {
    expect(parseDkimKey(['v=DKIM1; k=rsa; p='], name)).toEqual({
      kind: 'revoked',
      record: 'v=DKIM1; k=rsa; p=',
      keyType: 'rsa',
      reason: 'the DKIM key at google._domainkey.example.com is revoked (empty p=)',
    });
  });

  it('reports a missing key', () => {
    expect(parseDkimKey([], name)).toEqual({ kind: 'missing', reason: 'no DKIM key is published at google._domainkey.example.com' });
    expect(parseDkimKey(['  '], name)).toMatchObject({ kind: 'missing' });
  });

  it.each([
    [`k=rsa; v=DKIM1; p=${RSA_KEY}`, /v=DKIM1 must be the first tag/],
    [`v=DKIM2; p=${RSA_KEY}`, /v=DKIM2 is not DKIM1/],
    [`v=DKIM1; k=dsa; p=${RSA_KEY}`, /key type k=dsa is not rsa or ed25519/],
    ['v=DKIM1; k=rsa', /the p= tag \(public key\) is missing/],
    ['v=DKIM1; p=not*base64!', /not base64/],
    [`v=DKIM1; p=${RSA_KEY}; p=${RSA_KEY}`, /tag p appears more than once/],
  ])('treats %j as invalid', (record, reason) => {
    const result = parseDkimKey([record], name);
    expect(result.kind).toBe('invalid');
    expect(result.reason).toMatch(reason);
  });

  it('treats several records at one selector as invalid', () => {
    const result = parseDkimKey([`p=${RSA_KEY}`, `p=${ED25519_KEY}`], name);
    expect(result).toMatchObject({ kind: 'invalid', records: [`p=${RSA_KEY}`, `p=${ED25519_KEY}`] });
    expect(result.reason).toMatch(/2 TXT records are published at google._domainkey.example.com/);
  });
});

describe('dnsNamesFor', () => {
  it('asks for the domain itself for SPF', () => {
    expect(dnsNamesFor(strictSpf, ['example.com', 'example.org'])).toEqual(['example.com', 'example.org']);
  });

  it('asks for _dmarc.<domain> for DMARC', () => {
    expect(dnsNamesFor(dmarcAtLeast('reject'), ['example.com'])).toEqual(['_dmarc.example.com']);
  });

  it('asks for every selector of every domain for DKIM', () => {
    expect(dnsNamesFor(dkimFor('google', 'Selector1'), ['example.com', 'example.org'])).toEqual([
      'google._domainkey.example.com',
      'selector1._domainkey.example.com',
      'google._domainkey.example.org',
      'selector1._domainkey.example.org',
    ]);
  });

  it('lower-cases, drops trailing dots, blanks and duplicates', () => {
    expect(dnsNamesFor(strictSpf, ['Example.COM.', 'example.com', ' ', 'example.org'])).toEqual(['example.com', 'example.org']);
    expect(dnsNamesFor(strictSpf, [])).toEqual([]);
  });
});

describe('dnsEvaluator.evaluate', () => {
  it('has no data for a client without domains', () => {
    expect(evaluate(strictSpf, [], {})).toEqual({
      status: 'no_data',
      fraction: null,
      summary: 'Acme Dental has no domains recorded',
      evidence: { params: strictSpf, domains: [] },
      failingAssets: [],
    });
  });

  describe('SPF', () => {
    it('passes a domain with -all', () => {
      const outcome = evaluate(strictSpf, ['example.com'], { 'example.com': txt('v=spf1 include:_spf.google.com -all') });
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1, summary: '1 of 1 domain publishes a strict SPF record (-all)', failingAssets: [] });
      expect(domainsOf(outcome)).toEqual([
        {
          domain: 'example.com',
          verdict: 'pass',
          reason: 'the SPF record ends in -all: mail from unlisted servers fails',
          lookupFailed: false,
          lookups: [{ name: 'example.com', records: ['v=spf1 include:_spf.google.com -all'] }],
          findings: [expect.objectContaining({ kind: 'all', qualifier: '-' })],
        },
      ]);
    });

    it('fails ~all unless soft fail is allowed', () => {
      const dns = { 'example.com': txt('v=spf1 mx ~all') };
      const strict = evaluate(strictSpf, ['example.com'], dns);
      expect(strict).toMatchObject({ status: 'fail', fraction: 0, summary: '0 of 1 domain publishes a strict SPF record (-all)' });
      expect(verdictOf(strict, 'example.com').reason).toMatch(/soft fail is not accepted, -all is required/);

      const soft = evaluate(softSpf, ['example.com'], dns);
      expect(soft).toMatchObject({ status: 'pass', fraction: 1, summary: '1 of 1 domain publishes an SPF record ending in -all or ~all' });
      expect(verdictOf(soft, 'example.com').reason).toMatch(/soft fail is accepted/);
    });

    it.each(['v=spf1 ?all', 'v=spf1 +all', 'v=spf1 mx all'])('fails %j even when soft fail is allowed', (record) => {
      expect(evaluate(softSpf, ['example.com'], { 'example.com': txt(record) })).toMatchObject({ status: 'fail', fraction: 0 });
    });

    it('fails two SPF records, a redirect, a missing all and no record, saying why', () => {
      const outcome = evaluate(softSpf, ['two.example', 'redirect.example', 'open.example', 'none.example'], {
        'two.example': txt('v=spf1 -all', 'v=spf1 mx -all'),
        'redirect.example': txt('v=spf1 redirect=_spf.example.net'),
        'open.example': txt('v=spf1 mx'),
        'none.example': txt('google-site-verification=abc'),
      });
      expect(outcome).toMatchObject({ status: 'fail', fraction: 0, summary: '0 of 4 domains publish an SPF record ending in -all or ~all' });
      expect(verdictOf(outcome, 'two.example')).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/2 SPF records/) });
      expect(verdictOf(outcome, 'redirect.example')).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/redirects to _spf.example.net/) });
      expect(verdictOf(outcome, 'open.example')).toMatchObject({ verdict: 'fail', reason: 'SPF record does not end with an all mechanism' });
      expect(verdictOf(outcome, 'none.example')).toMatchObject({ verdict: 'fail', reason: 'no SPF record is published at none.example' });
    });

    it('gives partial credit per domain', () => {
      const outcome = evaluate(strictSpf, ['a.example', 'b.example', 'c.example'], {
        'a.example': txt('v=spf1 -all'),
        'b.example': txt('V=SPF1 MX -ALL'),
        'c.example': txt('v=spf1 ~all'),
      });
      expect(outcome).toMatchObject({ status: 'partial', summary: '2 of 3 domains publish a strict SPF record (-all)', failingAssets: [] });
      expect(outcome.fraction).toBeCloseTo(2 / 3);
      expect(domainsOf(outcome).map((entry) => [entry.domain, entry.verdict])).toEqual([
        ['a.example', 'pass'],
        ['b.example', 'pass'],
        ['c.example', 'fail'],
      ]);
    });

    it('normalizes client domains before looking them up', () => {
      const outcome = evaluate(strictSpf, ['Example.COM.', 'example.com'], { 'example.com': txt('v=spf1 -all') });
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1, summary: '1 of 1 domain publishes a strict SPF record (-all)' });
    });
  });

  describe('DMARC', () => {
    const cases = DMARC_POLICIES.flatMap((policy) => DMARC_POLICIES.map((minimum) => [policy, minimum] as const));
    it.each(cases)('p=%s against a minimum of %s', (policy, minimum) => {
      const outcome = evaluate(dmarcAtLeast(minimum), ['example.com'], { '_dmarc.example.com': txt(`v=DMARC1; p=${policy}`) });
      const expected = DMARC_POLICIES.indexOf(policy) >= DMARC_POLICIES.indexOf(minimum);
      expect(outcome.status).toBe(expected ? 'pass' : 'fail');
      expect(verdictOf(outcome, 'example.com').reason).toBe(expected ? `DMARC policy p=${policy}, sp=${policy}` : `DMARC policy p=${policy} is weaker than the required ${minimum}`);
    });

    it('accepts pct below 100 unless full coverage is required', () => {
      const dns = { '_dmarc.example.com': txt('v=DMARC1; p=reject; pct=25') };
      const lenient = evaluate(dmarcAtLeast('quarantine'), ['example.com'], dns);
      expect(lenient).toMatchObject({ status: 'pass', fraction: 1, summary: '1 of 1 domain publishes a DMARC policy of at least quarantine' });
      expect(verdictOf(lenient, 'example.com').reason).toBe('DMARC policy p=reject, sp=reject, applied to 25% of failing mail');

      const strict = evaluate(dmarcAtLeast('quarantine', true), ['example.com'], dns);
      expect(strict).toMatchObject({ status: 'fail', fraction: 0, summary: '0 of 1 domain publishes a DMARC policy of at least quarantine applied to all mail (pct=100)' });
      expect(verdictOf(strict, 'example.com').reason).toBe('pct=25: the policy applies to only 25% of failing mail, and full coverage is required');
    });

    it('passes full coverage when pct is absent or 100', () => {
      const outcome = evaluate(dmarcAtLeast('reject', true), ['a.example', 'b.example'], {
        '_dmarc.a.example': txt('v=DMARC1; p=reject'),
        '_dmarc.b.example': txt('v=DMARC1; p=reject; pct=100'),
      });
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1 });
    });

    it('fails a strong p with a weak sp, because subdomains can be spoofed', () => {
      const outcome = evaluate(dmarcAtLeast('quarantine'), ['example.com'], { '_dmarc.example.com': txt('v=DMARC1; p=reject; sp=none') });
      expect(outcome).toMatchObject({ status: 'fail', fraction: 0 });
      expect(verdictOf(outcome, 'example.com').reason).toBe('subdomain policy sp=none is weaker than the required quarantine, so subdomains can be spoofed');
    });

    it('passes an sp stronger than p when p meets the minimum', () => {
      const outcome = evaluate(dmarcAtLeast('quarantine'), ['example.com'], { '_dmarc.example.com': txt('v=DMARC1; p=quarantine; sp=reject') });
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1 });
    });

    it('fails missing, invalid and duplicated records with their reasons', () => {
      const outcome = evaluate(dmarcAtLeast('none'), ['missing.example', 'nop.example', 'order.example', 'bad.example', 'two.example', 'junk.example', 'ok.example'], {
        '_dmarc.missing.example': txt(),
        '_dmarc.nop.example': txt('v=DMARC1; rua=mailto:d@nop.example'),
        '_dmarc.order.example': txt('p=reject; v=DMARC1'),
        '_dmarc.bad.example': txt('v=DMARC1; p=always'),
        '_dmarc.two.example': txt('v=DMARC1; p=reject', 'v=DMARC1; p=none'),
        '_dmarc.junk.example': txt('v=DMARC1;;; p=reject; ~~~'),
        '_dmarc.ok.example': txt('v=DMARC1; p=none'),
      });
      expect(outcome).toMatchObject({ status: 'partial', summary: '1 of 7 domains publish a DMARC policy of at least none' });
      expect(outcome.fraction).toBeCloseTo(1 / 7);
      expect(verdictOf(outcome, 'missing.example').reason).toBe('no DMARC record is published at _dmarc.missing.example');
      expect(verdictOf(outcome, 'nop.example').reason).toMatch(/p= tag \(policy\) is missing/);
      expect(verdictOf(outcome, 'order.example').reason).toMatch(/v=DMARC1 must be the first tag/);
      expect(verdictOf(outcome, 'bad.example').reason).toMatch(/p=always is not none, quarantine or reject/);
      expect(verdictOf(outcome, 'two.example').reason).toMatch(/2 DMARC records/);
      expect(verdictOf(outcome, 'junk.example').reason).toMatch(/"~~~" is not a tag=value pair/);
      expect(verdictOf(outcome, 'ok.example')).toMatchObject({ verdict: 'pass', findings: [expect.objectContaining({ kind: 'valid', policy: 'none' })] });
    });
  });

  describe('DKIM', () => {
    it('passes a domain with a key at any selector', () => {
      const outcome = evaluate(dkimFor('google', 'selector1'), ['example.com'], {
        'google._domainkey.example.com': txt(),
        'selector1._domainkey.example.com': txt(`v=DKIM1; k=rsa; p=${RSA_KEY}`),
      });
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1, summary: '1 of 1 domain publishes a DKIM key for one of the selectors google, selector1' });
      expect(verdictOf(outcome, 'example.com')).toMatchObject({
        verdict: 'pass',
        reason: 'a rsa DKIM key is published at selector1._domainkey.example.com',
        findings: [
          { kind: 'missing', selector: 'google', reason: expect.any(String) },
          expect.objectContaining({ kind: 'key', selector: 'selector1', keyType: 'rsa' }),
        ],
      });
    });

    it('fails revoked and missing keys, naming each selector', () => {
      const outcome = evaluate(dkimFor('google', 's1'), ['revoked.example', 'missing.example', 'ok.example'], {
        'google._domainkey.revoked.example': txt('v=DKIM1; p='),
        's1._domainkey.revoked.example': txt(),
        'google._domainkey.missing.example': txt(),
        's1._domainkey.missing.example': txt(),
        'google._domainkey.ok.example': txt(`k=ed25519; p=${ED25519_KEY}`),
        's1._domainkey.ok.example': txt(),
      });
      expect(outcome).toMatchObject({ status: 'partial', summary: '1 of 3 domains publish a DKIM key for one of the selectors google, s1' });
      expect(outcome.fraction).toBeCloseTo(1 / 3);
      expect(verdictOf(outcome, 'revoked.example').reason).toBe(
        'the DKIM key at google._domainkey.revoked.example is revoked (empty p=); no DKIM key is published at s1._domainkey.revoked.example',
      );
      expect(verdictOf(outcome, 'missing.example').reason).toBe(
        'no DKIM key is published at google._domainkey.missing.example; no DKIM key is published at s1._domainkey.missing.example',
      );
      expect(verdictOf(outcome, 'ok.example').verdict).toBe('pass');
    });

    it('says "selector" for a single selector', () => {
      const outcome = evaluate(dkimFor('google'), ['example.com'], { 'google._domainkey.example.com': txt(`p=${RSA_KEY}`) });
      expect(outcome.summary).toBe('1 of 1 domain publishes a DKIM key for selector google');
    });

    it('treats a domain as unknown when a selector could not be read and no other has a key', () => {
      const outcome = evaluate(dkimFor('google', 's1'), ['flaky.example', 'ok.example', 'found.example'], {
        'google._domainkey.flaky.example': failed('ETIMEOUT: google._domainkey.flaky.example'),
        's1._domainkey.flaky.example': txt(),
        'google._domainkey.ok.example': txt(`p=${RSA_KEY}`),
        's1._domainkey.ok.example': txt(),
        'google._domainkey.found.example': failed('ESERVFAIL: google._domainkey.found.example'),
        's1._domainkey.found.example': txt(`p=${RSA_KEY}`),
      });
      expect(outcome).toMatchObject({ status: 'partial', summary: '2 of 3 domains publish a DKIM key for one of the selectors google, s1 (1 could not be looked up)' });
      expect(verdictOf(outcome, 'flaky.example')).toMatchObject({ verdict: 'fail', lookupFailed: true, reason: 'DNS lookup failed: ETIMEOUT: google._domainkey.flaky.example' });
      expect(verdictOf(outcome, 'found.example')).toMatchObject({ verdict: 'pass', lookupFailed: false });
    });
  });

  describe('lookup failures', () => {
    it('counts a domain whose lookup failed as failing, with the error', () => {
      const outcome = evaluate(strictSpf, ['a.example', 'b.example'], {
        'a.example': txt('v=spf1 -all'),
        'b.example': failed('ESERVFAIL: b.example'),
      });
      expect(outcome).toMatchObject({ status: 'partial', fraction: 0.5, summary: '1 of 2 domains publish a strict SPF record (-all) (1 could not be looked up)', failingAssets: [] });
      expect(verdictOf(outcome, 'b.example')).toEqual({
        domain: 'b.example',
        verdict: 'fail',
        reason: 'DNS lookup failed: ESERVFAIL: b.example',
        lookupFailed: true,
        lookups: [{ name: 'b.example', error: 'ESERVFAIL: b.example' }],
        findings: [],
      });
    });

    it('fails outright when the only readable domain fails', () => {
      const outcome = evaluate(dmarcAtLeast('reject'), ['a.example', 'b.example'], {
        '_dmarc.a.example': txt('v=DMARC1; p=none'),
        '_dmarc.b.example': failed('ETIMEOUT: _dmarc.b.example'),
      });
      expect(outcome).toMatchObject({ status: 'fail', fraction: 0 });
    });

    it('treats a name missing from the lookups as unknown', () => {
      const outcome = evaluate(strictSpf, ['a.example', 'b.example'], { 'a.example': txt('v=spf1 -all') });
      expect(verdictOf(outcome, 'b.example')).toMatchObject({ verdict: 'fail', lookupFailed: true, reason: 'DNS lookup failed: no DNS lookup was made for b.example' });
      expect(outcome.status).toBe('partial');
    });

    it('is an error when no domain could be looked up', () => {
      const outcome = evaluate(dmarcAtLeast('quarantine'), ['a.example', 'b.example'], {
        '_dmarc.a.example': failed('ESERVFAIL: _dmarc.a.example'),
        '_dmarc.b.example': failed('ETIMEOUT: _dmarc.b.example'),
      });
      expect(outcome).toMatchObject({
        status: 'error',
        fraction: null,
        summary: 'DNS lookups failed for every domain: ESERVFAIL: _dmarc.a.example; ETIMEOUT: _dmarc.b.example',
        failingAssets: [],
      });
      expect(domainsOf(outcome)).toHaveLength(2);
    });

    it('is an error when the lookups were never made', () => {
      const outcome = evaluate(dkimFor('google'), ['example.com'], {});
      expect(outcome).toMatchObject({ status: 'error', fraction: null, summary: 'DNS lookups failed for every domain: no DNS lookup was made for google._domainkey.example.com' });
    });
  });

  it('is pure: the same context gives the same outcome', () => {
    const context = contextFor(['a.example', 'b.example'], { 'a.example': txt('v=spf1 -all'), 'b.example': txt('v=spf1 ~all') });
    expect(dnsEvaluator.evaluate(strictSpf, context)).toEqual(dnsEvaluator.evaluate(strictSpf, context));
  });
});

describe('dnsEvaluator.validate', () => {
  it.each<[string, DnsParams]>([
    ['spf', { record: 'spf', allowSoftFail: false }],
    ['dmarc', { record: 'dmarc', minimumPolicy: 'reject', requireFullCoverage: true }],
    ['dkim', { record: 'dkim', selectors: ['google', 'selector1', 's1.2024', 'k-1'] }],
  ])('accepts valid %s parameters', (_kind, params) => {
    expect(dnsEvaluator.validate({ ...params })).toEqual([]);
  });

  it('refuses an unknown or missing record', () => {
    expect(dnsEvaluator.validate({ record: 'dnssec' })).toEqual([{ field: 'record', message: 'must be one of spf, dmarc, dkim' }]);
    expect(dnsEvaluator.validate({})).toEqual([{ field: 'record', message: 'must be one of spf, dmarc, dkim' }]);
  });

  it('wants allowSoftFail to be a boolean', () => {
    expect(dnsEvaluator.validate({ record: 'spf', allowSoftFail: 'yes' })).toEqual([{ field: 'allowSoftFail', message: 'must be true or false' }]);
    expect(dnsEvaluator.validate({ record: 'spf' })).toEqual([{ field: 'allowSoftFail', message: 'must be true or false' }]);
  });

  it('wants a known minimumPolicy and a boolean requireFullCoverage', () => {
    expect(dnsEvaluator.validate({ record: 'dmarc', minimumPolicy: 'strict', requireFullCoverage: 1 })).toEqual([
      { field: 'minimumPolicy', message: 'must be one of none, quarantine, reject' },
      { field: 'requireFullCoverage', message: 'must be true or false' },
    ]);
    expect(dnsEvaluator.validate({ record: 'dmarc', minimumPolicy: 'REJECT', requireFullCoverage: false })).toEqual([
      { field: 'minimumPolicy', message: 'must be one of none, quarantine, reject' },
    ]);
  });

  it.each([[undefined], ['google'], [[]], [Array.from({ length: 11 }, (_, index) => `s${index}`)]])('refuses selectors %j', (selectors) => {
    expect(dnsEvaluator.validate({ record: 'dkim', selectors })).toEqual([{ field: 'selectors', message: 'must be a list of 1 to 10 DKIM selectors' }]);
  });

  it('accepts ten selectors', () => {
    expect(dnsEvaluator.validate({ record: 'dkim', selectors: Array.from({ length: 10 }, (_, index) => `s${index}`) })).toEqual([]);
  });

  it('names each selector that is not a DNS label', () => {
    const labelMessage = 'must be a DNS label: letters, digits and inner hyphens, at most 63 characters';
    expect(dnsEvaluator.validate({ record: 'dkim', selectors: ['google', 'bad selector', '', '-dash', 'x'.repeat(64), 'a..b', 7, 'under_score', 'x'.repeat(63)] })).toEqual([
      { field: 'selectors[1]', message: labelMessage },
      { field: 'selectors[2]', message: labelMessage },
      { field: 'selectors[3]', message: labelMessage },
      { field: 'selectors[4]', message: labelMessage },
      { field: 'selectors[5]', message: labelMessage },
      { field: 'selectors[6]', message: labelMessage },
      { field: 'selectors[7]', message: labelMessage },
    ]);
  });

  it('refuses a repeated selector', () => {
    expect(dnsEvaluator.validate({ record: 'dkim', selectors: ['google', 'Google'] })).toEqual([{ field: 'selectors[1]', message: 'repeats selector Google' }]);
  });
});
