/**
 * SPF records (RFC 7208), judged from the TXT record set of a domain.
 * Pure functions: no lookups, and `include:`/`redirect=` targets are not followed.
 */

export const SPF_QUALIFIERS = ['+', '-', '~', '?'] as const;
export type SpfQualifier = (typeof SPF_QUALIFIERS)[number];

export type SpfResult =
  /** No TXT record at the domain is an SPF record. */
  | { kind: 'none'; reason: string }
  /** Receivers cannot use what is published (RFC 7208 permerror). */
  | { kind: 'permerror'; records: string[]; reason: string }
  /** The record's `all` mechanism decides what happens to mail from unlisted servers. */
  | { kind: 'all'; record: string; qualifier: SpfQualifier; reason: string }
  /** No `all`, but a `redirect=` hands the decision to another domain's record. */
  | { kind: 'redirect'; record: string; target: string; reason: string }
  /** Neither `all` nor `redirect=`: unlisted servers get a neutral result. */
  | { kind: 'no_all'; record: string; reason: string };

/**
 * Resolvers join a record's character-strings, but records copied from zone files or web
 * consoles sometimes keep their quotes (`"v=spf1 ip4:192.0.2.1" " -all"`). Join quoted chunks
 * the way RFC 7208 §3.3 does (no separator), drop remaining quotes, collapse whitespace.
 */
export function normalizeTxt(record: string): string {
  return record
    .replace(/"\s*"/g, '')
    .replace(/"/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** RFC 7208 §4.5: `v=spf1` followed by a space or the end of the record, in any case. */
export function isSpfRecord(record: string): boolean {
  return /^v=spf1( |$)/i.test(normalizeTxt(record));
}

/** Judges the TXT records published at `domain`. */
export function parseSpf(records: readonly string[], domain: string): SpfResult {
  const spfRecords = records.map(normalizeTxt).filter(isSpfRecord);
  if (spfRecords.length === 0) return { kind: 'none', reason: `no SPF record is published at ${domain}` };
  if (spfRecords.length > 1) {
    return {
      kind: 'permerror',
      records: spfRecords,
      reason: `${spfRecords.length} SPF records are published at ${domain}; receivers treat more than one as a permanent error`,
    };
  }
  return parseSpfRecord(spfRecords[0]);
}

const MECHANISM = /^([+\-~?]?)(all|include|a|mx|ptr|ip4|ip6|exists)(?=$|[:/])(.*)$/i;
const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/i;
const MECHANISMS_NEEDING_ARGUMENT = new Set(['include', 'exists', 'ip4', 'ip6']);
// RFC 7208 §6: these modifiers may appear at most once.
const SINGLE_MODIFIERS = new Set(['redirect', 'exp']);

type Term =
  | { type: 'mechanism'; qualifier: SpfQualifier; name: string; argument: string }
  | { type: 'modifier'; name: string; value: string };

function parseSpfRecord(record: string): SpfResult {
  const permerror = (why: string): SpfResult => ({ kind: 'permerror', records: [record], reason: `the SPF record is invalid: ${why}` });
  const terms: Term[] = [];
  // The first term is the `v=spf1` version itself.
  for (const text of record.split(' ').slice(1)) {
    const term = parseTerm(text);
    if (typeof term === 'string') return permerror(term);
    if (term.type === 'modifier' && SINGLE_MODIFIERS.has(term.name) && terms.some((seen) => seen.type === 'modifier' && seen.name === term.name)) {
      return permerror(`${term.name}= appears more than once`);
    }
    terms.push(term);
  }
  return judgeTerms(record, terms);
}

/** A term, or why it is not one. */
function parseTerm(text: string): Term | string {
  const mechanism = MECHANISM.exec(text);
  if (mechanism) {
    const [, qualifier, rawName, argument] = mechanism;
    const name = rawName.toLowerCase();
    if (name === 'all' && argument !== '') return `"${text}": all takes no argument`;
    if (MECHANISMS_NEEDING_ARGUMENT.has(name) && !/^:./.test(argument)) return `"${text}": ${name} needs a value after ":"`;
    // RFC 7208 §4.6.2: a mechanism without a qualifier means "+".
    return { type: 'mechanism', qualifier: toQualifier(qualifier), name, argument };
  }
  const modifier = MODIFIER.exec(text);
  if (modifier) return { type: 'modifier', name: modifier[1].toLowerCase(), value: modifier[2] };
  return `"${text}" is not a known mechanism or modifier`;
}

function toQualifier(text: string): SpfQualifier {
  return (SPF_QUALIFIERS as readonly string[]).includes(text) ? (text as SpfQualifier) : '+';
}

function judgeTerms(record: string, terms: readonly Term[]): SpfResult {
  // Evaluation stops at the first `all`, and RFC 7208 §6.1 ignores redirect= when `all` is present.
  const all = terms.find((term) => term.type === 'mechanism' && term.name === 'all');
  if (all?.type === 'mechanism') return { kind: 'all', record, qualifier: all.qualifier, reason: describeAll(all.qualifier) };
  const redirect = terms.find((term) => term.type === 'modifier' && term.name === 'redirect');
  if (redirect?.type === 'modifier') {
    return {
      kind: 'redirect',
      record,
      target: redirect.value,
      reason: `the SPF record has no all mechanism and redirects to ${redirect.value}, so its policy is decided there and was not checked`,
    };
  }
  return { kind: 'no_all', record, reason: 'SPF record does not end with an all mechanism' };
}

function describeAll(qualifier: SpfQualifier): string {
  switch (qualifier) {
    case '-':
      return 'the SPF record ends in -all: mail from unlisted servers fails';
    case '~':
      return 'the SPF record ends in ~all (soft fail): mail from unlisted servers is only marked suspicious';
    case '?':
      return 'the SPF record ends in ?all (neutral): it says nothing about unlisted servers';
    case '+':
      return 'the SPF record ends in +all: every server on the internet may send as the domain';
  }
}
