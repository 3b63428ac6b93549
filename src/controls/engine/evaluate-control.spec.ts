import { describe, expect, it } from '@jest/globals';
import type { ClientEvidence, EvidenceAsset, EvidenceFact } from '../evaluators/evaluator.js';
import type { EvaluatorKind } from '../evaluators/params.js';
import { type EffectiveSettings, resolveSettings, type SettingLayer } from '../settings/effective-settings.js';
import { type ControlUnderEvaluation, evaluateControl } from './evaluate-control.js';
import { type AcceptedRisk, exceptionsFor, summarizeException } from './exceptions.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY_MS);
const daysAhead = (days: number): Date => new Date(NOW.getTime() + days * DAY_MS);

const CONTROL_ID = 'control-mfa';
const CLIENT_ID = 'client-acme';

const MFA_PARAMS = { fact: 'mfa.enforced', expected: true, maxEvidenceAgeDays: 30 };
const EDR_PARAMS = { fact: 'edr.coverage', operator: 'gte', threshold: 1, partialFrom: 0, maxEvidenceAgeDays: 30 };
const ENCRYPTION_PARAMS = { kinds: ['workstation'], conditions: [{ field: 'diskEncrypted', op: 'eq', value: true }], passAt: 1, failBelow: 0.5, seenWithinDays: null, whenNoAssets: 'not_applicable' };

function control(evaluatorKind: EvaluatorKind, params: Record<string, unknown>, layers: SettingLayer[] = []): ControlUnderEvaluation {
  return { id: CONTROL_ID, key: 'identity.mfa', name: 'MFA is enforced', category: 'identity', severity: 'critical', evaluatorKind, settings: resolveSettings(params, layers) };
}

const mfaControl = (layers: SettingLayer[] = []) => control('boolean_fact', MFA_PARAMS, layers);

function fact(value: unknown): EvidenceFact {
  return { value, observedAt: daysAgo(1), source: 'entra' };
}

function asset(name: string, diskEncrypted: boolean | null): EvidenceAsset {
  return {
    id: `id-${name.toLowerCase()}`,
    kind: 'workstation',
    name,
    hostname: null,
    source: 'ninjaone',
    osName: 'Windows 11 Pro',
    osVersion: '23H2',
    lastSeenAt: daysAgo(1),
    antivirusProduct: null,
    antivirusStatus: null,
    patchStatus: null,
    missingPatches: null,
    diskEncrypted,
    warrantyEndsAt: null,
    lastBackupAt: null,
  };
}

function evidence({ facts = {}, assets = [], baseline = 'Standard', clientId = CLIENT_ID }: { facts?: Record<string, EvidenceFact>; assets?: EvidenceAsset[]; baseline?: string | null; clientId?: string } = {}): ClientEvidence {
  return {
    client: { id: clientId, name: 'Acme Dental', status: 'active', domains: ['acme.example'], seats: 12, baseline },
    assets,
    facts: new Map(Object.entries(facts)),
    attestations: new Map(),
    dns: new Map(),
  };
}

const mfaOff = () => evidence({ facts: { 'mfa.enforced': fact(false) } });
const mfaOn = () => evidence({ facts: { 'mfa.enforced': fact(true) } });

function risk(overrides: Partial<AcceptedRisk> = {}): AcceptedRisk {
  return {
    id: 'risk-1',
    controlId: CONTROL_ID,
    clientId: CLIENT_ID,
    baselineName: null,
    owner: 'Dana Reyes',
    reason: 'Legacy line-of-business app cannot do MFA',
    compensatingControl: 'Conditional access restricted to the office network',
    expiresAt: new Date('2027-03-31T00:00:00Z'),
    ...overrides,
  };
}

function layer(level: SettingLayer['level'], overrides: Partial<Omit<SettingLayer, 'level'>>): SettingLayer {
  return { level, enabled: null, weight: null, params: {}, notApplicable: null, notApplicableReason: null, ...overrides };
}

