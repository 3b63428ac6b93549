import type { JobStatus } from '../../api/domain.js';
import type { SyncCounts, SyncMode, SyncPhase, SyncRun } from './types.js';

export function isActive(run: Pick<SyncRun, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

export const STATUS_TEXT: Record<JobStatus, { symbol: string; word: string }> = {
  queued: { symbol: '◷', word: 'Queued' },
  running: { symbol: '↻', word: 'Running' },
  succeeded: { symbol: '✓', word: 'Succeeded' },
  failed: { symbol: '✗', word: 'Failed' },
};

export const MODE_TEXT: Record<SyncMode, string> = { incremental: 'Incremental', full: 'Full' };

export const PHASE_TEXT: Record<SyncPhase, string> = {
  companies: 'Companies',
  contacts: 'Contacts',
  assets: 'Assets',
  deactivating: 'Retiring removed records',
};

/** The phases a run goes through in order; only a full sync retires what vanished from the PSA. */
export function phasesOf(mode: SyncMode): SyncPhase[] {
  return mode === 'full' ? ['companies', 'contacts', 'assets', 'deactivating'] : ['companies', 'contacts', 'assets'];
}

export type StepState = 'done' | 'current' | 'failed' | 'pending';

/** Where each phase stands, for the step list under a live run. */
export function phaseSteps(run: Pick<SyncRun, 'mode' | 'status' | 'phase'>): { phase: SyncPhase; state: StepState }[] {
  const phases = phasesOf(run.mode);
  const reached = run.phase === null ? -1 : phases.indexOf(run.phase);
  // A run that has stored no page yet is working on (or failed in) the first phase.
  const at = Math.max(reached, 0);
  return phases.map((phase, index): { phase: SyncPhase; state: StepState } => {
    if (run.status === 'succeeded' || index < reached) return { phase, state: 'done' };
    if (run.status === 'queued' || index !== at) return { phase, state: 'pending' };
    return { phase, state: run.status === 'failed' ? 'failed' : 'current' };
  });
}

/** 0.04 s, 12 s, 3 min 5 s, 1 h 2 min; a dash before the run starts. */
export function formatDuration(startedAt: string | null, finishedAt: string | null, now: Date = new Date()): string {
  if (!startedAt) return '—';
  const end = finishedAt ? new Date(finishedAt).getTime() : now.getTime();
  const ms = Math.max(0, end - new Date(startedAt).getTime());
  if (ms < 10_000) return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

const COUNT_ORDER: (keyof SyncCounts)[] = ['created', 'updated', 'deactivated', 'skipped', 'failed'];

export const COUNT_TEXT: Record<keyof SyncCounts, string> = {
  created: 'Created',
  updated: 'Updated',
  deactivated: 'Deactivated',
  skipped: 'Skipped',
  failed: 'Failed',
};

/** "216 created, 27 skipped"; "no changes" when every count is zero. */
export function summariseCounts(counts: SyncCounts): string {
  const parts = COUNT_ORDER.filter((key) => counts[key] > 0).map((key) => `${counts[key].toLocaleString('en')} ${COUNT_TEXT[key].toLowerCase()}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

/** One sentence for screen readers when a run moves on, without the counts that change every page. */
export function runAnnouncement(run: Pick<SyncRun, 'status' | 'phase' | 'counts' | 'error' | 'startedAt' | 'finishedAt'>): string {
  switch (run.status) {
    case 'queued':
      return 'Sync queued.';
    case 'running':
      return run.phase ? `Sync running: ${PHASE_TEXT[run.phase].toLowerCase()}.` : 'Sync running.';
    case 'succeeded':
      return `Sync succeeded in ${formatDuration(run.startedAt, run.finishedAt)}: ${summariseCounts(run.counts)}.`;
    case 'failed':
      return `Sync failed: ${run.error ?? 'no reason given'}`;
  }
}
