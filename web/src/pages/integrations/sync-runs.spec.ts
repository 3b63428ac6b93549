import { describe, expect, it } from '@jest/globals';
import { formatDuration, isActive, phaseSteps, runAnnouncement, summariseCounts } from './sync-runs.js';

const zero = { created: 0, updated: 0, deactivated: 0, skipped: 0, failed: 0 };

describe('formatDuration', () => {
  const start = '2026-11-23T22:47:30.000Z';
  it('reads short runs to the hundredth or tenth of a second and long ones in minutes and hours', () => {
    expect(formatDuration(start, '2026-11-23T22:47:30.040Z')).toBe('0.04 s');
    expect(formatDuration(start, '2026-11-23T22:47:32.160Z')).toBe('2.2 s');
    expect(formatDuration(start, '2026-11-23T22:47:42.000Z')).toBe('12 s');
    expect(formatDuration(start, '2026-11-23T22:50:35.000Z')).toBe('3 min 5 s');
    expect(formatDuration(start, '2026-11-23T22:49:30.000Z')).toBe('2 min');
    expect(formatDuration(start, '2026-11-24T00:49:30.000Z')).toBe('2 h 2 min');
  });

  it('counts a running sync up to now and shows a dash before it starts', () => {
    expect(formatDuration(start, null, new Date('2026-11-23T22:48:00.000Z'))).toBe('30 s');
    expect(formatDuration(null, null)).toBe('—');
  });
});

describe('isActive', () => {
  it('is true while queued or running', () => {
    expect(['queued', 'running', 'succeeded', 'failed'].map((status) => isActive({ status: status as 'queued' }))).toEqual([true, true, false, false]);
  });
});

describe('phaseSteps', () => {
  const states = (run: Parameters<typeof phaseSteps>[0]) => phaseSteps(run).map((step) => `${step.phase}:${step.state}`);

  it('marks phases before the current one done and retires removed records only in a full sync', () => {
    expect(states({ mode: 'incremental', status: 'running', phase: 'contacts' })).toEqual(['companies:done', 'contacts:current', 'assets:pending']);
    expect(states({ mode: 'full', status: 'running', phase: 'deactivating' })).toEqual(['companies:done', 'contacts:done', 'assets:done', 'deactivating:current']);
  });

  it('starts in the first phase before any page is stored, and shows where a run failed', () => {
    expect(states({ mode: 'incremental', status: 'running', phase: null })).toEqual(['companies:current', 'contacts:pending', 'assets:pending']);
    expect(states({ mode: 'incremental', status: 'queued', phase: null })).toEqual(['companies:pending', 'contacts:pending', 'assets:pending']);
    expect(states({ mode: 'incremental', status: 'failed', phase: null })).toEqual(['companies:failed', 'contacts:pending', 'assets:pending']);
    expect(states({ mode: 'full', status: 'failed', phase: 'assets' })).toEqual(['companies:done', 'contacts:done', 'assets:failed', 'deactivating:pending']);
  });

  it('marks every phase done when the run succeeded, even one that had nothing to store', () => {
    expect(states({ mode: 'incremental', status: 'succeeded', phase: null })).toEqual(['companies:done', 'contacts:done', 'assets:done']);
  });
});

describe('summariseCounts', () => {
  it('lists the non-zero counts in a fixed order, or says nothing changed', () => {
    expect(summariseCounts({ ...zero, skipped: 27, created: 1216 })).toBe('1,216 created, 27 skipped');
    expect(summariseCounts(zero)).toBe('no changes');
  });
});

describe('runAnnouncement', () => {
  const run = { phase: null, counts: zero, error: null, startedAt: '2026-11-23T22:47:30.000Z', finishedAt: '2026-11-23T22:47:30.160Z' };
  it('says where the run is without the counts, and sums it up at the end', () => {
    expect(runAnnouncement({ ...run, status: 'running', phase: 'assets' })).toBe('Sync running: assets.');
    expect(runAnnouncement({ ...run, status: 'succeeded', counts: { ...zero, created: 3 } })).toBe('Sync succeeded in 0.16 s: 3 created.');
    expect(runAnnouncement({ ...run, status: 'failed', error: 'ConnectWise refused the credentials (401)' })).toBe('Sync failed: ConnectWise refused the credentials (401)');
  });
});