describe('evaluateControl', () => {
  describe('results without exceptions', () => {
    it('describes the control and carries the evaluator outcome', () => {
      const result = evaluateControl(mfaControl([layer('client', { weight: 2 })]), mfaOn(), [], NOW);
      expect(result).toEqual({
        controlId: CONTROL_ID,
        controlKey: 'identity.mfa',
        name: 'MFA is enforced',
        category: 'identity',
        severity: 'critical',
        weight: 2,
        status: 'pass',
        fraction: 1,
        summary: 'mfa.enforced is true',
        evidence: { fact: 'mfa.enforced', value: true, observedAt: daysAgo(1).toISOString(), source: 'entra' },
        failingAssets: [],
        exception: null,
        notApplicableReason: null,
      });
    });

    it('reports a failing control as failed', () => {
      expect(evaluateControl(mfaControl(), mfaOff(), [], NOW)).toMatchObject({ status: 'fail', fraction: 0, summary: 'mfa.enforced is false (expected true)', exception: null });
    });

    it('runs the evaluator with the effective parameters', () => {
      const stale = evidence({ facts: { 'mfa.enforced': { value: true, observedAt: daysAgo(45), source: 'entra' } } });
      expect(evaluateControl(mfaControl(), stale, [], NOW).status).toBe('no_data');
      expect(evaluateControl(mfaControl([layer('client', { params: { maxEvidenceAgeDays: 60 } })]), stale, [], NOW).status).toBe('pass');
    });

    it('passes the control id to the evaluator (attestations are per control)', () => {
      const withAttestation: ClientEvidence = {
        ...evidence(),
        attestations: new Map([[CONTROL_ID, { id: 'att-1', statement: 'Done', attestedBy: 'Dana', attestedAt: daysAgo(10), expiresAt: daysAhead(100), evidenceUrl: null }]]),
      };
      expect(evaluateControl(control('attestation', { maxAgeDays: 365 }), withAttestation, [], NOW).status).toBe('pass');
    });

    it('gives the reason when the evaluator finds the control not applicable', () => {
      const result = evaluateControl(control('asset_share', ENCRYPTION_PARAMS), evidence(), [], NOW);
      expect(result).toMatchObject({ status: 'not_applicable', fraction: null, summary: 'No workstation assets recorded', notApplicableReason: 'No workstation assets recorded' });
    });

    it('gives an error result for settings that are invalid once the levels combine', () => {
      const result = evaluateControl(control('asset_share', ENCRYPTION_PARAMS, [layer('client', { params: { passAt: 0.4 } })]), evidence({ assets: [asset('WS-1', true)] }), [], NOW);
      expect(result).toMatchObject({ status: 'error', fraction: null, summary: "The control's settings are invalid: failBelow must not be above passAt", exception: null });
    });
  });

  describe('not applicable by setting', () => {
    const naLayers = [layer('baseline', { notApplicable: true, notApplicableReason: 'No on-premises servers' })];

    it('short-circuits with the reason and the level that set it', () => {
      const result = evaluateControl(mfaControl(naLayers), mfaOff(), [], NOW);
      expect(result).toEqual({
        controlId: CONTROL_ID,
        controlKey: 'identity.mfa',
        name: 'MFA is enforced',
        category: 'identity',
        severity: 'critical',
        weight: 1,
        status: 'not_applicable',
        fraction: null,
        summary: 'Not applicable: No on-premises servers',
        evidence: { setBy: 'baseline' },
        failingAssets: [],
        exception: null,
        notApplicableReason: 'No on-premises servers',
      });
    });

    it('does not run the evaluator, so even invalid parameters do not matter', () => {
      const broken = control('boolean_fact', { fact: 'Not A Key' }, naLayers);
      expect(evaluateControl(broken, mfaOff(), [], NOW)).toMatchObject({ status: 'not_applicable', summary: 'Not applicable: No on-premises servers' });
    });

    it('does not run the evaluator, so evidence that would make it throw does not matter', () => {
      const throwing: ClientEvidence = {
        ...evidence(),
        facts: {
          get(): never {
            throw new Error('the evaluator ran');
          },
        } as unknown as ReadonlyMap<string, EvidenceFact>,
      };
      expect(evaluateControl(mfaControl(naLayers), throwing, [], NOW).status).toBe('not_applicable');
      expect(evaluateControl(mfaControl(), throwing, [], NOW)).toMatchObject({ status: 'error', summary: 'The evaluator failed: the evaluator ran' });
    });

    it('stays not applicable when an exception is active, without showing it', () => {
      const result = evaluateControl(mfaControl(naLayers), mfaOff(), [risk()], NOW);
      expect(result).toMatchObject({ status: 'not_applicable', exception: null, evidence: { setBy: 'baseline' } });
    });

    it('is evaluated again once a client clears the baseline N/A', () => {
      const result = evaluateControl(mfaControl([...naLayers, layer('client', { notApplicable: false })]), mfaOff(), [], NOW);
      expect(result).toMatchObject({ status: 'fail', notApplicableReason: null });
    });

    it('works from hand-built settings too', () => {
      const settings: EffectiveSettings = { ...resolveSettings(MFA_PARAMS, []), notApplicable: { reason: 'Client has no Microsoft 365' } };
      const result = evaluateControl({ ...mfaControl(), settings }, mfaOff(), [], NOW);
      expect(result).toMatchObject({ status: 'not_applicable', summary: 'Not applicable: Client has no Microsoft 365', evidence: { setBy: 'default' } });
    });
  });

  describe('active exceptions', () => {
    it('turns a failing control into excepted, keeping the evaluator verdict in the evidence', () => {
      const result = evaluateControl(mfaControl(), mfaOff(), [risk()], NOW);
      expect(result).toEqual({
        controlId: CONTROL_ID,
        controlKey: 'identity.mfa',
        name: 'MFA is enforced',
        category: 'identity',
        severity: 'critical',
        weight: 1,
        status: 'excepted',
        fraction: null,
        summary: 'Accepted risk (owner Dana Reyes, until 2027-03-31): mfa.enforced is false (expected true)',
        evidence: { fact: 'mfa.enforced', value: false, observedAt: daysAgo(1).toISOString(), source: 'entra', evaluatedStatus: 'fail', evaluatedFraction: 0 },
        failingAssets: [],
        exception: {
          id: 'risk-1',
          owner: 'Dana Reyes',
          reason: 'Legacy line-of-business app cannot do MFA',
          compensatingControl: 'Conditional access restricted to the office network',
          expiresAt: '2027-03-31T00:00:00.000Z',
          scope: 'client',
        },
        notApplicableReason: null,
      });
    });

    it('turns a partial control into excepted, keeping its fraction in the evidence', () => {
      const result = evaluateControl(control('numeric_threshold', EDR_PARAMS), evidence({ facts: { 'edr.coverage': fact(0.5) } }), [risk()], NOW);
      expect(result).toMatchObject({ status: 'excepted', fraction: null, evidence: { evaluatedStatus: 'partial', evaluatedFraction: 0.5 } });
    });

    it('turns a no_data control into excepted', () => {
      const result = evaluateControl(mfaControl(), evidence(), [risk()], NOW);
      expect(result).toMatchObject({
        status: 'excepted',
        fraction: null,
        summary: 'Accepted risk (owner Dana Reyes, until 2027-03-31): No evidence: fact mfa.enforced has not been reported',
        evidence: { evaluatedStatus: 'no_data', evaluatedFraction: null },
      });
    });

    it('keeps the failing assets of an excepted control', () => {
      const assets = [asset('WS-1', true), asset('WS-2', false)];
      const result = evaluateControl(control('asset_share', ENCRYPTION_PARAMS), evidence({ assets }), [risk()], NOW);
      expect(result).toMatchObject({ status: 'excepted', evidence: { evaluatedStatus: 'partial', evaluatedFraction: 0.5 } });
      expect(result.failingAssets).toEqual([{ id: 'id-ws-2', name: 'WS-2', reason: 'disk encryption is false (expected true)' }]);
    });

    it('leaves a passing control a pass: the accepted risk is gone', () => {
      const result = evaluateControl(mfaControl(), mfaOn(), [risk()], NOW);
      expect(result).toMatchObject({ status: 'pass', fraction: 1, summary: 'mfa.enforced is true', exception: null });
      expect(result.evidence).not.toHaveProperty('evaluatedStatus');
    });

    it('leaves a control the evaluator finds not applicable as not applicable', () => {
      const result = evaluateControl(control('asset_share', ENCRYPTION_PARAMS), evidence(), [risk()], NOW);
      expect(result).toMatchObject({ status: 'not_applicable', exception: null, notApplicableReason: 'No workstation assets recorded' });
    });

    it('ignores an exception for another control', () => {
      expect(evaluateControl(mfaControl(), mfaOff(), [risk({ controlId: 'control-edr' })], NOW)).toMatchObject({ status: 'fail', exception: null });
    });

    it('ignores an exception for another client', () => {
      expect(evaluateControl(mfaControl(), mfaOff(), [risk({ clientId: 'client-other' })], NOW)).toMatchObject({ status: 'fail', exception: null });
    });

    it('uses the exception that lasts longest when several are active, whatever their order', () => {
      const soon = risk({ id: 'risk-soon', expiresAt: daysAhead(10) });
      const later = risk({ id: 'risk-later', clientId: null, baselineName: 'Standard', owner: 'Sam Ortiz', expiresAt: daysAhead(200) });
      const middle = risk({ id: 'risk-middle', expiresAt: daysAhead(100) });
      for (const risks of [[soon, later, middle], [later, middle, soon], [middle, soon, later]]) {
        const result = evaluateControl(mfaControl(), mfaOff(), risks, NOW);
        expect(result.exception).toMatchObject({ id: 'risk-later', owner: 'Sam Ortiz', scope: 'baseline' });
        expect(result.summary).toBe('Accepted risk (owner Sam Ortiz, until 2027-06-11): mfa.enforced is false (expected true)');
      }
    });
  });

  describe('baseline-scoped exceptions', () => {
    const baselineRisk = risk({ id: 'risk-baseline', clientId: null, baselineName: 'Standard' });

    it('applies to a client on that baseline', () => {
      const result = evaluateControl(mfaControl(), evidence({ facts: { 'mfa.enforced': fact(false) }, baseline: 'Standard' }), [baselineRisk], NOW);
      expect(result).toMatchObject({ status: 'excepted', exception: { id: 'risk-baseline', scope: 'baseline' } });
    });

    it('does not apply to a client on another baseline', () => {
      const result = evaluateControl(mfaControl(), evidence({ facts: { 'mfa.enforced': fact(false) }, baseline: 'Strict' }), [baselineRisk], NOW);
      expect(result).toMatchObject({ status: 'fail', exception: null });
    });

    it('does not apply to a client without a baseline', () => {
      const result = evaluateControl(mfaControl(), evidence({ facts: { 'mfa.enforced': fact(false) }, baseline: null }), [baselineRisk], NOW);
      expect(result).toMatchObject({ status: 'fail', exception: null });
    });
  });

  describe('expired exceptions', () => {
    const expired = risk({ id: 'risk-expired', expiresAt: new Date('2026-10-01T00:00:00Z') });

    it('are ignored, and shown beside the result', () => {
      const result = evaluateControl(mfaControl(), mfaOff(), [expired], NOW);
      expect(result).toMatchObject({ status: 'fail', fraction: 0, summary: 'mfa.enforced is false (expected true)', exception: null });
      expect(result.evidence).toEqual({
        fact: 'mfa.enforced',
        value: false,
        observedAt: daysAgo(1).toISOString(),
        source: 'entra',
        expiredException: {
          id: 'risk-expired',
          owner: 'Dana Reyes',
          reason: 'Legacy line-of-business app cannot do MFA',
          compensatingControl: 'Conditional access restricted to the office network',
          expiresAt: '2026-10-01T00:00:00.000Z',
          scope: 'client',
        },
      });
    });

    it('expire at the very moment of their expiry', () => {
      const result = evaluateControl(mfaControl(), mfaOff(), [risk({ expiresAt: NOW })], NOW);
      expect(result).toMatchObject({ status: 'fail', exception: null, evidence: { expiredException: { expiresAt: NOW.toISOString() } } });
    });

    it('are shown beside a passing result too', () => {
      expect(evaluateControl(mfaControl(), mfaOn(), [expired], NOW)).toMatchObject({ status: 'pass', evidence: { expiredException: { id: 'risk-expired' } } });
    });

    it('show the most recently expired one', () => {
      const older = risk({ id: 'risk-older', expiresAt: new Date('2026-01-01T00:00:00Z') });
      expect(evaluateControl(mfaControl(), mfaOff(), [older, expired], NOW).evidence).toMatchObject({ expiredException: { id: 'risk-expired' } });
      expect(evaluateControl(mfaControl(), mfaOff(), [expired, older], NOW).evidence).toMatchObject({ expiredException: { id: 'risk-expired' } });
    });

    it('are not shown while another exception is active', () => {
      const result = evaluateControl(mfaControl(), mfaOff(), [expired, risk({ id: 'risk-renewed' })], NOW);
      expect(result).toMatchObject({ status: 'excepted', exception: { id: 'risk-renewed' } });
      expect(result.evidence).not.toHaveProperty('expiredException');
    });

    it('of another baseline are not shown', () => {
      const otherBaseline = risk({ clientId: null, baselineName: 'Strict', expiresAt: daysAgo(5) });
      expect(evaluateControl(mfaControl(), mfaOff(), [otherBaseline], NOW).evidence).not.toHaveProperty('expiredException');
    });
  });
});

