/**
 * Placeholders a template's texts may use, written `{{client.name}}`. Each is filled from the
 * report's content when the report is made, formatted as the rest of the report prints it.
 */
export const PLACEHOLDERS = {
  'msp.name': 'the MSP\'s name from the branding',
  'client.name': 'the client\'s name',
  'client.baseline': 'the baseline the client was evaluated on',
  'report.date': 'the day the report was made',
  'period.start': 'the start of the review period (the last QBR, or 90 days back)',
  'period.end': 'the end of the review period (the evaluation shown)',
  'run.date': 'when the evaluation shown ran',
  score: 'the client\'s score, one decimal',
  grade: 'the client\'s grade',
  'change.previousRun': 'the score change since the previous evaluation, signed',
  'change.days30': 'the score change over 30 days, signed',
  'change.sinceQbr': 'the score change since the last QBR, signed',
  'qbr.date': 'the day of the last QBR',
  'controls.evaluated': 'how many controls were evaluated',
  'controls.passing': 'how many controls pass',
  'controls.failing': 'how many controls fail or pass only partly',
  'controls.failingCritical': 'how many critical controls fail or pass only partly',
  'framework.name': 'the framework of a framework report',
  'framework.score': 'that framework\'s score',
  'framework.grade': 'that framework\'s grade',
  'framework.coverage': 'that framework\'s coverage, as a percentage',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<Placeholder, string>;

const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** What is wrong with a text's placeholders: unknown names and unbalanced braces. */
export function placeholderProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1]!;
    if (!isPlaceholder(name)) problems.push(`unknown placeholder {{${name}}}${suggestion(name)}`);
  }
  const rest = text.replace(PLACEHOLDER_PATTERN, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push('has a "{{" or "}}" that is not part of a placeholder such as {{client.name}}');
  return problems;
}

/** Replaces every placeholder; the text was validated on save, so every name is known. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

/** A close known name for a typo, so the message says what was probably meant. */
function suggestion(name: string): string {
  const lower = name.toLowerCase();
  const near = Object.keys(PLACEHOLDERS).find((known) => known.toLowerCase() === lower || editDistance(known.toLowerCase(), lower) <= 2);
  return near ? ` (did you mean {{${near}}}?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
