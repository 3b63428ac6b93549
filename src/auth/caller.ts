import type { ActorType } from '../database/schema.js';
import type { Scope } from './scopes.js';

/** Who did something, as the audit log records it. */
export interface Actor {
  type: ActorType;
  id: string | null;
  label: string;
}

/** Where a change came from: the actor plus the request's address and id. */
export interface Origin {
  actor: Actor;
  ip: string | null;
  requestId: string | null;
}

/** An authenticated caller: a tenant, the actor acting in it, and what it may do. */
export interface Caller extends Origin {
  tenantId: string;
  scopes: ReadonlySet<Scope>;
}

/** The CLI and other operator tools act as the system, with every scope. */
export function systemOrigin(label: string): Origin {
  return { actor: { type: 'system', id: null, label }, ip: null, requestId: null };
}
