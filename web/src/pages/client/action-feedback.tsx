import type { ApiError } from '../../api/client.js';
import { ErrorMessage } from '../../components/error-message.js';
import { formatScore } from '../../format.js';
import { isFinished, type Reevaluation, type ReportExport, reportDownloadUrl } from './client-actions.js';

function EvaluationProgress({ reevaluation }: { reevaluation: Reevaluation }) {
  const { run, active } = reevaluation;
  if (!run) return active ? <span className="progress-line">Starting the evaluation…</span> : null;
  if (run.status === 'succeeded') {
    const score = run.portfolio?.score;
    return <span className="notice block">Evaluation finished{score === null || score === undefined ? '' : `: score ${formatScore(score)}, grade ${run.portfolio?.grade}`}. The page shows the new results.</span>;
  }
  if (run.status === 'failed') {
    const why = run.errors?.[0]?.message ?? run.error ?? 'no reason given';
    return (
      <span className="error-message block">
        The evaluation failed: {why}
      </span>
    );
  }
  const { done, total } = run.progress;
  return (
    <span className="progress-line">
      {run.status === 'queued' ? 'Evaluation queued…' : `Evaluating… ${done} of ${total || 1} ${(total || 1) === 1 ? 'client' : 'clients'} done`}
      <progress max={total || 1} value={run.status === 'queued' ? undefined : done} aria-label="Evaluation progress" />
    </span>
  );
}

function ReportReady({ reportExport }: { reportExport: ReportExport }) {
  const { report } = reportExport;
  if (!report) return reportExport.pending ? <span className="progress-line">Making the PDF report…</span> : null;
  return (
    <span className="notice block">
      {report.title} is ready ({report.pageCount} pages, {Math.max(1, Math.round(report.sizeBytes / 1024))} KB); the download has started.{' '}
      <a href={reportDownloadUrl(report)} download>
        Download the PDF again
      </a>
    </span>
  );
}

/**
 * Where the header's actions report back: progress and results are announced politely, failures
 * as alerts. The status region is always present so assistive technology hears the first change.
 */
export function ActionFeedback({ reevaluation, reportExport, message, errors }: { reevaluation: Reevaluation; reportExport: ReportExport; message: string | null; errors: (ApiError | undefined)[] }) {
  const showEvaluation = reevaluation.active || (reevaluation.run !== undefined && isFinished(reevaluation.run));
  return (
    <div className="action-feedback">
      <output className="block">
        {showEvaluation && <EvaluationProgress reevaluation={reevaluation} />}
        <ReportReady reportExport={reportExport} />
        {message && <span className="notice block">{message}</span>}
      </output>
      {errors.map((error) => (error ? <ErrorMessage key={error.requestId ?? error.message} error={error} /> : null))}
    </div>
  );
}
