import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import dns2 from 'dns2';
import { DnsTxtResolver } from '../../src/controls/evaluators/dns/dns-resolver.js';
import { dnsEvaluator, dnsNamesFor } from '../../src/controls/evaluators/dns/dns.evaluator.js';
import type { EvaluationContext, Outcome } from '../../src/controls/evaluators/evaluator.js';
import type { DnsParams } from '../../src/controls/evaluators/params.js';

const { Packet } = dns2;

const DKIM_KEY_START = 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP';
const DKIM_KEY_END = '/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od';

/** TXT records by name, each record as the character-strings it is sent in. */
const ZONE: Readonly<Record<string, string[][]>> = {
  'strict.test': [['v=spf1 include:_spf.mail.test ', '-all'], ['google-site-verification=abc123']],
  '_dmarc.strict.test': [['v=DMARC1; p=reject; rua=mailto:dmarc@strict.test']],
  'google._domainkey.strict.test': [[`v=DKIM1; k=rsa; p=${DKIM_KEY_START}`, DKIM_KEY_END]],
  'soft.test': [['v=spf1 mx ~all']],
  // The name exists but has no TXT record: NOERROR with an empty answer.
  'nodata.test': [],
};
const SERVFAIL_NAMES = new Set(['broken.test', '_dmarc.broken.test']);
const SLOW_NAME = /^slow-\d+\.test$/;
const SLOW_DELAY_MS = 50;

let server: dns2.DnsServer;
let serverAddress: string;
const queried: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

function answer(request: dns2.Packet): dns2.Packet {
  const response = Packet.createResponseFromRequest(request);
  const [question] = request.questions;
  const name = question.name.toLowerCase();
  if (SERVFAIL_NAMES.has(name)) {
    response.header.rcode = Packet.RCODE.SERVFAIL;
  } else if (!(name in ZONE)) {
    response.header.rcode = Packet.RCODE.NXDOMAIN;
  } else if (question.type === Packet.TYPE.TXT) {
    for (const data of ZONE[name]) {
      response.answers.push(Packet.createResourceFromQuestion(question, { type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data }));
    }
  }
  return response;
}

beforeAll(async () => {
  server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const name = request.questions[0]?.name.toLowerCase() ?? '';
      queried.push(name);
      if (!SLOW_NAME.test(name)) {
        void send(answer(request));
        return;
      }
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        void send(answer(request));
      }, SLOW_DELAY_MS);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  serverAddress = `127.0.0.1:${addresses.udp?.port}`;
});

afterAll(async () => {
  await server.close();
});

function resolver(concurrency?: number): DnsTxtResolver {
  return new DnsTxtResolver({ servers: [serverAddress], timeoutMs: 2000, concurrency });
}

function contextFor(domains: string[], dns: Map<string, { records: string[] } | { error: string }>): EvaluationContext {
  return {
    controlId: 'control-dns',
    now: new Date('2030-01-15T00:00:00Z'),
    evidence: {
      client: { id: 'client-1', name: 'Acme Dental', status: 'active', domains, seats: null, baseline: null },
      assets: [],
      facts: new Map(),
      attestations: new Map(),
      dns,
    },
  };
}

/** Looks up what the control needs through the resolver, then evaluates, as a scoring run would. */
async function evaluateThroughDns(params: DnsParams, domains: string[]): Promise<Outcome> {
  const lookups = await resolver().lookupAll(dnsNamesFor(params, domains));
  return dnsEvaluator.evaluate(params, contextFor(domains, lookups));
}

