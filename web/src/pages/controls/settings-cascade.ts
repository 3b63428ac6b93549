/**
 * How the settings cascade (control default → tenant → baseline → client) reads on screen: each
 * effective value with where it came from, and which level a change at one level inherits from.
 */
import type { Baseline, Client } from '../../api/domain.js';
import type { Control, EffectiveSettings, SettingSource, SettingTarget } from './types.js';

/** The level a row of effective settings belongs to, with the names its sources are told by. */
export type CascadeScope =
  | { level: 'tenant' }
  | { level: 'baseline'; baselineName: string }
  | { level: 'client'; clientName: string; baselineName: string | null };

export interface PresentedValue {
  text: string;
  source: SettingSource;
  /** "default", "from tenant", "from baseline Premium", "from client". */
  sourceLabel: string;
  /** Set at the row's own level rather than inherited. */
  own: boolean;
}

export interface PresentedSettings {
  enabled: PresentedValue;
  weight: PresentedValue;
  applicability: PresentedValue;
  params: (PresentedValue & { name: string })[];
}

export function sourceLabel(source: SettingSource, scope: CascadeScope): string {
  switch (source) {
    case 'default':
      return 'default';
    case 'tenant':
      return 'from tenant';
    case 'baseline':
      if (scope.level === 'tenant' || !scope.baselineName) return 'from baseline';
      return `from baseline ${scope.baselineName}`;
    case 'client':
      return 'from client';
  }
}

/** A parameter value in words: lists joined, booleans as yes/no, structures as compact JSON. */
export function formatParamValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) return value.join(', ');
  return JSON.stringify(value);
}

/** `maxEvidenceAgeDays` → `Max evidence age days`. */
export function paramLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The parameter names to show: the control's own, in its order, then any others a level added. */
export function paramNames(control: Pick<Control, 'evaluator'>, effective: EffectiveSettings): string[] {
  const names = Object.keys(control.evaluator.params);
  return [...names, ...Object.keys(effective.params).filter((name) => !names.includes(name))];
}

export function presentSettings(effective: EffectiveSettings, scope: CascadeScope, names: readonly string[]): PresentedSettings {
  const present = (text: string, source: SettingSource): PresentedValue => ({ text, source, sourceLabel: sourceLabel(source, scope), own: source === scope.level });
  return {
    enabled: present(effective.enabled ? 'Enabled' : 'Disabled', effective.sources.enabled),
    weight: present(String(effective.weight), effective.sources.weight),
    applicability: present(effective.notApplicableReason === null ? 'Applies' : `Not applicable: ${effective.notApplicableReason}`, effective.sources.notApplicable),
    params: names.map((name) => ({ name, ...present(formatParamValue(effective.params[name]), effective.sources.params[name] ?? 'default') })),
  };
}

/** The control's own defaults, before any level changes them. */
export function defaultsOf(control: Pick<Control, 'evaluator'>): EffectiveSettings {
  const params = control.evaluator.params;
  return {
    enabled: true,
    weight: 1,
    params,
    notApplicableReason: null,
    sources: { enabled: 'default', weight: 'default', notApplicable: 'default', params: Object.fromEntries(Object.keys(params).map((name) => [name, 'default' as const])) },
  };
}

/** One row of the cascade table: a level and the settings in effect there. */
export interface CascadeRow {
  key: string;
  label: string;
  target: SettingTarget;
  scope: CascadeScope;
  effective: EffectiveSettings;
}

export interface CascadeInput {
  tenant: EffectiveSettings;
  baselines: { baseline: Baseline; effective: EffectiveSettings }[];
  client: { client: Pick<Client, 'id' | 'name' | 'baseline'>; effective: EffectiveSettings } | null;
}

export function cascadeRows({ tenant, baselines, client }: CascadeInput): CascadeRow[] {
  const rows: CascadeRow[] = [{ key: 'tenant', label: 'Tenant (all clients)', target: { level: 'tenant' }, scope: { level: 'tenant' }, effective: tenant }];
  for (const { baseline, effective } of baselines) {
    rows.push({ key: `baseline:${baseline.id}`, label: `Baseline ${baseline.name}`, target: { level: 'baseline', baselineId: baseline.id }, scope: { level: 'baseline', baselineName: baseline.name }, effective });
  }
  if (client) {
    rows.push({
      key: `client:${client.client.id}`,
      label: `Client ${client.client.name}`,
      target: { level: 'client', clientId: client.client.id },
      scope: { level: 'client', clientName: client.client.name, baselineName: client.client.baseline },
      effective: client.effective,
    });
  }
  return rows;
}

/**
 * The settings a level inherits when it sets nothing itself: the defaults for the tenant, the
 * tenant's for a baseline, and the client's baseline's (or the tenant's) for a client.
 */
export function inheritedFor(target: SettingTarget, rows: readonly CascadeRow[], defaults: EffectiveSettings): { effective: EffectiveSettings; scope: CascadeScope } | null {
  const tenant = rows.find((row) => row.target.level === 'tenant');
  if (target.level === 'tenant') return { effective: defaults, scope: { level: 'tenant' } };
  if (!tenant) return null;
  if (target.level === 'baseline') return { effective: tenant.effective, scope: tenant.scope };
  const client = rows.find((row) => row.target.level === 'client' && row.target.clientId === target.clientId);
  const baselineName = client?.scope.level === 'client' ? client.scope.baselineName : null;
  const baseline = rows.find((row) => row.scope.level === 'baseline' && row.scope.baselineName === baselineName);
  return baseline ? { effective: baseline.effective, scope: baseline.scope } : { effective: tenant.effective, scope: tenant.scope };
}
