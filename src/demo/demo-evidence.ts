import type { ControlDefinition } from '../controls/catalog/control-definition.js';
import type { FactInput } from '../evidence/facts.repository.js';
import { random } from './psa/portfolio.js';

/** How well-run a demo client is, by service tier: better tiers pass more controls. */
const TIER_HEALTH: Record<string, number> = { Premium: 0.9, Standard: 0.72, Essentials: 0.5 };
const DEFAULT_HEALTH = 0.6;
const DAY_MS = 86_400_000;

/** Facts the built-in MFA expression control reads besides the structured controls' facts. */
const EXPRESSION_FACTS = ['m365.security_defaults_enabled', 'm365.conditional_access_mfa_enforced'];

export interface DemoAttestation {
  controlKey: string;
  statement: string;
  attestedBy: string;
  attestedAt: Date;
  expiresAt: Date;
}

export interface DemoEvidence {
  facts: FactInput[];
  attestations: DemoAttestation[];
}

/**
 * Evidence an MSP's tools would have pushed for one demo client: a value for every fact the
 * catalog reads, passing more often on better tiers, and attestations for the paperwork controls.
 * Deterministic per client, so the demo scores the same on every machine.
 */
export function demoEvidence(seed: number, tier: string | null, controls: readonly ControlDefinition[], now: Date): DemoEvidence {
  const next = random(seed);
  const health = TIER_HEALTH[tier ?? ''] ?? DEFAULT_HEALTH;
  const passes = () => next() < health;
  const observedAt = () => new Date(now.getTime() - Math.floor(next() * 2 * DAY_MS));
  const daysAgo = (days: number) => new Date(now.getTime() - Math.round(days) * DAY_MS).toISOString();
  const facts: FactInput[] = [];
  const attestations: DemoAttestation[] = [];
  for (const control of controls) {
    const { evaluator } = control;
    switch (evaluator.kind) {
      case 'boolean_fact':
        facts.push({ key: evaluator.params.fact, value: passes() ? evaluator.params.expected : !evaluator.params.expected, source: 'demo', observedAt: observedAt() });
        break;
      case 'numeric_threshold': {
        const { fact, operator, threshold, partialFrom } = evaluator.params;
        const ratio = threshold > 0 && threshold <= 1 && (partialFrom ?? 0) >= 0;
        const short = partialFrom ?? (operator === 'gte' ? threshold * 0.6 : threshold + 3);
        const raw = passes() ? (operator === 'gte' ? threshold + (ratio ? (1 - threshold) * next() : next() * 10) : threshold * next()) : short + (threshold - short) * next();
        facts.push({ key: fact, value: ratio ? Math.round(Math.min(1, Math.max(0, raw)) * 100) / 100 : Math.max(0, Math.round(raw)), source: 'demo', observedAt: observedAt() });
        break;
      }
      case 'fact_freshness': {
        const { fact, maxAgeDays } = evaluator.params;
        facts.push({ key: fact, value: daysAgo(passes() ? next() * maxAgeDays : maxAgeDays + 1 + next() * 90), source: 'demo', observedAt: observedAt() });
        break;
      }
      case 'attestation':
        if (passes()) {
          const attestedAt = new Date(now.getTime() - Math.floor(30 + next() * 200) * DAY_MS);
          attestations.push({ controlKey: control.key, statement: `Reviewed with the client: ${control.name.toLowerCase()}.`, attestedBy: 'Jordan Lee (vCIO)', attestedAt, expiresAt: new Date(attestedAt.getTime() + 365 * DAY_MS) });
        }
        break;
      default:
        break;
    }
  }
  for (const key of EXPRESSION_FACTS) facts.push({ key, value: passes(), source: 'demo', observedAt: observedAt() });
  return { facts, attestations };
}
