import { describe, expect, it } from '@jest/globals';
import { assetShareEvaluator } from './asset-share.evaluator.js';
import type { EvaluationContext, EvidenceAsset, Outcome } from './evaluator.js';
import type { AssetCondition, AssetShareParams } from './params.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY_MS);
const daysAhead = (days: number): Date => new Date(NOW.getTime() + days * DAY_MS);

/** A healthy, recently seen workstation; each test changes only what it is about. */
function asset(name: string, overrides: Partial<EvidenceAsset> = {}): EvidenceAsset {
  return {
    id: `id-${name.toLowerCase()}`,
    kind: 'workstation',
    name,
    hostname: `${name.toLowerCase()}.acme.local`,
    source: 'ninjaone',
    osName: 'Windows 11 Pro',
    osVersion: '23H2',
    lastSeenAt: daysAgo(1),
    antivirusProduct: 'Microsoft Defender',
    antivirusStatus: 'Active',
    patchStatus: 'Up to date',
    missingPatches: 0,
    diskEncrypted: true,
    warrantyEndsAt: daysAhead(365),
    lastBackupAt: daysAgo(1),
    ...overrides,
  };
}

/** `meeting` encrypted workstations and `failing` unencrypted ones. */
function fleet(meeting: number, failing: number): EvidenceAsset[] {
  return [
    ...Array.from({ length: meeting }, (_, index) => asset(`OK-${index + 1}`)),
    ...Array.from({ length: failing }, (_, index) => asset(`BAD-${index + 1}`, { diskEncrypted: false })),
  ];
}

const ENCRYPTED: AssetCondition = { field: 'diskEncrypted', op: 'eq', value: true };

function params(overrides: Partial<AssetShareParams> = {}): AssetShareParams {
  return { kinds: ['workstation'], conditions: [ENCRYPTED], passAt: 1, failBelow: 0, seenWithinDays: null, whenNoAssets: 'no_data', ...overrides };
}

function contextWith(assets: EvidenceAsset[]): EvaluationContext {
  return {
    controlId: 'control-1',
    now: NOW,
    evidence: {
      client: { id: 'client-1', name: 'Acme Dental', status: 'active', domains: ['acme.example'], seats: 12, baseline: null },
      assets,
      facts: new Map(),
      attestations: new Map(),
      dns: new Map(),
    },
  };
}

function evaluate(assets: EvidenceAsset[], overrides: Partial<AssetShareParams> = {}): Outcome {
  return assetShareEvaluator.evaluate(params(overrides), contextWith(assets));
}

/** Evaluates one asset against one condition: null when it meets it, else the reason it does not. */
function reasonFor(condition: AssetCondition, overrides: Partial<EvidenceAsset>): string | null {
  const outcome = evaluate([asset('PC-1', overrides), asset('PC-2')], { conditions: [condition] });
  return outcome.failingAssets.find((failing) => failing.name === 'PC-1')?.reason ?? null;
}

function fieldsOf(problems: { field: string }[]): string[] {
  return problems.map((problem) => problem.field);
}

