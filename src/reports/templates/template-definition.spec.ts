import { describe, expect, it } from '@jest/globals';

import { SECTION_TYPES } from '../model/report-model.js';
import { loadBuiltinTemplates } from './builtin-templates.js';
import { fillPlaceholders, PLACEHOLDERS, type PlaceholderValues, placeholderProblems } from './placeholders.js';
import { parseTemplateDefinition, TemplateError } from './template-definition.js';

function problemsOf(input: unknown): { field: string; message: string }[] {
  try {
    parseTemplateDefinition(input);
  } catch (error) {
    if (error instanceof TemplateError) return error.problems;
    throw error;
  }
  return [];
}

const minimal = { name: 'Mine', title: 'Review of {{client.name}}', sections: [{ type: 'score' }] };

describe('parseTemplateDefinition', () => {
  it('fills defaults: A4, default section titles, no text', () => {
    expect(parseTemplateDefinition(minimal)).toEqual({
      name: 'Mine',
      description: '',
      title: 'Review of {{client.name}}',
      pageSize: 'A4',
      framework: null,
      sections: [{ type: 'score', title: 'Security score', text: null, pageBreakBefore: false, limit: null }],
    });
  });

  it('names an unknown section and lists the known ones', () => {
    const [problem] = problemsOf({ ...minimal, sections: [{ type: 'score' }, { type: 'pie_chart' }] });
    expect(problem!.field).toBe('sections[1].type');
    expect(problem!.message).toContain('unknown section "pie_chart"');
    expect(problem!.message).toContain(SECTION_TYPES.join(', '));
  });

  it('names an unknown placeholder with its path and suggests the near one', () => {
    const problems = problemsOf({ ...minimal, sections: [{ type: 'text', title: 'Hi', text: 'Dear {{client.nmae}}, see {{score}}.' }] });
    expect(problems).toEqual([{ field: 'sections[0].text', message: 'unknown placeholder {{client.nmae}} (did you mean {{client.name}}?)' }]);
  });

  it('refuses unbalanced braces and placeholders in the template name', () => {
    expect(problemsOf({ ...minimal, title: 'Review {{client.name' })).toEqual([{ field: 'title', message: expect.stringContaining('not part of a placeholder') }]);
    expect(problemsOf({ ...minimal, name: '{{client.name}}' })).toEqual([{ field: 'name', message: 'cannot hold placeholders' }]);
  });

  it('collects every problem at once, unknown properties included', () => {
    const problems = problemsOf({ name: '', title: 7, pageSize: 'A5', colour: 'red', sections: [{ type: 'cover' }, { type: 'cover' }, { type: 'score', limit: 3 }, 'oops'] });
    expect(problems.map((problem) => problem.field).toSorted()).toEqual(
      ['colour', 'name', 'pageSize', 'sections[1].type', 'sections[2].limit', 'sections[3]', 'title'].toSorted(),
    );
  });

  it('keeps the cover first and once, and wants more than a cover', () => {
    expect(problemsOf({ ...minimal, sections: [{ type: 'score' }, { type: 'cover' }] })).toEqual([{ field: 'sections[1].type', message: '"cover" must be the first section' }]);
    expect(problemsOf({ ...minimal, sections: [{ type: 'cover' }, { type: 'table_of_contents' }] })).toEqual([
      { field: 'sections', message: 'must hold at least one section besides the cover and the contents' },
    ]);
  });

  it('requires text for a text section, bounds limits and lengths', () => {
    expect(problemsOf({ ...minimal, sections: [{ type: 'text', title: 'Notes' }] })).toEqual([{ field: 'sections[0].text', message: 'is required' }]);
    expect(problemsOf({ ...minimal, sections: [{ type: 'failing_controls', limit: 0 }] })).toEqual([{ field: 'sections[0].limit', message: 'must be an integer from 1 to 100' }]);
    expect(problemsOf({ ...minimal, sections: [{ type: 'score', title: 'x'.repeat(201) }] })).toEqual([{ field: 'sections[0].title', message: 'must be at most 200 characters, got 201' }]);
    expect(problemsOf({ ...minimal, sections: Array.from({ length: 41 }, () => ({ type: 'score' })) })).toEqual([{ field: 'sections', message: 'may hold at most 40 sections, got 41' }]);
  });

  it('refuses what is not an object', () => {
    expect(problemsOf([1])).toEqual([{ field: '(template)', message: 'must be a JSON object' }]);
  });
});

describe('placeholders', () => {
  const values = Object.fromEntries(Object.keys(PLACEHOLDERS).map((name) => [name, `<${name}>`])) as PlaceholderValues;

  it('fills every occurrence, with or without spaces inside the braces', () => {
    expect(fillPlaceholders('{{client.name}} scores {{ score }} ({{grade}}); {{client.name}}.', values)).toBe('<client.name> scores <score> (<grade>); <client.name>.');
  });

  it('accepts text without placeholders', () => {
    expect(placeholderProblems('Plain text with { braces }')).toEqual([]);
  });
});

describe('built-in templates', () => {
  const templates = loadBuiltinTemplates();

  it('are qbr, executive and framework, each valid', () => {
    expect(templates.map((template) => template.key)).toEqual(['executive', 'framework', 'qbr']);
  });

  it('give the qbr a cover, contents and every section of a full review', () => {
    const qbr = templates.find((template) => template.key === 'qbr')!.definition;
    expect(qbr.sections.map((section) => section.type)).toEqual([
      'cover', 'table_of_contents', 'executive_summary', 'score', 'qbr_change', 'trend', 'categories', 'frameworks', 'failing_controls', 'accepted_risks', 'methodology', 'failing_assets',
    ]);
  });

  it('give the framework template a default framework', () => {
    expect(templates.find((template) => template.key === 'framework')!.definition.framework).toBe('cis-v8-ig1');
  });
});
