import { PAGE_SIZES, type PageSize, SECTION_TYPES, type SectionType } from '../model/report-model.js';
import { placeholderProblems } from './placeholders.js';

/** One section of a template as written: its texts may hold placeholders. */
export interface TemplateSection {
  type: SectionType;
  title: string;
  text: string | null;
  pageBreakBefore: boolean;
  limit: number | null;
}

/** A declarative report template: which sections, in which order, with their titles and texts. */
export interface TemplateDefinition {
  name: string;
  description: string;
  /** The document's title; may hold placeholders. */
  title: string;
  pageSize: PageSize;
  /** The framework a `framework_requirements` section shows when the request names none (a framework key). */
  framework: string | null;
  sections: TemplateSection[];
}

export interface TemplateProblem {
  field: string;
  message: string;
}

/** A template that cannot be used, with every problem found (not just the first). */
export class TemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
  }
}

export const DEFAULT_SECTION_TITLES: Record<SectionType, string> = {
  cover: 'Security compliance review',
  table_of_contents: 'Contents',
  executive_summary: 'Executive summary',
  score: 'Security score',
  qbr_change: 'Since the last review',
  trend: 'Score over time',
  categories: 'Scores by category',
  frameworks: 'Framework coverage',
  failing_controls: 'What to fix first',
  accepted_risks: 'Accepted risks',
  failing_assets: 'Appendix: assets that fail',
  methodology: 'How the score is calculated',
  framework_requirements: 'Requirement by requirement',
  text: 'Notes',
};

export const MAX_SECTIONS = 40;
const MAX_TEXT = 5000;
const MAX_TITLE = 200;
const TEMPLATE_KEYS = ['name', 'description', 'title', 'pageSize', 'framework', 'sections'];
const SECTION_KEYS = ['type', 'title', 'text', 'pageBreakBefore', 'limit'];
/** Sections that list items and can be cut to the first few. */
const LIMITABLE: readonly SectionType[] = ['failing_controls'];
const FRAMEWORK_KEY = /^[a-z0-9][a-z0-9-]{1,49}$/;

/**
 * Checks a template as a tenant wrote it (or as a built-in file holds it) and returns it with
 * defaults filled in. Every problem is collected, each named by its JSON path, so one save
 * shows everything to fix.
 */
export function parseTemplateDefinition(input: unknown): TemplateDefinition {
  const problems: TemplateProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (!isRecord(input)) throw new TemplateError([{ field: '(template)', message: 'must be a JSON object' }]);
  unknownKeys(input, TEMPLATE_KEYS, '', problem);

  const name = text(input, 'name', '', { required: true, max: 100, placeholders: false }, problem) ?? '';
  const description = text(input, 'description', '', { required: false, max: 500, placeholders: false }, problem) ?? '';
  const title = text(input, 'title', '', { required: true, max: MAX_TITLE, placeholders: true }, problem) ?? '';
  let pageSize: PageSize = 'A4';
  if (input.pageSize !== undefined) {
    if (typeof input.pageSize === 'string' && (PAGE_SIZES as readonly string[]).includes(input.pageSize)) pageSize = input.pageSize as PageSize;
    else problem('pageSize', `must be one of ${PAGE_SIZES.join(', ')}`);
  }
  let framework: string | null = null;
  if (input.framework !== undefined && input.framework !== null) {
    if (typeof input.framework === 'string' && FRAMEWORK_KEY.test(input.framework)) framework = input.framework;
    else problem('framework', 'must be a framework key such as "cis-v8-ig1"');
  }

  const sections: TemplateSection[] = [];
  if (!Array.isArray(input.sections) || input.sections.length === 0) {
    problem('sections', 'must be a non-empty array of sections');
  } else if (input.sections.length > MAX_SECTIONS) {
    problem('sections', `may hold at most ${MAX_SECTIONS} sections, got ${input.sections.length}`);
  } else {
    input.sections.forEach((raw: unknown, index: number) => {
      const section = parseSection(raw, `sections[${index}]`, problem);
      if (section) sections.push(section);
    });
    sectionOrderProblems(sections, problem);
  }

  if (problems.length > 0) throw new TemplateError(problems);
  return { name, description, title, pageSize, framework, sections };
}

