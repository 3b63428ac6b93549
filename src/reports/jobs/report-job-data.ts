import type { Actor } from '../../auth/caller.js';

/** Payload of a `report.render` job: one client's report of one bulk request. */
export interface ReportJobData {
  tenantId: string;
  batchId: string;
  clientId: string;
  template: string;
  runId: string | null;
  frameworkId: string | null;
  /** Who asked, so the report and the audit log name them rather than the worker. */
  requestedBy: Actor;
}
