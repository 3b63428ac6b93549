/**
 * The API's shared vocabulary, as more than one page reads it: the enums every scoring route uses
 * and the resources several pages fetch. Shapes that only one page reads stay with that page.
 */

export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];

export const RESULT_STATUSES = ['pass', 'partial', 'fail', 'not_applicable', 'excepted', 'no_data', 'error'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const CATEGORIES = ['identity', 'endpoint', 'email', 'backup', 'network', 'data', 'awareness', 'governance'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a long-running job (an evaluation, a PSA sync) is. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** `GET /clients/:id`, with the fields the dashboard reads. */
export interface Client {
  id: string;
  name: string;
  status: 'active' | 'inactive' | 'prospect';
  domains: string[];
  seats: number | null;
  baseline: string | null;
  notes: string | null;
}

/** `GET /baselines`, with the fields the dashboard reads. */
export interface Baseline {
  id: string;
  name: string;
  description: string | null;
  clientCount: number;
}

/** An accepted risk, as `GET /exceptions` lists it: for one client, or every client on a baseline. */
export interface ControlException {
  id: string;
  controlId: string;
  controlKey: string;
  controlName: string;
  clientId: string | null;
  baselineId: string | null;
  owner: string;
  reason: string;
  compensatingControl: string | null;
  expiresAt: string;
  /** Not yet expired, so it counts. */
  active: boolean;
  createdBy: string;
  createdAt: string;
}

/** A client's score change against its previous run, 30 days ago and its last QBR; null where there is nothing to compare. */
export interface ScoreChanges {
  previousRun: number | null;
  days30: number | null;
  sinceQbr: number | null;
}

export interface LastQbr {
  reviewedAt: string;
  score: number | null;
}

export interface Freshness {
  evaluatedAt: string | null;
  evidenceAt: string | null;
  stale: boolean;
}

/** A critical control a client does not pass. */
export interface FailingCritical {
  controlId: string;
  key: string;
  name: string;
  status: 'fail' | 'partial';
}
