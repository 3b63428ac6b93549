/**
 * DKIM key records (RFC 6376 §3.6.1) and the tag-list syntax (§3.2) that DMARC reuses.
 * Pure functions over TXT record sets: no lookups happen here.
 */

import { normalizeTxt } from './spf.js';

/** One `name=value` pair of a tag list. Names are lower-cased; values are kept as written. */
export interface Tag {
  name: string;
  value: string;
}

export type TagListResult = { ok: true; tags: Tag[] } | { ok: false; reason: string };

const TAG_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Parses `tag=value; tag=value`. Tag names are compared without regard to case: a record that
 * receivers honour should not be reported as broken because someone typed `P=reject`.
 */
export function parseTagList(text: string): TagListResult {
  const tags: Tag[] = [];
  for (const spec of text.split(';')) {
    // RFC 6376 allows one trailing ';'; empty specs elsewhere (`p=none;;`) are tolerated as receivers do.
    if (spec.trim() === '') continue;
    const tag = parseTagSpec(spec);
    if (!tag.ok) return tag;
    if (tags.some((seen) => seen.name === tag.tag.name)) {
      // RFC 6376 §3.2: a duplicated tag makes the whole tag list invalid.
      return { ok: false, reason: `tag ${tag.tag.name} appears more than once` };
    }
    tags.push(tag.tag);
  }
  return { ok: true, tags };
}

function parseTagSpec(spec: string): { ok: true; tag: Tag } | { ok: false; reason: string } {
  const equals = spec.indexOf('=');
  if (equals === -1) return { ok: false, reason: `"${spec.trim()}" is not a tag=value pair` };
  const name = spec.slice(0, equals).trim().toLowerCase();
  if (!TAG_NAME.test(name)) return { ok: false, reason: `"${spec.slice(0, equals).trim()}" is not a valid tag name` };
  return { ok: true, tag: { name, value: spec.slice(equals + 1).trim() } };
}

export function tagValue(tags: readonly Tag[], name: string): string | undefined {
  return tags.find((tag) => tag.name === name)?.value;
}

export const DKIM_KEY_TYPES = ['rsa', 'ed25519'] as const;
export type DkimKeyType = (typeof DKIM_KEY_TYPES)[number];

export type DkimKeyResult =
  /** Nothing published at the selector (NXDOMAIN or no TXT record). */
  | { kind: 'missing'; reason: string }
  /** Something is published, but a verifier cannot use it. */
  | { kind: 'invalid'; records: string[]; reason: string }
  /** A well-formed record with an empty `p=`: the key was deliberately withdrawn. */
  | { kind: 'revoked'; record: string; keyType: DkimKeyType; reason: string }
  | { kind: 'key'; record: string; keyType: DkimKeyType; reason: string };

// Base64 with the folding whitespace RFC 6376 allows inside `p=` already removed.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Judges the TXT records found at `<selector>._domainkey.<domain>`. */
export function parseDkimKey(records: readonly string[], name: string): DkimKeyResult {
  const published = records.map(normalizeTxt).filter((record) => record !== '');
  if (published.length === 0) return { kind: 'missing', reason: `no DKIM key is published at ${name}` };
  if (published.length > 1) {
    // RFC 6376 §3.6.2.2: with several TXT records at a selector the results are undefined.
    return { kind: 'invalid', records: published, reason: `${published.length} TXT records are published at ${name}; a DKIM selector must have exactly one` };
  }
  return parseDkimRecord(published[0], name);
}

function parseDkimRecord(record: string, name: string): DkimKeyResult {
  const invalid = (why: string): DkimKeyResult => ({ kind: 'invalid', records: [record], reason: `the DKIM record at ${name} is invalid: ${why}` });
  const parsed = parseTagList(record);
  if (!parsed.ok) return invalid(parsed.reason);
  const { tags } = parsed;

  const versionIndex = tags.findIndex((tag) => tag.name === 'v');
  if (versionIndex > 0) return invalid('v=DKIM1 must be the first tag');
  if (versionIndex === 0 && tags[0].value !== 'DKIM1') return invalid(`v=${tags[0].value} is not DKIM1`);

  const keyType = (tagValue(tags, 'k') ?? 'rsa').toLowerCase();
  if (!isDkimKeyType(keyType)) return invalid(`key type k=${keyType} is not rsa or ed25519`);

  const publicKey = tagValue(tags, 'p');
  if (publicKey === undefined) return invalid('the p= tag (public key) is missing');
  const compactKey = publicKey.replace(/\s+/g, '');
  if (compactKey === '') return { kind: 'revoked', record, keyType, reason: `the DKIM key at ${name} is revoked (empty p=)` };
  if (!BASE64.test(compactKey)) return invalid('the public key in p= is not base64');
  return { kind: 'key', record, keyType, reason: `a ${keyType} DKIM key is published at ${name}` };
}

function isDkimKeyType(value: string): value is DkimKeyType {
  return (DKIM_KEY_TYPES as readonly string[]).includes(value);
}
