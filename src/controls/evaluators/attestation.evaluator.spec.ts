import { describe, expect, it } from '@jest/globals';
import { attestationEvaluator } from './attestation.evaluator.js';
import type { EvaluationContext, EvidenceAttestation, Outcome } from './evaluator.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY_MS);
const daysAhead = (days: number): Date => new Date(NOW.getTime() + days * DAY_MS);
const CONTROL_ID = 'control-security-training';

/** Signed 30 days ago, valid for a year from then. */
function attestation(overrides: Partial<EvidenceAttestation> = {}): EvidenceAttestation {
  return {
    id: 'attestation-1',
    statement: 'All staff completed security awareness training this year',
    attestedBy: 'Dana Reyes',
    attestedAt: daysAgo(30),
    expiresAt: daysAhead(335),
    evidenceUrl: 'https://docs.example/training-2026.pdf',
    ...overrides,
  };
}

function contextWith(attestations: Record<string, EvidenceAttestation>): EvaluationContext {
  return {
    controlId: CONTROL_ID,
    now: NOW,
    evidence: {
      client: { id: 'client-1', name: 'Acme Dental', status: 'active', domains: ['acme.example'], seats: 12, baseline: null },
      assets: [],
      facts: new Map(),
      attestations: new Map(Object.entries(attestations)),
      dns: new Map(),
    },
  };
}

function evaluate(signed: EvidenceAttestation | null, maxAgeDays = 365): Outcome {
  return attestationEvaluator.evaluate({ maxAgeDays }, contextWith(signed ? { [CONTROL_ID]: signed } : {}));
}

describe('attestationEvaluator.evaluate', () => {
  it('has the attestation kind', () => {
    expect(attestationEvaluator.kind).toBe('attestation');
  });

  it('passes a current attestation, saying who signed it and until when it holds', () => {
    const outcome = evaluate(attestation());
    expect(outcome).toEqual({
      status: 'pass',
      fraction: 1,
      summary: 'Attested: attested by Dana Reyes on 2026-10-24, valid until 2027-10-24',
      evidence: {
        attestationId: 'attestation-1',
        statement: 'All staff completed security awareness training this year',
        attestedBy: 'Dana Reyes',
        attestedAt: daysAgo(30).toISOString(),
        expiresAt: daysAhead(335).toISOString(),
        evidenceUrl: 'https://docs.example/training-2026.pdf',
      },
      failingAssets: [],
    });
  });

  it('keeps a missing evidence link as null', () => {
    expect(evaluate(attestation({ evidenceUrl: null })).evidence).toMatchObject({ evidenceUrl: null });
  });

  it('gives no_data when nobody has attested', () => {
    expect(evaluate(null)).toEqual({ status: 'no_data', fraction: null, summary: 'Nobody has attested to this control for this client yet', evidence: {}, failingAssets: [] });
  });

  it('does not count an attestation made for another control', () => {
    const outcome = attestationEvaluator.evaluate({ maxAgeDays: 365 }, contextWith({ 'control-backup-policy': attestation() }));
    expect(outcome.status).toBe('no_data');
  });

  it('fails an expired attestation, saying when it expired', () => {
    const outcome = evaluate(attestation({ attestedAt: daysAgo(100), expiresAt: new Date('2026-11-01T00:00:00Z') }));
    expect(outcome).toMatchObject({ status: 'fail', fraction: 0, summary: 'Attestation expired on 2026-11-01 (attested by Dana Reyes on 2026-08-15)' });
    expect(outcome.evidence).toMatchObject({ attestationId: 'attestation-1', expiresAt: '2026-11-01T00:00:00.000Z' });
  });

  it('fails an attestation that expires at this very moment', () => {
    expect(evaluate(attestation({ expiresAt: NOW })).status).toBe('fail');
  });

  it('passes an attestation that expires a moment from now', () => {
    expect(evaluate(attestation({ expiresAt: new Date(NOW.getTime() + 1000) })).status).toBe('pass');
  });

  it('fails an attestation older than maxAgeDays even when it has not expired', () => {
    const outcome = evaluate(attestation({ attestedAt: daysAgo(400.5), expiresAt: daysAhead(1000) }));
    expect(outcome).toMatchObject({ status: 'fail', fraction: 0, summary: 'Attestation is 400 days old (at most 365 accepted; attested by Dana Reyes on 2025-10-19)' });
  });

  it('passes an attestation exactly maxAgeDays old', () => {
    expect(evaluate(attestation({ attestedAt: daysAgo(365), expiresAt: daysAhead(30) })).status).toBe('pass');
  });

  it('fails an attestation a minute past maxAgeDays', () => {
    expect(evaluate(attestation({ attestedAt: new Date(daysAgo(90).getTime() - 60_000) }), 90).status).toBe('fail');
  });

  it('reports expiry first when an attestation is both expired and too old', () => {
    expect(evaluate(attestation({ attestedAt: daysAgo(800), expiresAt: daysAgo(70) })).summary).toBe('Attestation expired on 2026-09-14 (attested by Dana Reyes on 2024-09-14)');
  });

  it('with maxAgeDays 0 only accepts an attestation signed now', () => {
    expect(evaluate(attestation({ attestedAt: NOW }), 0).status).toBe('pass');
    expect(evaluate(attestation({ attestedAt: daysAgo(1) }), 0).status).toBe('fail');
  });
});

describe('attestationEvaluator.validate', () => {
  it('accepts maxAgeDays from 0 to 3650 days', () => {
    expect(attestationEvaluator.validate({ maxAgeDays: 365 })).toEqual([]);
    expect(attestationEvaluator.validate({ maxAgeDays: 0 })).toEqual([]);
    expect(attestationEvaluator.validate({ maxAgeDays: 3650 })).toEqual([]);
  });

  it.each([[-1], [1.5], [3651], ['365'], [null]])('refuses maxAgeDays %j', (maxAgeDays) => {
    expect(attestationEvaluator.validate({ maxAgeDays })).toEqual([{ field: 'maxAgeDays', message: 'maxAgeDays must be a whole number of days from 0 to 3650' }]);
  });

  it('refuses a missing maxAgeDays', () => {
    expect(attestationEvaluator.validate({})).toEqual([{ field: 'maxAgeDays', message: 'maxAgeDays must be a whole number of days from 0 to 3650' }]);
  });

  it('refuses unknown fields', () => {
    expect(attestationEvaluator.validate({ maxAgeDays: 365, expiresInDays: 30 })).toEqual([
      { field: 'expiresInDays', message: 'expiresInDays is not a parameter of this evaluator (expected: maxAgeDays)' },
    ]);
  });
});