describe('exceptionsFor', () => {
  const client = { id: CLIENT_ID, baseline: 'Standard' };

  it('finds nothing without exceptions', () => {
    expect(exceptionsFor(CONTROL_ID, client, [], NOW)).toEqual({ active: null, expired: null });
  });

  it('separates the active exception that lasts longest from the most recently expired one', () => {
    const risks = [
      risk({ id: 'expired-long-ago', expiresAt: daysAgo(300) }),
      risk({ id: 'active-short', expiresAt: daysAhead(5) }),
      risk({ id: 'expired-recently', clientId: null, baselineName: 'Standard', expiresAt: daysAgo(2) }),
      risk({ id: 'active-long', clientId: null, baselineName: 'Standard', expiresAt: daysAhead(90) }),
      risk({ id: 'other-control', controlId: 'control-edr', expiresAt: daysAhead(900) }),
      risk({ id: 'other-client', clientId: 'client-other', expiresAt: daysAhead(900) }),
      risk({ id: 'other-baseline', clientId: null, baselineName: 'Strict', expiresAt: daysAhead(900) }),
    ];
    const { active, expired } = exceptionsFor(CONTROL_ID, client, risks, NOW);
    expect(active?.id).toBe('active-long');
    expect(expired?.id).toBe('expired-recently');
  });

  it('does not match a risk without a baseline to a client without one', () => {
    const unscoped = risk({ clientId: null, baselineName: null });
    expect(exceptionsFor(CONTROL_ID, { id: CLIENT_ID, baseline: null }, [unscoped], NOW)).toEqual({ active: null, expired: null });
  });
});

describe('summarizeException', () => {
  it('summarizes a client exception', () => {
    expect(summarizeException(risk({ compensatingControl: null }))).toEqual({
      id: 'risk-1',
      owner: 'Dana Reyes',
      reason: 'Legacy line-of-business app cannot do MFA',
      compensatingControl: null,
      expiresAt: '2027-03-31T00:00:00.000Z',
      scope: 'client',
    });
  });

  it('summarizes a baseline exception', () => {
    expect(summarizeException(risk({ clientId: null, baselineName: 'Standard' })).scope).toBe('baseline');
  });
});
