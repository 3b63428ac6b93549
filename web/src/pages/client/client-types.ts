/**
 * The client routes' response shapes as the API sends them. Written from the server's DTOs
 * (src/scorecards/dto/client-scorecard.dto.ts): the OpenAPI document names two other classes
 * `ControlResultDto` and `FrameworkSummaryDto`, so its schemas for these are not the ones sent.
 */
import type { FailingCritical, Freshness, Grade, JobStatus, LastQbr, ResultStatus, ScoreChanges, Severity } from '../../api/domain.js';

export type StatusCounts = Record<ResultStatus, number>;

export interface CategoryScore {
  category: string;
  score: number | null;
  grade: Grade | null;
  counts: StatusCounts;
  pointsRecoverable: number;
}

export interface FrameworkScore {
  frameworkId: string;
  key: string;
  name: string;
  version: string;
  score: number | null;
  grade: Grade | null;
  /** Share of requirements with a verdict, 0..1. */
  coverage: number;
  requirementsCovered: number;
  requirementsTotal: number;
}

export interface AcceptedRisk {
  id: string;
  owner: string;
  reason: string;
  compensatingControl: string | null;
  expiresAt: string;
  scope: 'client' | 'baseline';
}

export interface FailingAsset {
  id: string;
  name: string;
  reason: string;
}

export interface ControlResult {
  controlId: string;
  key: string;
  name: string;
  category: string;
  severity: Severity;
  weight: number;
  status: ResultStatus;
  fraction: number | null;
  points: number;
  earned: number;
  pointsRecoverable: number;
  summary: string;
  /** Null once retention has pruned the run's evidence. */
  evidence: Record<string, unknown> | null;
  failingAssets: FailingAsset[] | null;
  exception: AcceptedRisk | null;
  notApplicableReason: string | null;
  remediation: string | null;
}

export interface ScorecardException extends AcceptedRisk {
  controlId: string;
  controlKey: string;
  controlName: string;
  state: 'active' | 'expired';
}

export interface Scorecard {
  client: { id: string; name: string; baseline: string | null };
  run: { id: string; evaluatedAt: string; current: boolean; evidencePruned: boolean };
  score: number | null;
  grade: Grade | null;
  earnedPoints: number;
  possiblePoints: number;
  counts: StatusCounts;
  change: ScoreChanges;
  lastQbr: LastQbr | null;
  freshness: Freshness;
  failingCritical: FailingCritical[];
  categories: CategoryScore[];
  frameworks: FrameworkScore[];
  controls: ControlResult[];
  exceptions: ScorecardException[];
}

export interface TrendPoint {
  runId: string;
  evaluatedAt: string;
  score: number | null;
  grade: Grade | null;
}

export interface QbrMark {
  id: string;
  reviewedAt: string;
  note: string | null;
  score: number | null;
  grade: Grade | null;
  createdBy: string;
}

export interface Trend {
  from: string;
  to: string;
  points: TrendPoint[];
  qbrMarks: QbrMark[];
}

export interface ResultState {
  status: ResultStatus;
  fraction: number | null;
}

export type ChangeDirection = 'improved' | 'regressed' | 'changed' | 'added' | 'removed';

export interface ResultChange {
  controlId: string;
  key: string;
  name: string;
  category: string;
  severity: string;
  from: ResultState | null;
  to: ResultState | null;
  direction: ChangeDirection;
}

export interface EvaluationRef {
  runId: string;
  evaluatedAt: string;
  score: number | null;
  grade: Grade | null;
}

export interface Changes {
  from: EvaluationRef;
  to: EvaluationRef;
  scoreChange: number | null;
  changes: ResultChange[];
}

export type RequirementStatus = 'met' | 'partially_met' | 'not_met' | 'risk_accepted' | 'not_applicable' | 'not_covered' | 'no_controls';

export interface Requirement {
  id: string;
  ref: string;
  title: string;
  grouping: string;
  status: RequirementStatus;
  covered: boolean;
  controls: { controlId: string; key: string; name: string; status: ResultStatus | null; fraction: number | null; summary: string | null }[];
}

export interface Statement {
  framework: FrameworkScore;
  statusCounts: Record<RequirementStatus, number>;
  requirements: Requirement[];
}

export interface EvaluationRun {
  id: string;
  status: JobStatus;
  phase: 'syncing' | 'planning' | 'evaluating' | null;
  progress: { done: number; total: number; failed: number };
  error: string | null;
  /** The evaluated clients' mean score, once the run has finished. */
  portfolio: { score: number | null; grade: Grade | null } | null;
  /** On GET of one run: the clients that failed, with why. */
  errors?: { clientId: string; clientName: string; message: string }[];
}

export interface ReportTemplate {
  key: string;
  builtin: boolean;
  name: string;
  description: string;
}

export interface Report {
  id: string;
  title: string;
  templateName: string;
  pageCount: number;
  sizeBytes: number;
  createdAt: string;
}
