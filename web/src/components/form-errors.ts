import type { ApiError, ErrorDetail } from '../api/client.js';

/** A field error as the API reports it; expression errors add where the problem is. */
export interface FieldProblem extends ErrorDetail {
  line?: number;
  column?: number;
}

function claims(fields: readonly string[], detail: ErrorDetail): boolean {
  return fields.some((field) => detail.field === field || detail.field.startsWith(`${field}.`) || detail.field.startsWith(`${field}[`));
}

/** The API's problems with one form field (named as the request body names it, nested fields included). */
export function problemsFor(error: ApiError | undefined, ...fields: string[]): FieldProblem[] {
  return (error?.details ?? []).filter((detail) => claims(fields, detail));
}

/** The messages for one field, joined, or undefined when it is fine. */
export function fieldMessage(error: ApiError | undefined, ...fields: string[]): string | undefined {
  const problems = problemsFor(error, ...fields);
  return problems.length > 0 ? problems.map((problem) => problem.message).join('; ') : undefined;
}

/** The details no field of the form shows, so the summary lists them instead. */
export function unclaimedDetails(error: ApiError | undefined, shownFields: readonly string[]): ErrorDetail[] {
  return (error?.details ?? []).filter((detail) => !claims(shownFields, detail));
}

/** `aria-describedby` for a field: its hint and its error, whichever are shown. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(' ') : undefined;
}
