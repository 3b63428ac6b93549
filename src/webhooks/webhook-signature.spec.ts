import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { parseSignatureHeader, verify } from '../../test/support/webhook-receiver-check.js';
import { generateSecret, sign } from './webhook-signature.js';

const secret = 'whsec_test-secret';
const body = '{"id":"3f1c","type":"ping","data":{"name":"Zoë"}}';
const t = 1_760_000_000;

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 keyed by the whole secret, as a receiver recomputes it', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(sign(secret, body, t)).toBe(`t=${t},v1=${expected}`);
  });

  it('carries one v1 per secret while a rotated-out secret still signs; either verifies', () => {
    const header = sign([secret, 'whsec_old'], body, t);
    expect(header.split(',')).toHaveLength(3);
    expect(verify(header, body, secret, { now: t })).toEqual({ valid: true, timestamp: t });
    expect(verify(header, body, 'whsec_old', { now: t })).toEqual({ valid: true, timestamp: t });
    expect(verify(header, body, 'whsec_other', { now: t })).toEqual({ valid: false, reason: 'No signature matches the secret' });
  });

  it('refuses a changed body, a missing or malformed header, and a timestamp outside the tolerance', () => {
    const header = sign(secret, body, t);
    expect(verify(header, body.replace('Zoë', 'Zoe'), secret, { now: t }).valid).toBe(false);
    expect(verify(undefined, body, secret, { now: t })).toEqual({ valid: false, reason: 'No Rampart-Signature header' });
    expect(verify('v1=abc', body, secret, { now: t }).valid).toBe(false);
    expect(verify(header, body, secret, { now: t + 301 })).toEqual({ valid: false, reason: 'The timestamp is more than 300 seconds from now' });
    expect(verify(header, body, secret, { now: t - 301 }).valid).toBe(false);
    expect(verify(header, body, secret, { now: t + 301, toleranceSeconds: 600 }).valid).toBe(true);
  });

  it('verifies raw bytes the same as the text they encode', () => {
    expect(verify(sign(secret, body, t), Buffer.from(body, 'utf8'), secret, { now: t }).valid).toBe(true);
  });

  it('parses t and every v1, ignoring schemes it does not know', () => {
    const v1 = 'a'.repeat(64);
    expect(parseSignatureHeader(`t=${t}, v0=zzz, v1=${v1}`)).toEqual({ timestamp: t, signatures: [v1] });
    expect(parseSignatureHeader(`v1=${v1}`)).toBeUndefined();
    expect(parseSignatureHeader(`t=soon,v1=${v1}`)).toBeUndefined();
  });

  it('generates whsec_ secrets of 32 random bytes', () => {
    const one = generateSecret();
    expect(one).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(one.slice('whsec_'.length), 'base64url')).toHaveLength(32);
    expect(generateSecret()).not.toBe(one);
  });
});
