/** An accepted risk as the engine sees it: for one client, or for every client on a baseline. */
export interface AcceptedRisk {
  id: string;
  controlId: string;
  clientId: string | null;
  baselineName: string | null;
  owner: string;
  reason: string;
  compensatingControl: string | null;
  expiresAt: Date;
}

export interface ExceptionSummary {
  id: string;
  owner: string;
  reason: string;
  compensatingControl: string | null;
  expiresAt: string;
  scope: 'client' | 'baseline';
}

/**
 * The exception in force for a control and client now (the one that lasts longest), and the most
 * recently expired one, which stops counting but is worth showing ("accepted until 1 October").
 */
export function exceptionsFor(controlId: string, client: { id: string; baseline: string | null }, risks: readonly AcceptedRisk[], now: Date): { active: AcceptedRisk | null; expired: AcceptedRisk | null } {
  const applicable = risks.filter((risk) => risk.controlId === controlId && (risk.clientId === client.id || (risk.baselineName !== null && risk.baselineName === client.baseline)));
  const byExpiry = applicable.toSorted((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime());
  return {
    active: byExpiry.find((risk) => risk.expiresAt > now) ?? null,
    expired: byExpiry.find((risk) => risk.expiresAt <= now) ?? null,
  };
}

export function summarizeException(risk: AcceptedRisk): ExceptionSummary {
  return {
    id: risk.id,
    owner: risk.owner,
    reason: risk.reason,
    compensatingControl: risk.compensatingControl,
    expiresAt: risk.expiresAt.toISOString(),
    scope: risk.clientId !== null ? 'client' : 'baseline',
  };
}