describe('assetShareEvaluator.evaluate', () => {
  it('has the asset_share kind', () => {
    expect(assetShareEvaluator.kind).toBe('asset_share');
  });

  describe('when there is nothing to check', () => {
    it('gives no_data when the client has no asset at all and whenNoAssets is no_data', () => {
      const outcome = evaluate([]);
      expect(outcome).toMatchObject({ status: 'no_data', fraction: null, summary: 'No workstation assets recorded', failingAssets: [] });
      expect(outcome.evidence).toMatchObject({ assetsOfKind: 0, assetsConsidered: 0 });
    });

    it('gives not_applicable when the client has no asset at all and whenNoAssets is not_applicable', () => {
      const outcome = evaluate([], { whenNoAssets: 'not_applicable' });
      expect(outcome).toMatchObject({ status: 'not_applicable', fraction: null, summary: 'No workstation assets recorded', failingAssets: [] });
    });

    it('ignores assets of other kinds, so a client with only servers has no workstation to check', () => {
      const servers = [asset('SRV-1', { kind: 'server', diskEncrypted: false }), asset('SRV-2', { kind: 'server' })];
      expect(evaluate(servers, { whenNoAssets: 'not_applicable' })).toMatchObject({ status: 'not_applicable', summary: 'No workstation assets recorded' });
      expect(evaluate(servers)).toMatchObject({ status: 'no_data', summary: 'No workstation assets recorded' });
    });

    it('names every kind it looks for', () => {
      expect(evaluate([], { kinds: ['server', 'network'] }).summary).toBe('No server or network assets recorded');
    });

    it('gives no_data when every asset of the kind is stale, saying how many were left out', () => {
      const stale = [asset('OLD-1', { lastSeenAt: daysAgo(45) }), asset('OLD-2', { lastSeenAt: daysAgo(90) })];
      const outcome = evaluate(stale, { seenWithinDays: 30 });
      expect(outcome).toMatchObject({ status: 'no_data', fraction: null, summary: 'No workstation asset seen in the last 30 days (2 older)' });
      expect(outcome.evidence).toMatchObject({ assetsOfKind: 2, assetsConsidered: 0 });
    });
  });

  describe('which assets count', () => {
    it('counts only the listed kinds', () => {
      const assets = [asset('WS-1'), asset('SRV-1', { kind: 'server' }), asset('PHONE-1', { kind: 'mobile', diskEncrypted: false })];
      const outcome = evaluate(assets, { kinds: ['workstation', 'server'] });
      expect(outcome).toMatchObject({ status: 'pass', summary: '2 of 2 workstation or server assets meet the control (100%; pass at 100%)' });
      expect(outcome.evidence).toMatchObject({ kinds: ['workstation', 'server'], assetsOfKind: 2, assetsConsidered: 2, assetsMeeting: 2 });
    });

    it('leaves out assets not seen within seenWithinDays, so a long-gone laptop does not fail the control', () => {
      const assets = [asset('WS-1'), asset('WS-2', { lastSeenAt: daysAgo(29) }), asset('GONE', { lastSeenAt: daysAgo(31), diskEncrypted: false })];
      const outcome = evaluate(assets, { seenWithinDays: 30 });
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1, summary: '2 of 2 workstation assets meet the control (100%; pass at 100%)', failingAssets: [] });
      expect(outcome.evidence).toMatchObject({ assetsOfKind: 3, assetsConsidered: 2 });
    });

    it('still counts an asset seen exactly seenWithinDays ago, and not one seen a minute earlier', () => {
      const edge = evaluate([asset('EDGE', { lastSeenAt: daysAgo(30), diskEncrypted: false }), asset('WS-1')], { seenWithinDays: 30 });
      expect(edge.evidence).toMatchObject({ assetsConsidered: 2 });
      expect(edge.failingAssets.map((failing) => failing.name)).toEqual(['EDGE']);

      const older = evaluate([asset('OLDER', { lastSeenAt: new Date(daysAgo(30).getTime() - 60_000), diskEncrypted: false }), asset('WS-1')], { seenWithinDays: 30 });
      expect(older.evidence).toMatchObject({ assetsConsidered: 1 });
      expect(older.status).toBe('pass');
    });

    it('leaves out assets never seen when seenWithinDays is set', () => {
      const outcome = evaluate([asset('NEVER', { lastSeenAt: null, diskEncrypted: false }), asset('WS-1')], { seenWithinDays: 30 });
      expect(outcome.status).toBe('pass');
      expect(outcome.evidence).toMatchObject({ assetsOfKind: 2, assetsConsidered: 1 });
    });

    it('counts every active asset, however old or never seen, when seenWithinDays is null', () => {
      const assets = [asset('ANCIENT', { lastSeenAt: daysAgo(3000) }), asset('NEVER', { lastSeenAt: null }), asset('BAD', { lastSeenAt: daysAgo(400), diskEncrypted: false })];
      const outcome = evaluate(assets, { seenWithinDays: null, failBelow: 0.5 });
      expect(outcome.evidence).toMatchObject({ assetsConsidered: 3, assetsMeeting: 2 });
      expect(outcome.status).toBe('partial');
    });

    it('counts an asset seen today with seenWithinDays 0', () => {
      expect(evaluate([asset('NOW', { lastSeenAt: NOW })], { seenWithinDays: 0 }).status).toBe('pass');
    });
  });

  describe('scoring the share of assets that meet the control', () => {
    it('passes when every asset meets the control', () => {
      const outcome = evaluate(fleet(3, 0));
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1, summary: '3 of 3 workstation assets meet the control (100%; pass at 100%)', failingAssets: [] });
      expect(outcome.evidence).toMatchObject({ assetsMeeting: 3, assetsUnreported: 0 });
    });

    it('passes with full credit when the share is exactly passAt', () => {
      const outcome = evaluate(fleet(19, 1), { passAt: 0.95, failBelow: 0.8 });
      expect(outcome).toMatchObject({ status: 'pass', fraction: 1, summary: '19 of 20 workstation assets meet the control (95%; pass at 95%)' });
      expect(outcome.failingAssets).toHaveLength(1);
    });

    it('earns the share as partial credit between failBelow and passAt', () => {
      const outcome = evaluate(fleet(14, 2), { passAt: 0.95, failBelow: 0.8 });
      expect(outcome).toMatchObject({ status: 'partial', fraction: 0.875, summary: '14 of 16 workstation assets meet the control (87.5%; pass at 95%)' });
    });

    it('earns partial credit (not a fail) when the share is exactly failBelow', () => {
      expect(evaluate(fleet(16, 4), { passAt: 0.95, failBelow: 0.8 })).toMatchObject({ status: 'partial', fraction: 0.8 });
    });

    it('fails outright just below failBelow', () => {
      const outcome = evaluate(fleet(15, 5), { passAt: 0.95, failBelow: 0.8 });
      expect(outcome).toMatchObject({ status: 'fail', fraction: 0, summary: '15 of 20 workstation assets meet the control (75%; pass at 95%)' });
      expect(outcome.failingAssets).toHaveLength(5);
    });

    it('fails when no asset meets the control', () => {
      expect(evaluate(fleet(0, 3), { failBelow: 0 })).toMatchObject({ status: 'fail', fraction: 0, summary: '0 of 3 workstation assets meet the control (0%; pass at 100%)' });
    });

    it('gives a small share partial credit when failBelow is 0', () => {
      expect(evaluate(fleet(1, 9), { failBelow: 0 })).toMatchObject({ status: 'partial', fraction: 0.1 });
    });

    it('has no partial band when failBelow equals passAt', () => {
      expect(evaluate(fleet(9, 1), { passAt: 0.9, failBelow: 0.9 })).toMatchObject({ status: 'pass', fraction: 1 });
      expect(evaluate(fleet(8, 2), { passAt: 0.9, failBelow: 0.9 })).toMatchObject({ status: 'fail', fraction: 0 });
    });

    it('passes anything with passAt 0', () => {
      expect(evaluate(fleet(0, 4), { passAt: 0, failBelow: 0 })).toMatchObject({ status: 'pass', fraction: 1 });
    });

    it('rounds the shown percentage down to one decimal, never overstating the share', () => {
      expect(evaluate(fleet(2, 1), { failBelow: 0 }).summary).toBe('2 of 3 workstation assets meet the control (66.6%; pass at 100%)');
    });

    it('keeps the parameters and counts in the evidence', () => {
      const outcome = evaluate([...fleet(2, 1), asset('NULL', { diskEncrypted: null })], { failBelow: 0 });
      expect(outcome.evidence).toEqual({ kinds: ['workstation'], conditions: [ENCRYPTED], assetsOfKind: 4, assetsConsidered: 4, assetsMeeting: 2, assetsUnreported: 1 });
    });
  });

  describe('failing assets', () => {
    it('lists each failing asset with its id, name and reason', () => {
      const outcome = evaluate([asset('FRONT-DESK', { diskEncrypted: false }), asset('RECEPTION')], { failBelow: 0 });
      expect(outcome.failingAssets).toEqual([{ id: 'id-front-desk', name: 'FRONT-DESK', reason: 'disk encryption is false (expected true)' }]);
    });

    it('names an asset by its hostname when it has no name, and by its id when it has neither', () => {
      const outcome = evaluate([asset('A', { name: null, hostname: 'pc-a.acme.local', diskEncrypted: false }), asset('B', { name: null, hostname: null, diskEncrypted: false })]);
      expect(outcome.failingAssets.map((failing) => failing.name)).toEqual(['pc-a.acme.local', 'id-b']);
    });

    it('requires every condition and reports the first one an asset does not meet', () => {
      const conditions: AssetCondition[] = [ENCRYPTED, { field: 'missingPatches', op: 'lte', value: 2 }];
      const outcome = evaluate(
        [asset('BOTH', { diskEncrypted: false, missingPatches: 9 }), asset('PATCHES', { missingPatches: 5 }), asset('GOOD')],
        { conditions, failBelow: 0 },
      );
      expect(outcome.failingAssets.map(({ name, reason }) => [name, reason])).toEqual([
        ['BOTH', 'disk encryption is false (expected true)'],
        ['PATCHES', 'missing patches is 5 (at most 2 allowed)'],
      ]);
      expect(outcome).toMatchObject({ status: 'partial', summary: '1 of 3 workstation assets meet the control (33.3%; pass at 100%)' });
    });
  });

  describe('assets that do not report a field', () => {
    it('counts an asset without the value as failing, with "not reported" as the reason', () => {
      const outcome = evaluate([asset('SILENT', { diskEncrypted: null }), asset('WS-1')], { failBelow: 0 });
      expect(outcome).toMatchObject({ status: 'partial', fraction: 0.5 });
      expect(outcome.failingAssets).toEqual([{ id: 'id-silent', name: 'SILENT', reason: 'disk encryption not reported' }]);
      expect(outcome.evidence).toMatchObject({ assetsUnreported: 1, assetsMeeting: 1 });
    });

    it('treats an empty text as not reported', () => {
      expect(reasonFor({ field: 'antivirusStatus', op: 'eq', value: 'active' }, { antivirusStatus: '' })).toBe('antivirus status not reported');
    });

    it('gives no_data when no asset reports the field, still listing them', () => {
      const outcome = evaluate([asset('A', { diskEncrypted: null }), asset('B', { diskEncrypted: null })]);
      expect(outcome).toMatchObject({ status: 'no_data', fraction: null, summary: 'None of 2 workstation assets reports the data this control needs' });
      expect(outcome.failingAssets.map(({ name, reason }) => [name, reason])).toEqual([
        ['A', 'disk encryption not reported'],
        ['B', 'disk encryption not reported'],
      ]);
      expect(outcome.evidence).toMatchObject({ assetsUnreported: 2, assetsMeeting: 0 });
    });

    it('scores normally when some assets report and fail while others do not report', () => {
      const outcome = evaluate([asset('A', { diskEncrypted: null }), asset('B', { diskEncrypted: false })]);
      expect(outcome).toMatchObject({ status: 'fail', fraction: 0 });
      expect(outcome.failingAssets.map((failing) => failing.reason)).toEqual(['disk encryption not reported', 'disk encryption is false (expected true)']);
    });

    it.each<[AssetCondition, Partial<EvidenceAsset>, string]>([
      [{ field: 'antivirusStatus', op: 'neq', value: 'disabled' }, { antivirusStatus: null }, 'antivirus status not reported'],
      [{ field: 'osName', op: 'not_in', value: ['Windows 7'] }, { osName: null }, 'operating system not reported'],
      [{ field: 'osName', op: 'not_contains_any', value: ['xp'] }, { osName: null }, 'operating system not reported'],
      [{ field: 'missingPatches', op: 'lte', value: 2 }, { missingPatches: null }, 'missing patches not reported'],
      [{ field: 'lastBackupAt', op: 'within_days', value: 7 }, { lastBackupAt: null }, 'last backup not reported'],
      [{ field: 'warrantyEndsAt', op: 'future_days', value: 0 }, { warrantyEndsAt: null }, 'warranty end not reported'],
      [{ field: 'antivirusProduct', op: 'present' }, { antivirusProduct: null }, 'antivirus product not reported'],
    ])('fails %j for a missing value, even for the negative operators', (condition, overrides, reason) => {
      expect(reasonFor(condition, overrides)).toBe(reason);
    });
  });

  describe('condition operators', () => {
    it('eq compares text ignoring case and surrounding spaces', () => {
      const condition: AssetCondition = { field: 'antivirusStatus', op: 'eq', value: 'active' };
      expect(reasonFor(condition, { antivirusStatus: '  ACTIVE ' })).toBeNull();
      expect(reasonFor(condition, { antivirusStatus: 'Disabled' })).toBe('antivirus status is "Disabled" (expected "active")');
    });

    it('eq compares booleans and numbers exactly', () => {
      expect(reasonFor(ENCRYPTED, { diskEncrypted: true })).toBeNull();
      expect(reasonFor(ENCRYPTED, { diskEncrypted: false })).toBe('disk encryption is false (expected true)');
      expect(reasonFor({ field: 'diskEncrypted', op: 'eq', value: false }, { diskEncrypted: false })).toBeNull();
      expect(reasonFor({ field: 'missingPatches', op: 'eq', value: 0 }, { missingPatches: 0 })).toBeNull();
      expect(reasonFor({ field: 'missingPatches', op: 'eq', value: 0 }, { missingPatches: 1 })).toBe('missing patches is 1 (expected 0)');
    });

    it('eq can test the asset kind', () => {
      expect(reasonFor({ field: 'kind', op: 'eq', value: 'WORKSTATION' }, {})).toBeNull();
    });

    it('neq fails only the matching value, ignoring case', () => {
      const condition: AssetCondition = { field: 'antivirusStatus', op: 'neq', value: 'disabled' };
      expect(reasonFor(condition, { antivirusStatus: 'Active' })).toBeNull();
      expect(reasonFor(condition, { antivirusStatus: 'DISABLED' })).toBe('antivirus status is "DISABLED"');
      expect(reasonFor({ field: 'diskEncrypted', op: 'neq', value: false }, { diskEncrypted: false })).toBe('disk encryption is false');
      expect(reasonFor({ field: 'missingPatches', op: 'neq', value: 3 }, { missingPatches: 2 })).toBeNull();
    });

    it('in accepts any listed value, ignoring case', () => {
      const condition: AssetCondition = { field: 'osName', op: 'in', value: ['Windows 11 Pro', 'Windows 10 Pro'] };
      expect(reasonFor(condition, { osName: 'windows 10 pro' })).toBeNull();
      expect(reasonFor(condition, { osName: 'macOS 14' })).toBe('operating system is "macOS 14" (expected "Windows 11 Pro" or "Windows 10 Pro")');
    });

    it('in needs the whole value to match, not part of it', () => {
      expect(reasonFor({ field: 'osName', op: 'in', value: ['Windows 11'] }, { osName: 'Windows 11 Pro' })).toBe('operating system is "Windows 11 Pro" (expected "Windows 11")');
    });

    it('not_in refuses the listed values, ignoring case', () => {
      const condition: AssetCondition = { field: 'osName', op: 'not_in', value: ['Windows 7', 'Windows XP'] };
      expect(reasonFor(condition, { osName: 'WINDOWS 7' })).toBe('operating system is "WINDOWS 7"');
      expect(reasonFor(condition, { osName: 'Windows 7 Professional' })).toBeNull();
    });

    it('contains_any accepts a value containing any listed part, ignoring case', () => {
      const condition: AssetCondition = { field: 'antivirusProduct', op: 'contains_any', value: ['SentinelOne', 'CrowdStrike'] };
      expect(reasonFor(condition, { antivirusProduct: 'sentinelone agent 23.4' })).toBeNull();
      expect(reasonFor(condition, { antivirusProduct: 'CROWDSTRIKE Falcon' })).toBeNull();
      expect(reasonFor(condition, { antivirusProduct: 'Microsoft Defender' })).toBe('antivirus product is "Microsoft Defender" (expected "SentinelOne" or "CrowdStrike")');
    });

    it('not_contains_any refuses a value containing any listed part, naming the part found', () => {
      const condition: AssetCondition = { field: 'osName', op: 'not_contains_any', value: ['windows 7', 'XP'] };
      expect(reasonFor(condition, { osName: 'Windows 7 Professional' })).toBe('operating system is "Windows 7 Professional" ("windows 7" is not allowed)');
      expect(reasonFor(condition, { osName: 'Windows xp' })).toBe('operating system is "Windows xp" ("XP" is not allowed)');
      expect(reasonFor(condition, { osName: 'Windows 11 Pro' })).toBeNull();
    });

    it('lte accepts values up to and including the limit', () => {
      const condition: AssetCondition = { field: 'missingPatches', op: 'lte', value: 2 };
      expect(reasonFor(condition, { missingPatches: 2 })).toBeNull();
      expect(reasonFor(condition, { missingPatches: 0 })).toBeNull();
      expect(reasonFor(condition, { missingPatches: 3 })).toBe('missing patches is 3 (at most 2 allowed)');
    });

    it('gte accepts values from the limit up', () => {
      const condition: AssetCondition = { field: 'missingPatches', op: 'gte', value: 2 };
      expect(reasonFor(condition, { missingPatches: 2 })).toBeNull();
      expect(reasonFor(condition, { missingPatches: 1 })).toBe('missing patches is 1 (at least 2 required)');
    });

    it('within_days accepts a date exactly that many days old, and not older', () => {
      const condition: AssetCondition = { field: 'lastBackupAt', op: 'within_days', value: 7 };
      expect(reasonFor(condition, { lastBackupAt: daysAgo(7) })).toBeNull();
      expect(reasonFor(condition, { lastBackupAt: daysAgo(8.5) })).toBe('last backup 8 days ago (within 7 required)');
    });

    it('within_days accepts a date in the future', () => {
      expect(reasonFor({ field: 'lastBackupAt', op: 'within_days', value: 0 }, { lastBackupAt: daysAhead(1) })).toBeNull();
    });

    it('future_days requires the date at least that many days away', () => {
      const condition: AssetCondition = { field: 'warrantyEndsAt', op: 'future_days', value: 30 };
      expect(reasonFor(condition, { warrantyEndsAt: daysAhead(30) })).toBeNull();
      expect(reasonFor(condition, { warrantyEndsAt: daysAhead(400) })).toBeNull();
      expect(reasonFor(condition, { warrantyEndsAt: daysAhead(10) })).toBe('warranty end 2026-12-03 (less than 30 days away)');
    });

    it('future_days says when the date has already passed', () => {
      expect(reasonFor({ field: 'warrantyEndsAt', op: 'future_days', value: 30 }, { warrantyEndsAt: daysAgo(10) })).toBe('warranty end 2026-11-13 (passed)');
      expect(reasonFor({ field: 'warrantyEndsAt', op: 'future_days', value: 0 }, { warrantyEndsAt: daysAgo(1) })).toBe('warranty end 2026-11-22 (passed)');
    });

    it('present accepts any reported value, including false and 0', () => {
      expect(reasonFor({ field: 'diskEncrypted', op: 'present' }, { diskEncrypted: false })).toBeNull();
      expect(reasonFor({ field: 'missingPatches', op: 'present' }, { missingPatches: 0 })).toBeNull();
      expect(reasonFor({ field: 'antivirusProduct', op: 'present' }, { antivirusProduct: 'Defender' })).toBeNull();
    });
  });
});

