/**
 * The settings form and the PUT body it sends. A PUT replaces the whole override at one level, so
 * the form starts from that level's stored override; an empty field (or "Inherit") sends null,
 * which inherits from the level above.
 */
import type { FieldProblem } from '../../components/form-errors.js';
import type { ControlSetting, SettingTarget } from './types.js';

/** How a parameter is typed in, decided by the type of its default value. */
export type ParamInputKind = 'number' | 'boolean' | 'text' | 'json' | 'any';

export interface SettingsFormValues {
  enabled: 'inherit' | 'on' | 'off';
  /** Empty inherits. */
  weight: string;
  applicability: 'inherit' | 'applies' | 'not_applicable';
  notApplicableReason: string;
  /** Parameter name → typed-in value; empty inherits. */
  params: Record<string, string>;
}

export interface SettingsBody {
  level: SettingTarget['level'];
  baselineId?: string;
  clientId?: string;
  enabled: boolean | null;
  weight: number | null;
  params: Record<string, unknown>;
  notApplicable: boolean | null;
  notApplicableReason?: string;
}

export function paramKindOf(defaultValue: unknown): ParamInputKind {
  if (typeof defaultValue === 'number') return 'number';
  if (typeof defaultValue === 'boolean') return 'boolean';
  if (typeof defaultValue === 'string') return 'text';
  if (defaultValue === null || defaultValue === undefined) return 'any';
  return 'json';
}

/** A stored parameter value as it stands in its input. */
export function paramInputText(value: unknown, kind: ParamInputKind): string {
  if (value === undefined) return '';
  if (kind === 'text' && typeof value === 'string') return value;
  if (kind === 'any' && typeof value === 'string') return value;
  if (kind === 'json') return JSON.stringify(value, null, 2);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** A typed-in parameter value for the API; `any` takes JSON when it parses and text otherwise. */
export function parseParamInput(raw: string, kind: ParamInputKind): Parsed {
  const text = raw.trim();
  switch (kind) {
    case 'number': {
      const value = Number(text);
      return text !== '' && Number.isFinite(value) ? { ok: true, value } : { ok: false, message: 'must be a number' };
    }
    case 'boolean':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, message: 'must be yes or no' };
    case 'text':
      return { ok: true, value: raw };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, message: 'must be valid JSON (a list in [ ] or an object in { })' };
      }
    case 'any':
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: true, value: raw };
      }
  }
}

export function formFromOverride(override: ControlSetting | undefined, kinds: Record<string, ParamInputKind>): SettingsFormValues {
  const params = Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, paramInputText(override?.params[name], kind)]));
  for (const [name, value] of Object.entries(override?.params ?? {})) {
    if (!(name in params)) params[name] = paramInputText(value, 'any');
  }
  return {
    enabled: override?.enabled === true ? 'on' : override?.enabled === false ? 'off' : 'inherit',
    weight: override?.weight === null || override?.weight === undefined ? '' : String(override.weight),
    applicability: override?.notApplicable === true ? 'not_applicable' : override?.notApplicable === false ? 'applies' : 'inherit',
    notApplicableReason: override?.notApplicableReason ?? '',
    params,
  };
}

/** The PUT body for a form, or the fields that cannot be sent as typed (named as the API names them). */
export function bodyFromForm(values: SettingsFormValues, target: SettingTarget, kinds: Record<string, ParamInputKind>): { body: SettingsBody } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let weight: number | null = null;
  if (values.weight.trim() !== '') {
    weight = Number(values.weight.trim());
    if (!Number.isFinite(weight)) problems.push({ field: 'weight', message: 'Weight must be a number from 0 to 10' });
  }
  const params: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(values.params)) {
    if (raw.trim() === '') continue;
    const parsed = parseParamInput(raw, kinds[name] ?? 'any');
    if (parsed.ok) params[name] = parsed.value;
    else problems.push({ field: `params.${name}`, message: `${name} ${parsed.message}` });
  }
  if (problems.length > 0) return { problems };
  const notApplicable = values.applicability === 'inherit' ? null : values.applicability === 'not_applicable';
  const body: SettingsBody = {
    ...targetFields(target),
    enabled: values.enabled === 'inherit' ? null : values.enabled === 'on',
    weight,
    params,
    notApplicable,
  };
  if (notApplicable) body.notApplicableReason = values.notApplicableReason.trim();
  return { body };
}

/** Whether a body would store an override that sets nothing (everything inherits). */
export function setsNothing(body: SettingsBody): boolean {
  return body.enabled === null && body.weight === null && body.notApplicable === null && Object.keys(body.params).length === 0;
}

function targetFields(target: SettingTarget): Pick<SettingsBody, 'level' | 'baselineId' | 'clientId'> {
  if (target.level === 'baseline') return { level: 'baseline', baselineId: target.baselineId };
  if (target.level === 'client') return { level: 'client', clientId: target.clientId };
  return { level: 'tenant' };
}

/** `DELETE /controls/:id/settings?level=…`: the address that removes the override at a target. */
export function settingsPath(controlId: string, target: SettingTarget): string {
  const query = Object.entries(targetFields(target)).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return `/controls/${encodeURIComponent(controlId)}/settings?${new URLSearchParams(query).toString()}`;
}

/** `tenant`, `baseline:<id>`, `client:<id>`: a target as a select's value. */
export function targetKey(target: SettingTarget): string {
  if (target.level === 'baseline') return `baseline:${target.baselineId}`;
  if (target.level === 'client') return `client:${target.clientId}`;
  return 'tenant';
}

export function parseTargetKey(key: string): SettingTarget | null {
  if (key === 'tenant') return { level: 'tenant' };
  const [level, id] = key.split(':');
  if (level === 'baseline' && id) return { level: 'baseline', baselineId: id };
  if (level === 'client' && id) return { level: 'client', clientId: id };
  return null;
}

/** The stored override at a target, if that level has one. */
export function overrideFor(overrides: readonly ControlSetting[], target: SettingTarget): ControlSetting | undefined {
  return overrides.find((override) => {
    if (override.level !== target.level) return false;
    if (target.level === 'baseline') return override.baselineId === target.baselineId;
    if (target.level === 'client') return override.clientId === target.clientId;
    return true;
  });
}
