/** The shapes of the control, settings and exception routes, as the API documents them. */
import type { Category, ResultStatus, Severity } from '../../api/domain.js';

export type SettingLevel = 'tenant' | 'baseline' | 'client';
/** Where an effective value came from: the control's own default or the level that set it. */
export type SettingSource = 'default' | SettingLevel;

export interface Evaluator {
  kind: string;
  params: Record<string, unknown>;
}

export interface EffectiveSettings {
  enabled: boolean;
  weight: number;
  params: Record<string, unknown>;
  notApplicableReason: string | null;
  sources: {
    enabled: SettingSource;
    weight: SettingSource;
    notApplicable: SettingSource;
    params: Record<string, SettingSource>;
  };
}

export interface Control {
  id: string;
  key: string;
  builtin: boolean;
  name: string;
  category: Category;
  severity: Severity;
  description: string;
  rationale: string;
  remediation: string;
  evidenceSource: string;
  evaluator: Evaluator;
  mappings: { framework: string; ref: string }[];
  effective: EffectiveSettings;
}

/** One level's override as stored; null (or a missing parameter) inherits. */
export interface ControlSetting {
  level: SettingLevel;
  baselineId: string | null;
  clientId: string | null;
  enabled: boolean | null;
  weight: number | null;
  params: Record<string, unknown>;
  notApplicable: boolean | null;
  notApplicableReason: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface Framework {
  id: string;
  key: string;
  name: string;
  url: string | null;
}

export interface ControlResult {
  controlId: string;
  controlKey: string;
  status: ResultStatus;
  fraction: number | null;
  summary: string;
  evidence: Record<string, unknown>;
  failingAssets: { id: string; name: string; reason: string }[];
  exception: Record<string, unknown> | null;
  points: number;
  pointsRecoverable: number;
}

export interface PreviewResponse {
  result: ControlResult;
  clientScore: number | null;
  evaluatedAt: string;
}

/** The level a settings change is about. */
export type SettingTarget = { level: 'tenant' } | { level: 'baseline'; baselineId: string } | { level: 'client'; clientId: string };
