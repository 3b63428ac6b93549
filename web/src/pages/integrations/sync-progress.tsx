import { RelativeTime } from '../../components/relative-time.js';
import { RunStatus } from './run-status.js';
import { COUNT_TEXT, formatDuration, isActive, MODE_TEXT, PHASE_TEXT, phaseSteps, type StepState } from './sync-runs.js';
import type { SyncCounts, SyncRun } from './types.js';

const STEP_SYMBOL: Record<StepState, string> = { done: '✓', current: '●', failed: '✗', pending: '○' };
const STEP_WORD: Record<StepState, string> = { done: 'done', current: 'in progress', failed: 'failed', pending: 'not started' };

/**
 * One run: where it is (phases), how much it has stored, and what it changed. The PSA never says
 * how many pages there will be, so a running sync shows an indeterminate bar with the page count.
 */
export function SyncProgress({ run }: { run: SyncRun }) {
  const active = isActive(run);
  return (
    <div className="sync-progress">
      <p className="sync-headline">
        <RunStatus status={run.status} /> <span className="muted">·</span> {MODE_TEXT[run.mode]} sync <span className="muted">·</span>{' '}
        {run.startedAt ? (
          <>
            started <RelativeTime iso={run.startedAt} />
          </>
        ) : (
          <>
            requested <RelativeTime iso={run.createdAt} />
          </>
        )}
        {!active && run.finishedAt && <> · took {formatDuration(run.startedAt, run.finishedAt)}</>}
      </p>
      <ol className="sync-steps" aria-label="Sync phases">
        {phaseSteps(run).map(({ phase, state }) => (
          <li key={phase} className={`step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span aria-hidden="true">{STEP_SYMBOL[state]} </span>
            {PHASE_TEXT[phase]}
            <span className="visually-hidden">: {STEP_WORD[state]}</span>
          </li>
        ))}
      </ol>
      {active && <progress className="sync-bar" aria-label="Sync progress" />}
      <p className="muted pages-stored">
        {run.progress.done.toLocaleString('en')} {run.progress.done === 1 ? 'page' : 'pages'} stored
        {run.changedSince && (
          <>
            {' '}
            · changes since <RelativeTime iso={run.changedSince} />
          </>
        )}
      </p>
      <h3 className="counts-title">Records</h3>
      <CountList counts={run.counts} />
      {run.status === 'failed' && (
        <div className="run-error">
          <p className="run-error-title">Why it failed</p>
          <p className="run-error-text">{run.error ?? 'The sync stopped without a reason.'}</p>
        </div>
      )}
    </div>
  );
}

function CountList({ counts }: { counts: SyncCounts }) {
  return (
    <dl className="sync-counts">
      {(Object.keys(COUNT_TEXT) as (keyof SyncCounts)[]).map((key) => (
        <div key={key} className={key === 'failed' && counts.failed > 0 ? 'count-failed' : undefined}>
          <dt>{COUNT_TEXT[key]}</dt>
          <dd>{counts[key].toLocaleString('en')}</dd>
        </div>
      ))}
    </dl>
  );
}
