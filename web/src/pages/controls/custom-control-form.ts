/** The custom control editor's values and the bodies of `POST /controls` and `PATCH /controls/:id`. */
import type { Category, Severity } from '../../api/domain.js';
import type { Control, Evaluator } from './types.js';

export interface CustomControlFormValues {
  key: string;
  name: string;
  category: Category | '';
  severity: Severity;
  description: string;
  remediation: string;
  expression: string;
}

export const NEW_CONTROL: CustomControlFormValues = { key: '', name: '', category: '', severity: 'medium', description: '', remediation: '', expression: '' };

/** The fields of the request body the editor shows errors beside. */
export const EDITOR_FIELDS = ['key', 'name', 'category', 'severity', 'description', 'remediation', 'evaluator'] as const;

export interface CustomControlBody {
  key?: string;
  name: string;
  category: Category | '';
  severity: Severity;
  description: string;
  remediation: string;
  evaluator: Evaluator;
}

export type CustomControlPatch = Partial<Omit<CustomControlBody, 'key'>>;

export function isExpressionControl(control: Pick<Control, 'evaluator'>): boolean {
  return control.evaluator.kind === 'expression';
}

export function formFromControl(control: Control): CustomControlFormValues {
  return {
    key: control.key,
    name: control.name,
    category: control.category,
    severity: control.severity,
    description: control.description,
    remediation: control.remediation,
    expression: isExpressionControl(control) ? String(control.evaluator.params.expression ?? '') : '',
  };
}

export function draftEvaluator(values: Pick<CustomControlFormValues, 'expression'>): Evaluator {
  return { kind: 'expression', params: { expression: values.expression } };
}

/** The body for a new control; a blank key is left out so the API makes one from the name. */
export function createBody(values: CustomControlFormValues): CustomControlBody {
  const key = values.key.trim();
  return {
    ...(key ? { key } : {}),
    name: values.name.trim(),
    category: values.category,
    severity: values.severity,
    description: values.description.trim(),
    remediation: values.remediation.trim(),
    evaluator: draftEvaluator(values),
  };
}

/**
 * Only what changed, or null when nothing did (the API refuses an empty change). A control whose
 * evaluator is not an expression keeps it: the editor only writes expressions.
 */
export function updateBody(values: CustomControlFormValues, original: Control): CustomControlPatch | null {
  const before = formFromControl(original);
  const patch: CustomControlPatch = {};
  if (values.name.trim() !== before.name) patch.name = values.name.trim();
  if (values.category !== before.category) patch.category = values.category;
  if (values.severity !== before.severity) patch.severity = values.severity;
  if (values.description.trim() !== before.description) patch.description = values.description.trim();
  if (values.remediation.trim() !== before.remediation) patch.remediation = values.remediation.trim();
  if (isExpressionControl(original) && values.expression !== before.expression) patch.evaluator = draftEvaluator(values);
  return Object.keys(patch).length > 0 ? patch : null;
}

/** The key the API makes from a name when none is given (`custom.<slug>`), shown as a hint. */
export function suggestedKey(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
  return `custom.${slug || 'control'}`;
}