describe('assetShareEvaluator.validate', () => {
  const valid = { kinds: ['workstation'], conditions: [{ field: 'diskEncrypted', op: 'eq', value: true }], passAt: 0.95, failBelow: 0.8, seenWithinDays: 30, whenNoAssets: 'no_data' };
  const validate = (overrides: Record<string, unknown>) => assetShareEvaluator.validate({ ...valid, ...overrides });
  const validateCondition = (condition: unknown) => validate({ conditions: [condition] });

  it('accepts complete, sensible parameters', () => {
    expect(assetShareEvaluator.validate(valid)).toEqual([]);
  });

  it.each<AssetCondition>([
    { field: 'osName', op: 'eq', value: 'Windows 11' },
    { field: 'osName', op: 'neq', value: 'Windows 7' },
    { field: 'osName', op: 'in', value: ['Windows 11 Pro', 'Windows 10 Pro'] },
    { field: 'osName', op: 'not_in', value: ['Windows 7'] },
    { field: 'antivirusProduct', op: 'contains_any', value: ['Defender'] },
    { field: 'antivirusStatus', op: 'not_contains_any', value: ['disabled', 'expired'] },
    { field: 'kind', op: 'eq', value: 'server' },
    { field: 'missingPatches', op: 'eq', value: 0 },
    { field: 'missingPatches', op: 'neq', value: 5 },
    { field: 'missingPatches', op: 'lte', value: 2 },
    { field: 'missingPatches', op: 'gte', value: -1.5 },
    { field: 'diskEncrypted', op: 'eq', value: true },
    { field: 'diskEncrypted', op: 'neq', value: false },
    { field: 'lastBackupAt', op: 'within_days', value: 0 },
    { field: 'lastSeenAt', op: 'within_days', value: 3650 },
    { field: 'warrantyEndsAt', op: 'future_days', value: 30 },
    { field: 'warrantyEndsAt', op: 'present' },
    { field: 'hostname', op: 'present' },
  ])('accepts the condition %j', (condition) => {
    expect(validateCondition(condition)).toEqual([]);
  });

  it('accepts seenWithinDays null, 0 and 3650, failBelow equal to passAt and whenNoAssets not_applicable', () => {
    expect(validate({ seenWithinDays: null })).toEqual([]);
    expect(validate({ seenWithinDays: 0 })).toEqual([]);
    expect(validate({ seenWithinDays: 3650 })).toEqual([]);
    expect(validate({ passAt: 0.9, failBelow: 0.9 })).toEqual([]);
    expect(validate({ passAt: 0, failBelow: 0 })).toEqual([]);
    expect(validate({ passAt: 1, failBelow: 1 })).toEqual([]);
    expect(validate({ whenNoAssets: 'not_applicable' })).toEqual([]);
    expect(validate({ kinds: ['workstation', 'server', 'network', 'mobile', 'other'] })).toEqual([]);
  });

  it('refuses a field it does not know, naming it', () => {
    const problems = validate({ passat: 0.9 });
    expect(problems).toEqual([{ field: 'passat', message: expect.stringContaining('passat is not a parameter of this evaluator') }]);
    expect(problems[0]!.message).toContain('expected: kinds, conditions, passAt, failBelow, seenWithinDays, whenNoAssets');
  });

  it('reports every missing parameter', () => {
    expect(fieldsOf(assetShareEvaluator.validate({}))).toEqual(['kinds', 'conditions', 'passAt', 'failBelow', 'seenWithinDays', 'whenNoAssets']);
  });

  it.each([[[]], [['laptop']], [['workstation', 'workstation']], ['workstation'], [null]])('refuses kinds %j', (kinds) => {
    expect(validate({ kinds })).toEqual([{ field: 'kinds', message: 'kinds must be a non-empty list of distinct asset kinds: workstation, server, network, mobile, other' }]);
  });

  it.each([[[]], [null], [{ field: 'diskEncrypted', op: 'eq', value: true }], [Array.from({ length: 11 }, () => ({ field: 'diskEncrypted', op: 'eq', value: true }))]])('refuses conditions %j', (conditions) => {
    expect(validate({ conditions })).toEqual([{ field: 'conditions', message: 'conditions must be a list of 1 to 10 conditions' }]);
  });

  it('accepts ten conditions', () => {
    expect(validate({ conditions: Array.from({ length: 10 }, () => ({ field: 'diskEncrypted', op: 'eq', value: true })) })).toEqual([]);
  });

  it.each([['diskEncrypted'], [null], [['diskEncrypted', 'eq', true]]])('refuses a condition that is not an object: %j', (condition) => {
    expect(validateCondition(condition)).toEqual([{ field: 'conditions[0]', message: 'conditions[0] must be an object {field, op, value}' }]);
  });

  it('names the condition by its position', () => {
    const problems = validate({ conditions: [{ field: 'diskEncrypted', op: 'eq', value: true }, { field: 'missingPatches', op: 'lte', value: 'two' }] });
    expect(problems).toEqual([{ field: 'conditions[1].value', message: 'conditions[1].value must be a number' }]);
  });

  it('refuses an unknown asset field', () => {
    const problems = validateCondition({ field: 'id', op: 'present' });
    expect(fieldsOf(problems)).toEqual(['conditions[0].field']);
    expect(problems[0]!.message).toContain('conditions[0].field must be one of: kind, name, hostname');
    expect(fieldsOf(validateCondition({ field: 'encrypted', op: 'eq', value: true }))).toEqual(['conditions[0].field']);
  });

  it.each([['constructor'], ['toString'], ['__proto__'], ['hasOwnProperty']])('refuses the field name %j (an inherited object key) instead of throwing', (field) => {
    expect(fieldsOf(validateCondition({ field, op: 'eq', value: 'x' }))).toEqual(['conditions[0].field']);
  });

  it('refuses keys that are not part of a condition', () => {
    expect(validateCondition({ field: 'osName', op: 'in', values: ['Windows 11'] })).toEqual([
      { field: 'conditions[0].values', message: 'conditions[0].values is not part of a condition (expected field, op, value)' },
      { field: 'conditions[0].value', message: 'conditions[0].value must be a list of 1 to 50 non-empty texts (up to 100 characters)' },
    ]);
  });

  it.each<[string, string, string]>([
    ['osName', 'gte', 'eq, neq, in, not_in, contains_any, not_contains_any, present for text field osName'],
    ['osName', 'within_days', 'eq, neq, in, not_in, contains_any, not_contains_any, present for text field osName'],
    ['missingPatches', 'contains_any', 'eq, neq, lte, gte, present for number field missingPatches'],
    ['missingPatches', 'in', 'eq, neq, lte, gte, present for number field missingPatches'],
    ['diskEncrypted', 'lte', 'eq, neq, present for boolean field diskEncrypted'],
    ['diskEncrypted', 'within_days', 'eq, neq, present for boolean field diskEncrypted'],
    ['lastSeenAt', 'eq', 'within_days, future_days, present for date field lastSeenAt'],
    ['warrantyEndsAt', 'gte', 'within_days, future_days, present for date field warrantyEndsAt'],
    ['osName', 'absent', 'eq, neq, in, not_in, contains_any, not_contains_any, present for text field osName'],
  ])('refuses op %s on %s as wrong for the field type', (field, op, allowed) => {
    expect(validateCondition({ field, op, value: 1 })).toEqual([{ field: 'conditions[0].op', message: `conditions[0].op must be one of ${allowed}` }]);
  });

  it('refuses a condition without an op', () => {
    expect(fieldsOf(validateCondition({ field: 'osName', value: 'Windows' }))).toEqual(['conditions[0].op']);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ field: 'osName', op: 'eq', value: 11 }, 'conditions[0].value must be a string'],
    [{ field: 'osName', op: 'neq' }, 'conditions[0].value must be a string'],
    [{ field: 'diskEncrypted', op: 'eq', value: 'true' }, 'conditions[0].value must be a boolean'],
    [{ field: 'diskEncrypted', op: 'neq', value: 1 }, 'conditions[0].value must be a boolean'],
    [{ field: 'missingPatches', op: 'eq', value: '0' }, 'conditions[0].value must be a number'],
    [{ field: 'missingPatches', op: 'eq', value: Number.NaN }, 'conditions[0].value must be a number'],
    [{ field: 'missingPatches', op: 'neq', value: Number.POSITIVE_INFINITY }, 'conditions[0].value must be a number'],
    [{ field: 'missingPatches', op: 'lte', value: '2' }, 'conditions[0].value must be a number'],
    [{ field: 'missingPatches', op: 'gte', value: Number.NaN }, 'conditions[0].value must be a number'],
    [{ field: 'missingPatches', op: 'gte', value: null }, 'conditions[0].value must be a number'],
    [{ field: 'lastBackupAt', op: 'within_days', value: 1.5 }, 'conditions[0].value must be a whole number of days from 0 to 3650'],
    [{ field: 'lastBackupAt', op: 'within_days', value: -1 }, 'conditions[0].value must be a whole number of days from 0 to 3650'],
    [{ field: 'warrantyEndsAt', op: 'future_days', value: 3651 }, 'conditions[0].value must be a whole number of days from 0 to 3650'],
    [{ field: 'warrantyEndsAt', op: 'future_days', value: '30' }, 'conditions[0].value must be a whole number of days from 0 to 3650'],
    [{ field: 'osName', op: 'present', value: true }, 'conditions[0].value must be left out for op present'],
    [{ field: 'osName', op: 'present', value: null }, 'conditions[0].value must be left out for op present'],
  ])('refuses the value of %j', (condition, message) => {
    expect(validateCondition(condition)).toEqual([{ field: 'conditions[0].value', message }]);
  });

  it.each([
    ['in', 'Windows 11'],
    ['in', []],
    ['not_in', ['Windows 7', '']],
    ['contains_any', ['   ']],
    ['contains_any', ['Defender', 5]],
    ['not_contains_any', ['x'.repeat(101)]],
    ['not_contains_any', Array.from({ length: 51 }, (_, index) => `os-${index}`)],
  ])('refuses %s with the list %j', (op, value) => {
    expect(validateCondition({ field: 'osName', op, value })).toEqual([
      { field: 'conditions[0].value', message: 'conditions[0].value must be a list of 1 to 50 non-empty texts (up to 100 characters)' },
    ]);
  });

  it('accepts a list of 50 texts of 100 characters', () => {
    expect(validateCondition({ field: 'osName', op: 'in', value: Array.from({ length: 50 }, (_, index) => `${index}`.padEnd(100, 'x')) })).toEqual([]);
  });

  it.each([[1.5], [-0.1], ['0.95'], [null], [Number.NaN]])('refuses passAt and failBelow %j as a share', (value) => {
    expect(validate({ passAt: value, failBelow: value })).toEqual([
      { field: 'passAt', message: 'passAt must be a share from 0 to 1 (0.95 means 95%)' },
      { field: 'failBelow', message: 'failBelow must be a share from 0 to 1 (0.95 means 95%)' },
    ]);
  });

  it('refuses failBelow above passAt', () => {
    expect(validate({ passAt: 0.8, failBelow: 0.9 })).toEqual([{ field: 'failBelow', message: 'failBelow must not be above passAt' }]);
  });

  it.each([[1.5], [-1], [3651], ['30'], [undefined]])('refuses seenWithinDays %j', (seenWithinDays) => {
    expect(validate({ seenWithinDays })).toEqual([{ field: 'seenWithinDays', message: 'seenWithinDays must be a whole number of days from 0 to 3650, or null' }]);
  });

  it.each([['skip'], [null], ['NOT_APPLICABLE']])('refuses whenNoAssets %j', (whenNoAssets) => {
    expect(validate({ whenNoAssets })).toEqual([{ field: 'whenNoAssets', message: 'whenNoAssets must be one of: no_data, not_applicable' }]);
  });

  it('reports several problems at once', () => {
    const problems = validate({ extra: 1, kinds: [], passAt: 2, conditions: [{ field: 'osName', op: 'lte', value: 1 }, { field: 'diskEncrypted', op: 'eq', value: 'yes' }] });
    expect(fieldsOf(problems)).toEqual(['extra', 'kinds', 'conditions[0].op', 'conditions[1].value', 'passAt']);
  });
});