describe(DnsTxtResolver.name, () => {
  it('returns joined records, empty answers for absent names and errors for failures', async () => {
    const lookups = await resolver().lookupAll([
      'strict.test',
      '_dmarc.strict.test',
      'google._domainkey.strict.test',
      'soft.test',
      'nodata.test',
      'missing.test',
      'broken.test',
    ]);
    expect(lookups).toEqual(
      new Map([
        ['strict.test', { records: ['v=spf1 include:_spf.mail.test -all', 'google-site-verification=abc123'] }],
        ['_dmarc.strict.test', { records: ['v=DMARC1; p=reject; rua=mailto:dmarc@strict.test'] }],
        ['google._domainkey.strict.test', { records: [`v=DKIM1; k=rsa; p=${DKIM_KEY_START}${DKIM_KEY_END}`] }],
        ['soft.test', { records: ['v=spf1 mx ~all'] }],
        ['nodata.test', { records: [] }],
        ['missing.test', { records: [] }],
        ['broken.test', { error: 'ESERVFAIL: broken.test' }],
      ]),
    );
  });

  it('looks each name up once, keyed lower-case without a trailing dot', async () => {
    queried.length = 0;
    const lookups = await resolver().lookupAll(['soft.test', 'SOFT.test.', ' soft.test ']);
    expect(lookups).toEqual(new Map([['soft.test', { records: ['v=spf1 mx ~all'] }]]));
    expect(queried).toEqual(['soft.test']);
  });

  it('returns an empty map for no names', async () => {
    await expect(resolver().lookupAll([])).resolves.toEqual(new Map());
  });

  it('keeps at most `concurrency` lookups in flight', async () => {
    inFlight = 0;
    maxInFlight = 0;
    const names = Array.from({ length: 6 }, (_, index) => `slow-${index}.test`);
    const lookups = await resolver(2).lookupAll(names);
    expect([...lookups.keys()]).toEqual(names);
    expect([...lookups.values()]).toEqual(names.map(() => ({ records: [] })));
    expect(maxInFlight).toBe(2);
  });

  it('reports an unreachable server as an error, not as an absent record', async () => {
    // Nothing listens on the discard port; the lookup fails rather than reading as "no record".
    const unreachable = new DnsTxtResolver({ servers: ['127.0.0.1:9'], timeoutMs: 200, tries: 1 });
    const lookups = await unreachable.lookupAll(['strict.test']);
    expect(lookups.get('strict.test')).toEqual({ error: expect.stringMatching(/^E[A-Z]+: strict\.test$/) });
  });
});

describe('DNS controls end to end', () => {
  const domains = ['strict.test', 'soft.test'];

  it('scores SPF per domain', async () => {
    const outcome = await evaluateThroughDns({ record: 'spf', allowSoftFail: false }, domains);
    expect(outcome).toMatchObject({ status: 'partial', fraction: 0.5, summary: '1 of 2 domains publish a strict SPF record (-all)', failingAssets: [] });
    expect(outcome.evidence.domains).toEqual([
      expect.objectContaining({ domain: 'strict.test', verdict: 'pass' }),
      expect.objectContaining({ domain: 'soft.test', verdict: 'fail', reason: expect.stringMatching(/~all \(soft fail\)/) }),
    ]);
  });

  it('passes SPF for both domains when soft fail is allowed', async () => {
    await expect(evaluateThroughDns({ record: 'spf', allowSoftFail: true }, domains)).resolves.toMatchObject({ status: 'pass', fraction: 1 });
  });

  it('scores DMARC, failing the domain without a record', async () => {
    const outcome = await evaluateThroughDns({ record: 'dmarc', minimumPolicy: 'quarantine', requireFullCoverage: true }, domains);
    expect(outcome).toMatchObject({ status: 'partial', fraction: 0.5 });
    expect(outcome.evidence.domains).toEqual([
      expect.objectContaining({ domain: 'strict.test', verdict: 'pass' }),
      expect.objectContaining({ domain: 'soft.test', verdict: 'fail', lookupFailed: false, reason: 'no DMARC record is published at _dmarc.soft.test' }),
    ]);
  });

  it('scores DKIM from a key split across character-strings', async () => {
    const outcome = await evaluateThroughDns({ record: 'dkim', selectors: ['google', 'selector1'] }, domains);
    expect(outcome).toMatchObject({ status: 'partial', fraction: 0.5, summary: '1 of 2 domains publish a DKIM key for one of the selectors google, selector1' });
  });

  it('counts a domain whose lookup fails as failing, and errors when every lookup fails', async () => {
    const partly = await evaluateThroughDns({ record: 'spf', allowSoftFail: false }, ['strict.test', 'broken.test']);
    expect(partly).toMatchObject({ status: 'partial', fraction: 0.5, summary: '1 of 2 domains publish a strict SPF record (-all) (1 could not be looked up)' });

    const wholly = await evaluateThroughDns({ record: 'dmarc', minimumPolicy: 'reject', requireFullCoverage: false }, ['broken.test']);
    expect(wholly).toMatchObject({ status: 'error', fraction: null, summary: 'DNS lookups failed for every domain: ESERVFAIL: _dmarc.broken.test' });
  });
});
