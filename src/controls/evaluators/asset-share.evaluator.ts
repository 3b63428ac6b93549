import { ASSET_KINDS } from '../../integrations/psa-connector.js';
import type { Evaluator, EvidenceAsset, FailingAsset, ParamProblem } from './evaluator.js';
import { graded, noData, notApplicable } from './outcome.js';
import { ageInDays, DAY_MS, days, knownFields, oneOf, problemsOf, share } from './param-checks.js';
import type { AssetCondition, AssetField, AssetShareParams } from './params.js';

type FieldType = 'text' | 'number' | 'boolean' | 'date';

const FIELDS: Record<AssetField, { type: FieldType; label: string }> = {
  kind: { type: 'text', label: 'kind' },
  name: { type: 'text', label: 'name' },
  hostname: { type: 'text', label: 'hostname' },
  source: { type: 'text', label: 'source' },
  osName: { type: 'text', label: 'operating system' },
  osVersion: { type: 'text', label: 'OS version' },
  antivirusProduct: { type: 'text', label: 'antivirus product' },
  antivirusStatus: { type: 'text', label: 'antivirus status' },
  patchStatus: { type: 'text', label: 'patch status' },
  missingPatches: { type: 'number', label: 'missing patches' },
  diskEncrypted: { type: 'boolean', label: 'disk encryption' },
  lastSeenAt: { type: 'date', label: 'last seen' },
  warrantyEndsAt: { type: 'date', label: 'warranty end' },
  lastBackupAt: { type: 'date', label: 'last backup' },
};

const OPERATORS_BY_TYPE: Record<FieldType, readonly AssetCondition['op'][]> = {
  text: ['eq', 'neq', 'in', 'not_in', 'contains_any', 'not_contains_any', 'present'],
  number: ['eq', 'neq', 'lte', 'gte', 'present'],
  boolean: ['eq', 'neq', 'present'],
  date: ['within_days', 'future_days', 'present'],
};

const PARAMS = ['kinds', 'conditions', 'passAt', 'failBelow', 'seenWithinDays', 'whenNoAssets'] as const;
const MAX_CONDITIONS = 10;
const MAX_LIST = 50;

export const assetShareEvaluator: Evaluator<AssetShareParams> = {
  kind: 'asset_share',

  validate(params) {
    const problems = problemsOf(
      knownFields(params, PARAMS),
      kindsProblem(params.kinds),
      conditionsProblems(params.conditions),
      share(params, 'passAt'),
      share(params, 'failBelow'),
      days(params, 'seenWithinDays', { nullable: true }),
      oneOf(params, 'whenNoAssets', ['no_data', 'not_applicable']),
    );
    if (problems.length === 0 && (params.failBelow as number) > (params.passAt as number)) {
      problems.push({ field: 'failBelow', message: 'failBelow must not be above passAt' });
    }
    return problems;
  },

  evaluate(params, context) {
    const kinds = params.kinds.join(' or ');
    const inScope = context.evidence.assets.filter((asset) => params.kinds.includes(asset.kind));
    const considered = params.seenWithinDays === null ? inScope : inScope.filter((asset) => asset.lastSeenAt !== null && ageInDays(asset.lastSeenAt, context.now) <= params.seenWithinDays!);
    const evidence: Record<string, unknown> = { kinds: params.kinds, conditions: params.conditions, assetsOfKind: inScope.length, assetsConsidered: considered.length };
    if (considered.length === 0) {
      const why = inScope.length === 0 ? `No ${kinds} assets recorded` : `No ${kinds} asset seen in the last ${params.seenWithinDays} days (${inScope.length} older)`;
      // Assets that exist but stopped reporting are missing evidence, never a reason to drop the control.
      return params.whenNoAssets === 'not_applicable' && inScope.length === 0 ? notApplicable(why, evidence) : noData(why, evidence);
    }

    const failing: FailingAsset[] = [];
    let unreported = 0;
    for (const asset of considered) {
      const verdict = firstUnmetCondition(asset, params.conditions, context.now);
      if (verdict === null) continue;
      if (verdict.unreported) unreported += 1;
      failing.push({ id: asset.id, name: asset.name ?? asset.hostname ?? asset.id, reason: verdict.reason });
    }
    evidence.assetsMeeting = considered.length - failing.length;
    evidence.assetsUnreported = unreported;

    if (unreported === considered.length) {
      return { ...noData(`None of ${considered.length} ${kinds} assets reports the data this control needs`, evidence), failingAssets: failing };
    }
    const meeting = considered.length - failing.length;
    const ratio = meeting / considered.length;
    const fraction = ratio >= params.passAt ? 1 : ratio < params.failBelow ? 0 : ratio;
    return graded(fraction, `${meeting} of ${considered.length} ${kinds} assets meet the control (${percent(ratio)}; pass at ${percent(params.passAt)})`, evidence, failing);
  },
};

function percent(value: number): string {
  return `${Math.floor(value * 1000) / 10}%`;
}

function kindsProblem(kinds: unknown): ParamProblem | null {
  const valid = Array.isArray(kinds) && kinds.length > 0 && kinds.every((kind) => (ASSET_KINDS as readonly unknown[]).includes(kind)) && new Set(kinds).size === kinds.length;
  return valid ? null : { field: 'kinds', message: `kinds must be a non-empty list of distinct asset kinds: ${ASSET_KINDS.join(', ')}` };
}

