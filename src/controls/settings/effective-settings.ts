import type { SettingLevel } from '../../database/schema.js';

/** Where an effective value came from: the control's own default or the level that set it. */
export type SettingSource = 'default' | SettingLevel;

/** One level's overrides; null (or an absent parameter) means "inherit". */
export interface SettingLayer {
  level: SettingLevel;
  enabled: boolean | null;
  weight: number | null;
  params: Record<string, unknown>;
  notApplicable: boolean | null;
  notApplicableReason: string | null;
}

export interface EffectiveSettings {
  enabled: boolean;
  weight: number;
  params: Record<string, unknown>;
  notApplicable: { reason: string } | null;
  sources: {
    enabled: SettingSource;
    weight: SettingSource;
    notApplicable: SettingSource;
    params: Record<string, SettingSource>;
  };
}

export const DEFAULT_WEIGHT = 1;
const LEVEL_ORDER: Record<SettingLevel, number> = { tenant: 0, baseline: 1, client: 2 };

/**
 * Built-in (or custom control) defaults, then tenant, baseline and client: each value comes from
 * the most specific level that sets it, and the answer says which level that was. Parameters
 * merge one by one, so a client can change a threshold without restating the rest.
 */
export function resolveSettings(defaultParams: Record<string, unknown>, layers: readonly SettingLayer[]): EffectiveSettings {
  const ordered = layers.toSorted((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const effective: EffectiveSettings = {
    enabled: true,
    weight: DEFAULT_WEIGHT,
    params: { ...defaultParams },
    notApplicable: null,
    sources: { enabled: 'default', weight: 'default', notApplicable: 'default', params: Object.fromEntries(Object.keys(defaultParams).map((key) => [key, 'default' as const])) },
  };
  for (const layer of ordered) {
    if (layer.enabled !== null) {
      effective.enabled = layer.enabled;
      effective.sources.enabled = layer.level;
    }
    if (layer.weight !== null) {
      effective.weight = layer.weight;
      effective.sources.weight = layer.level;
    }
    if (layer.notApplicable !== null) {
      effective.notApplicable = layer.notApplicable ? { reason: layer.notApplicableReason ?? '' } : null;
      effective.sources.notApplicable = layer.level;
    }
    for (const [key, value] of Object.entries(layer.params)) {
      effective.params[key] = value;
      effective.sources.params[key] = layer.level;
    }
  }
  return effective;
}