function parseSection(raw: unknown, path: string, problem: (field: string, message: string) => void): TemplateSection | undefined {
  if (!isRecord(raw)) {
    problem(path, 'must be an object with a "type"');
    return undefined;
  }
  unknownKeys(raw, SECTION_KEYS, `${path}.`, problem);
  const type = raw.type;
  if (typeof type !== 'string' || !(SECTION_TYPES as readonly string[]).includes(type)) {
    problem(`${path}.type`, `unknown section ${JSON.stringify(type ?? null)}; sections are ${SECTION_TYPES.join(', ')}`);
    return undefined;
  }
  const sectionType = type as SectionType;
  const title = text(raw, 'title', `${path}.`, { required: false, max: MAX_TITLE, placeholders: true }, problem) ?? DEFAULT_SECTION_TITLES[sectionType];
  const body = text(raw, 'text', `${path}.`, { required: sectionType === 'text', max: MAX_TEXT, placeholders: true }, problem) ?? null;
  let pageBreakBefore = false;
  if (raw.pageBreakBefore !== undefined) {
    if (typeof raw.pageBreakBefore === 'boolean') pageBreakBefore = raw.pageBreakBefore;
    else problem(`${path}.pageBreakBefore`, 'must be true or false');
  }
  let limit: number | null = null;
  if (raw.limit !== undefined && raw.limit !== null) {
    if (!LIMITABLE.includes(sectionType)) problem(`${path}.limit`, `applies only to ${LIMITABLE.join(', ')} sections`);
    else if (typeof raw.limit === 'number' && Number.isInteger(raw.limit) && raw.limit >= 1 && raw.limit <= 100) limit = raw.limit;
    else problem(`${path}.limit`, 'must be an integer from 1 to 100');
  }
  return { type: sectionType, title, text: body, pageBreakBefore, limit };
}

/** The cover opens the report and the contents list what follows: each may appear once. */
function sectionOrderProblems(sections: TemplateSection[], problem: (field: string, message: string) => void): void {
  for (const once of ['cover', 'table_of_contents'] as const) {
    const indexes = sections.flatMap((section, index) => (section.type === once ? [index] : []));
    if (indexes.length > 1) problem(`sections[${indexes[1]}].type`, `"${once}" may appear only once`);
  }
  const cover = sections.findIndex((section) => section.type === 'cover');
  if (cover > 0) problem(`sections[${cover}].type`, '"cover" must be the first section');
  if (sections.every((section) => section.type === 'cover' || section.type === 'table_of_contents')) {
    problem('sections', 'must hold at least one section besides the cover and the contents');
  }
}

function text(
  record: Record<string, unknown>,
  key: string,
  prefix: string,
  rules: { required: boolean; max: number; placeholders: boolean },
  problem: (field: string, message: string) => void,
): string | undefined {
  const value = record[key];
  const field = `${prefix}${key}`;
  if (value === undefined || value === null) {
    if (rules.required) problem(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    problem(field, 'must be a string');
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length === 0) {
    if (rules.required) problem(field, 'must not be empty');
    return undefined;
  }
  if (trimmed.length > rules.max) problem(field, `must be at most ${rules.max} characters, got ${trimmed.length}`);
  if (rules.placeholders) for (const message of placeholderProblems(trimmed)) problem(field, message);
  else if (trimmed.includes('{{')) problem(field, 'cannot hold placeholders');
  return trimmed;
}

function unknownKeys(record: Record<string, unknown>, allowed: readonly string[], prefix: string, problem: (field: string, message: string) => void): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) problem(`${prefix}${key}`, `unknown property; allowed: ${allowed.join(', ')}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
