import { InvalidArgumentError } from 'commander';
import { isScope, SCOPES, type Scope } from '../auth/scopes.js';
import { isUuidText } from '../common/validation/uuid.js';

export function parseUuid(value: string): string {
  if (!isUuidText(value)) throw new InvalidArgumentError('must be a UUID');
  return value.toLowerCase();
}

export function parseScopes(value: string): Scope[] {
  const scopes = value.split(',').map((scope) => scope.trim()).filter(Boolean);
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`unknown scope ${unknown.join(', ') || '(none given)'}; known: ${SCOPES.join(', ')}`);
  }
  return [...new Set(scopes)] as Scope[];
}

export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return number;
}