function conditionsProblems(conditions: unknown): ParamProblem[] {
  if (!Array.isArray(conditions) || conditions.length === 0 || conditions.length > MAX_CONDITIONS) {
    return [{ field: 'conditions', message: `conditions must be a list of 1 to ${MAX_CONDITIONS} conditions` }];
  }
  return conditions.flatMap((condition, index) => conditionProblems(condition, `conditions[${index}]`));
}

function conditionProblems(condition: unknown, at: string): ParamProblem[] {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return [{ field: at, message: `${at} must be an object {field, op, value}` }];
  const { field, op, value, ...rest } = condition as Record<string, unknown>;
  const extra = Object.keys(rest).map((key) => ({ field: `${at}.${key}`, message: `${at}.${key} is not part of a condition (expected field, op, value)` }));
  if (typeof field !== 'string' || !Object.hasOwn(FIELDS, field)) return [...extra, { field: `${at}.field`, message: `${at}.field must be one of: ${Object.keys(FIELDS).join(', ')}` }];
  const { type } = FIELDS[field as AssetField];
  const operators = OPERATORS_BY_TYPE[type];
  if (typeof op !== 'string' || !(operators as readonly string[]).includes(op)) {
    return [...extra, { field: `${at}.op`, message: `${at}.op must be one of ${operators.join(', ')} for ${type} field ${field}` }];
  }
  const problem = valueProblem(op as AssetCondition['op'], type, value, `${at}.value`);
  return problem ? [...extra, problem] : extra;
}

function valueProblem(op: AssetCondition['op'], type: FieldType, value: unknown, at: string): ParamProblem | null {
  switch (op) {
    case 'present':
      return value === undefined ? null : { field: at, message: `${at} must be left out for op present` };
    case 'eq':
    case 'neq': {
      const expected = type === 'text' ? 'string' : type;
      return typeof value === expected && (type !== 'number' || Number.isFinite(value)) ? null : { field: at, message: `${at} must be a ${expected}` };
    }
    case 'in':
    case 'not_in':
    case 'contains_any':
    case 'not_contains_any': {
      const valid = Array.isArray(value) && value.length > 0 && value.length <= MAX_LIST && value.every((item) => typeof item === 'string' && item.trim().length > 0 && item.length <= 100);
      return valid ? null : { field: at, message: `${at} must be a list of 1 to ${MAX_LIST} non-empty texts (up to 100 characters)` };
    }
    case 'lte':
    case 'gte':
      return typeof value === 'number' && Number.isFinite(value) ? null : { field: at, message: `${at} must be a number` };
    case 'within_days':
    case 'future_days':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 3650 ? null : { field: at, message: `${at} must be a whole number of days from 0 to 3650` };
  }
}

type Verdict = { reason: string; unreported: boolean } | null;

function firstUnmetCondition(asset: EvidenceAsset, conditions: AssetCondition[], now: Date): Verdict {
  for (const condition of conditions) {
    const verdict = checkCondition(asset, condition, now);
    if (verdict !== null) return verdict;
  }
  return null;
}

function checkCondition(asset: EvidenceAsset, condition: AssetCondition, now: Date): Verdict {
  const { label } = FIELDS[condition.field];
  const value = asset[condition.field];
  if (value === null || value === '') return { reason: `${label} not reported`, unreported: true };
  switch (condition.op) {
    case 'present':
      return null;
    case 'eq':
      return same(value, condition.value) ? null : unmet(`${label} is ${show(value)} (expected ${show(condition.value)})`);
    case 'neq':
      return same(value, condition.value) ? unmet(`${label} is ${show(value)}`) : null;
    case 'in':
      return condition.value.some((wanted) => same(value, wanted)) ? null : unmet(`${label} is ${show(value)} (expected ${condition.value.map(show).join(' or ')})`);
    case 'not_in':
      return condition.value.some((unwanted) => same(value, unwanted)) ? unmet(`${label} is ${show(value)}`) : null;
    case 'contains_any': {
      const text = String(value).toLowerCase();
      return condition.value.some((part) => text.includes(part.toLowerCase())) ? null : unmet(`${label} is ${show(value)} (expected ${condition.value.map(show).join(' or ')})`);
    }
    case 'not_contains_any': {
      const text = String(value).toLowerCase();
      const found = condition.value.find((part) => text.includes(part.toLowerCase()));
      return found === undefined ? null : unmet(`${label} is ${show(value)} (${show(found)} is not allowed)`);
    }
    case 'lte':
      return typeof value === 'number' && value <= condition.value ? null : unmet(`${label} is ${show(value)} (at most ${condition.value} allowed)`);
    case 'gte':
      return typeof value === 'number' && value >= condition.value ? null : unmet(`${label} is ${show(value)} (at least ${condition.value} required)`);
    case 'within_days': {
      const age = ageInDays(value as Date, now);
      return age <= condition.value ? null : unmet(`${label} ${Math.floor(age)} days ago (within ${condition.value} required)`);
    }
    case 'future_days': {
      const date = value as Date;
      return date.getTime() >= now.getTime() + condition.value * DAY_MS ? null : unmet(`${label} ${date.toISOString().slice(0, 10)}${date < now ? ' (passed)' : ` (less than ${condition.value} days away)`}`);
    }
  }
}

function unmet(reason: string): Verdict {
  return { reason, unreported: false };
}

function same(actual: unknown, expected: unknown): boolean {
  return typeof actual === 'string' && typeof expected === 'string' ? actual.trim().toLowerCase() === expected.trim().toLowerCase() : actual === expected;
}

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? `"${value}"` : String(value);
}

