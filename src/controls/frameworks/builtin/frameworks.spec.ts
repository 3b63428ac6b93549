import { describe, expect, it } from '@jest/globals';
import type { FrameworkDefinition } from '../framework-definition.js';
import { BUILTIN_FRAMEWORKS } from './index.js';

/** Requirement counts verified against the sources named in each framework file. */
const EXPECTED: Record<string, { count: number; ref: RegExp; groups: number }> = {
  // 56 IG1 Safeguards across 15 of the 18 CIS Controls (none in 13, 16, 18).
  'cis-v8-ig1': { count: 56, ref: /^(?:[1-9]|1[0-8])\.[1-9]\d?$/, groups: 15 },
  // 106 Subcategories in 22 Categories.
  'nist-csf-2': { count: 106, ref: /^(?:GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/, groups: 22 },
  // 46 distinct ISM controls behind the 48 ML1 requirements of the eight strategies.
  'essential-eight': { count: 46, ref: /^ISM-\d{4}$/, groups: 8 },
  // Montpellier self-assessment questions A4 (15), A5 (10), A6 (15), A7 (17), A8 (5).
  'cyber-essentials': { count: 62, ref: /^A[4-8]\.\d{1,2}(?:\.\d)?$/, groups: 5 },
  // 22 standards and 43 implementation specifications.
  'hipaa-security': {
    count: 65,
    ref: /^164\.3(?:08|10|12|14|16)\([a-e]\)(?:\([1-8]\))?(?:\((?:i|ii|iii|iv)\))?(?:\([A-E]\))?$/,
    groups: 22,
  },
};

const byKey = (key: string): FrameworkDefinition => {
  const framework = BUILTIN_FRAMEWORKS.find((candidate) => candidate.key === key);
  if (!framework) throw new Error(`no built-in framework ${key}`);
  return framework;
};

describe('BUILTIN_FRAMEWORKS', () => {
  it('lists the five built-in frameworks in order with unique keys', () => {
    const keys = BUILTIN_FRAMEWORKS.map((framework) => framework.key);
    expect(keys).toEqual(['cis-v8-ig1', 'nist-csf-2', 'essential-eight', 'cyber-essentials', 'hipaa-security']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(BUILTIN_FRAMEWORKS.map((framework) => [framework.key, framework] as const))(
    '%s has complete metadata',
    (_key, framework) => {
      expect(framework.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      for (const field of [framework.name, framework.version, framework.publisher, framework.description]) {
        expect(field.trim()).not.toBe('');
      }
      expect(framework.url).toMatch(/^https:\/\/\S+$/);
      // Limits of the frameworks and framework_requirements tables.
      expect(framework.key.length).toBeLessThanOrEqual(50);
      expect(framework.name.length).toBeLessThanOrEqual(200);
      expect(framework.version.length).toBeLessThanOrEqual(50);
      expect(framework.publisher.length).toBeLessThanOrEqual(200);
      expect(framework.requirements.filter((requirement) => requirement.ref.length > 100 || requirement.title.length > 500)).toEqual([]);
    },
  );
});

describe.each(Object.entries(EXPECTED))('%s', (key, expected) => {
  const framework = byKey(key);

  it(`has exactly ${expected.count} requirements`, () => {
    expect(framework.requirements).toHaveLength(expected.count);
  });

  it('has unique refs', () => {
    const refs = framework.requirements.map((requirement) => requirement.ref);
    const duplicates = refs.filter((ref, index) => refs.indexOf(ref) !== index);
    expect(duplicates).toEqual([]);
  });

  it('uses the framework id format for every ref', () => {
    const malformed = framework.requirements.filter((requirement) => !expected.ref.test(requirement.ref));
    expect(malformed).toEqual([]);
  });

  it('has no empty titles or groups', () => {
    const blank = framework.requirements.filter(
      (requirement) =>
        requirement.title.trim() === '' ||
        requirement.group.trim() === '' ||
        requirement.title !== requirement.title.trim() ||
        requirement.group !== requirement.group.trim(),
    );
    expect(blank).toEqual([]);
  });

  it(`spreads its requirements over ${expected.groups} groups, each listed contiguously`, () => {
    const runs = framework.requirements
      .map((requirement) => requirement.group)
      .filter((group, index, groups) => index === 0 || groups[index - 1] !== group);
    expect(new Set(runs).size).toBe(expected.groups);
    expect(runs).toHaveLength(expected.groups);
  });
});

describe('framework-specific structure', () => {
  it('keeps CIS Safeguards under their own CIS Control', () => {
    const controls = new Map<string, string>();
    for (const { ref, group } of byKey('cis-v8-ig1').requirements) {
      const control = ref.split('.')[0] ?? '';
      expect(controls.get(control) ?? group).toBe(group);
      controls.set(control, group);
    }
    expect([...controls.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '14', '15', '17']);
  });

  it('names each CSF group after the Category its Subcategories belong to', () => {
    for (const { ref, group } of byKey('nist-csf-2').requirements) {
      expect(group.endsWith(`(${ref.split('-')[0]})`)).toBe(true);
    }
  });

  it('covers the eight Essential Eight strategies', () => {
    const groups = new Set(byKey('essential-eight').requirements.map((requirement) => requirement.group));
    expect([...groups]).toEqual([
      'Patch applications',
      'Patch operating systems',
      'Multi-factor authentication',
      'Restrict administrative privileges',
      'Application control',
      'Restrict Microsoft Office macros',
      'User application hardening',
      'Regular backups',
    ]);
  });

  it('maps each Cyber Essentials question section to one technical control', () => {
    const sections = new Map<string, string>();
    for (const { ref, group } of byKey('cyber-essentials').requirements) {
      const section = ref.split('.')[0] ?? '';
      expect(sections.get(section) ?? group).toBe(group);
      sections.set(section, group);
    }
    expect(Object.fromEntries(sections)).toEqual({
      A4: 'Firewalls',
      A5: 'Secure configuration',
      A6: 'Security update management',
      A7: 'User access control',
      A8: 'Malware protection',
    });
  });

  it('marks every HIPAA requirement as a standard or a required or addressable specification', () => {
    const kinds = { Standard: 0, Required: 0, Addressable: 0 };
    for (const { title } of byKey('hipaa-security').requirements) {
      const kind = /\((Standard|Required|Addressable)\)$/.exec(title)?.[1] as keyof typeof kinds | undefined;
      expect(kind).toBeDefined();
      if (kind) kinds[kind] += 1;
    }
    expect(kinds).toEqual({ Standard: 22, Required: 21, Addressable: 22 });
  });
});
