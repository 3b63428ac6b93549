import type { FailingAsset, Outcome } from './evaluator.js';

type Evidence = Record<string, unknown>;

/** A scored outcome: the fraction decides pass (1), fail (0) or partial (anything between). */
export function graded(fraction: number, summary: string, evidence: Evidence, failingAssets: FailingAsset[] = []): Outcome {
  const status = fraction >= 1 ? 'pass' : fraction <= 0 ? 'fail' : 'partial';
  return { status, fraction: Math.min(1, Math.max(0, fraction)), summary, evidence, failingAssets };
}

export function passed(summary: string, evidence: Evidence): Outcome {
  return graded(1, summary, evidence);
}

export function failed(summary: string, evidence: Evidence, failingAssets: FailingAsset[] = []): Outcome {
  return graded(0, summary, evidence, failingAssets);
}

export function noData(summary: string, evidence: Evidence = {}): Outcome {
  return { status: 'no_data', fraction: null, summary, evidence, failingAssets: [] };
}

export function notApplicable(summary: string, evidence: Evidence = {}): Outcome {
  return { status: 'not_applicable', fraction: null, summary, evidence, failingAssets: [] };
}

export function evaluationError(summary: string, evidence: Evidence = {}): Outcome {
  return { status: 'error', fraction: null, summary, evidence, failingAssets: [] };
}
