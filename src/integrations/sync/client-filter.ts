import type { NormalizedCompany } from '../psa-connector.js';

export interface ClientFilter {
  /** Company types that count; empty: every type. */
  types: string[];
  /** Status names that count; empty: any status. */
  statuses: string[];
  includeInactive: boolean;
}

/** Whether a PSA company is one of the MSP's clients under the integration's filter. */
export function isClient(company: NormalizedCompany, filter: ClientFilter): boolean {
  if (!company.active && !filter.includeInactive) return false;
  if (filter.statuses.length > 0 && !filter.statuses.some((status) => status.toLowerCase() === company.status?.toLowerCase())) return false;
  if (filter.types.length === 0) return true;
  const wanted = new Set(filter.types.map((type) => type.toLowerCase()));
  return company.types.some((type) => wanted.has(type.toLowerCase()));
}
