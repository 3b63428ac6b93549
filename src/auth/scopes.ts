import type { UserRole } from '../database/schema.js';

/** What a caller may do. API keys carry scopes; people get them from their role. */
export const SCOPES = [
  'clients:read',
  'clients:write',
  'integrations:read',
  'integrations:write',
  'evidence:write',
  'controls:read',
  'controls:write',
  'exceptions:write',
  'attestations:write',
  'evaluations:read',
  'evaluations:write',
  'scorecards:read',
  'scorecards:write',
  'reports:read',
  'reports:write',
  'branding:write',
  'webhooks:read',
  'webhooks:write',
  'tenant:read',
  'tenant:write',
  'api_keys:read',
  'api_keys:write',
  'audit:read',
] as const;
export type Scope = (typeof SCOPES)[number];

export const ROLE_SCOPES: Record<UserRole, readonly Scope[]> = {
  admin: SCOPES,
  vcio: ['clients:read', 'clients:write', 'integrations:read', 'controls:read', 'controls:write', 'exceptions:write', 'attestations:write', 'evaluations:read', 'evaluations:write', 'scorecards:read', 'scorecards:write', 'reports:read', 'reports:write', 'branding:write', 'webhooks:read', 'tenant:read'],
  account_manager: ['clients:read', 'clients:write', 'controls:read', 'attestations:write', 'evaluations:read', 'evaluations:write', 'scorecards:read', 'scorecards:write', 'reports:read', 'reports:write', 'tenant:read'],
  viewer: ['clients:read', 'controls:read', 'evaluations:read', 'scorecards:read', 'reports:read', 'tenant:read'],
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
