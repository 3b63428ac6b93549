import { describe, it, expect } from '@jest/globals';

import { BUILTIN_FRAMEWORKS } from '../frameworks/builtin/index.js';
import type { EvaluatorSpec } from '../evaluators/params.js';
import { BUILTIN_CONTROLS } from './builtin-controls.js';
import { CONTROL_CATEGORIES, SEVERITIES } from './control-definition.js';

const KEY_PATTERN = /^[a-z]+\.[a-z0-9_]+$/;
const FACT_KEY_PATTERN = /^[a-z][a-z0-9_.]{0,99}$/;

/** The fact keys an evaluator reads; expressions name them as `facts["key"]`. */
function factKeysOf(evaluator: EvaluatorSpec): string[] {
  switch (evaluator.kind) {
    case 'fact_freshness':
    case 'boolean_fact':
    case 'numeric_threshold':
      return [evaluator.params.fact];
    case 'expression':
      return [...evaluator.params.expression.matchAll(/facts\["([^"]*)"\]/g)].map((match) => match[1]!);
    default:
      return [];
  }
}

describe('BUILTIN_CONTROLS', () => {
  it('ships at least 45 controls', () => {
    expect(BUILTIN_CONTROLS.length).toBeGreaterThanOrEqual(45);
  });

  it('has unique keys of the form <category>.<name>', () => {
    const keys = BUILTIN_CONTROLS.map((control) => control.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const control of BUILTIN_CONTROLS) {
      expect(control.key).toMatch(KEY_PATTERN);
      expect(control.key.split('.')[0]).toBe(control.category);
    }
  });

  it('gives every control a name, texts and a known severity', () => {
    for (const control of BUILTIN_CONTROLS) {
      for (const text of [control.name, control.description, control.rationale, control.remediation, control.evidenceSource]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
      expect(SEVERITIES).toContain(control.severity);
    }
  });

  it('reads only well-formed fact keys', () => {
    const facts = BUILTIN_CONTROLS.flatMap((control) => factKeysOf(control.evaluator).map((fact) => ({ control: control.key, fact })));
    expect(facts.length).toBeGreaterThan(0);
    for (const { fact } of facts) expect(fact).toMatch(FACT_KEY_PATTERN);
  });

  it('maps only to frameworks and requirements that exist', () => {
    const frameworks = new Map(BUILTIN_FRAMEWORKS.map((framework) => [framework.key, new Set(framework.requirements.map((requirement) => requirement.ref))]));
    const unknown: string[] = [];
    for (const control of BUILTIN_CONTROLS) {
      for (const [framework, refs] of Object.entries(control.mappings)) {
        const known = frameworks.get(framework);
        if (!known) {
          unknown.push(`${control.key}: framework ${framework}`);
          continue;
        }
        expect(refs.length).toBeGreaterThan(0);
        expect(new Set(refs).size).toBe(refs.length);
        for (const ref of refs) if (!known.has(ref)) unknown.push(`${control.key}: ${framework} ${ref}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('uses every category', () => {
    const used = new Set(BUILTIN_CONTROLS.map((control) => control.category));
    for (const category of CONTROL_CATEGORIES) expect(used).toContain(category);
  });
});
