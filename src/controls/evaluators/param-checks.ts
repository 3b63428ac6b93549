import type { ParamProblem } from './evaluator.js';

/*
 * Small checks for evaluator parameters. Each returns a problem (or none) for one field, so an
 * evaluator's `validate` reads as a list of what its parameters must be.
 */

export const FACT_KEY_PATTERN = /^[a-z][a-z0-9_.]{0,99}$/;
const DAY_LIMIT = 3650;

export function problemsOf(...checks: (ParamProblem | null | ParamProblem[])[]): ParamProblem[] {
  return checks.flat().filter((problem): problem is ParamProblem => problem !== null);
}

export function factKey(params: Record<string, unknown>, field: string): ParamProblem | null {
  const value = params[field];
  return typeof value === 'string' && FACT_KEY_PATTERN.test(value)
    ? null
    : { field, message: `${field} must be a fact key: lowercase letters, digits, "_" and "." (up to 100), starting with a letter` };
}

export function finiteNumber(params: Record<string, unknown>, field: string, min = -Number.MAX_VALUE, max = Number.MAX_VALUE): ParamProblem | null {
  const value = params[field];
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? null
    : { field, message: `${field} must be a number${min > -Number.MAX_VALUE ? ` from ${min}` : ''}${max < Number.MAX_VALUE ? ` to ${max}` : ''}` };
}

export function share(params: Record<string, unknown>, field: string): ParamProblem | null {
  return finiteNumber(params, field, 0, 1) && { field, message: `${field} must be a share from 0 to 1 (0.95 means 95%)` };
}

export function days(params: Record<string, unknown>, field: string, { nullable = false } = {}): ParamProblem | null {
  const value = params[field];
  if (nullable && value === null) return null;
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= DAY_LIMIT
    ? null
    : { field, message: `${field} must be a whole number of days from 0 to ${DAY_LIMIT}${nullable ? ', or null' : ''}` };
}

export function boolean(params: Record<string, unknown>, field: string): ParamProblem | null {
  return typeof params[field] === 'boolean' ? null : { field, message: `${field} must be true or false` };
}

export function oneOf(params: Record<string, unknown>, field: string, allowed: readonly string[]): ParamProblem | null {
  const value = params[field];
  return typeof value === 'string' && allowed.includes(value) ? null : { field, message: `${field} must be one of: ${allowed.join(', ')}` };
}

/** Fields the evaluator does not know are refused, so a typo ("maxAgeDay") is not silently ignored. */
export function knownFields(params: Record<string, unknown>, allowed: readonly string[]): ParamProblem[] {
  return Object.keys(params)
    .filter((field) => !allowed.includes(field))
    .map((field) => ({ field, message: `${field} is not a parameter of this evaluator (expected: ${allowed.join(', ')})` }));
}

export const DAY_MS = 86_400_000;

export function ageInDays(then: Date, now: Date): number {
  return (now.getTime() - then.getTime()) / DAY_MS;
}
