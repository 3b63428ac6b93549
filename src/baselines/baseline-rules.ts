import type { BaselineRule, PsaProfile } from '../database/schema.js';

export interface RuledBaseline {
  name: string;
  rule: BaselineRule | null;
  rulePriority: number;
}

/** Whether a client's PSA profile satisfies a rule: the attribute equals one of the values, ignoring case and spaces around. */
export function ruleMatches(rule: BaselineRule, profile: PsaProfile): boolean {
  const wanted = new Set(rule.values.map(normalize));
  const candidates = rule.attribute === 'companyType' ? (profile.types ?? []) : rule.attribute === 'psaStatus' ? [profile.status ?? ''] : [customFieldValue(profile, rule.customField ?? '')];
  return candidates.some((candidate) => candidate !== '' && wanted.has(normalize(candidate)));
}

function customFieldValue(profile: PsaProfile, name: string): string {
  const entry = Object.entries(profile.customFields ?? {}).find(([field]) => normalize(field) === normalize(name));
  return entry?.[1] ?? '';
}

function normalize(text: string): string {
  return text.trim().toLowerCase();
}

/** The baseline whose rule matches with the lowest priority (then name, for a stable answer), or null. */
export function baselineByRules(baselines: readonly RuledBaseline[], profile: PsaProfile): string | null {
  const matching = baselines.filter((baseline) => baseline.rule !== null && ruleMatches(baseline.rule, profile));
  matching.sort((a, b) => a.rulePriority - b.rulePriority || a.name.localeCompare(b.name));
  return matching[0]?.name ?? null;
}
