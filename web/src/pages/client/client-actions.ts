import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, api, apiUrl, asApiError } from '../../api/client.js';
import { useMutation } from '../../api/use-api.js';
import type { EvaluationRun, QbrMark, Report } from './client-types.js';

const POLL_INTERVAL_MS = 1000;

export function isFinished(run: EvaluationRun): boolean {
  return run.status === 'succeeded' || run.status === 'failed';
}

export interface Reevaluation {
  run: EvaluationRun | undefined;
  start: () => Promise<void>;
  /** Asked for, queued or running. */
  active: boolean;
  error: ApiError | undefined;
}

/** Evaluates this one client now and follows the run until it ends, then calls `onFinished`. */
export function useReevaluation(clientId: string, onFinished: () => void): Reevaluation {
  const [run, setRun] = useState<EvaluationRun>();
  const [pollError, setPollError] = useState<ApiError>();
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  const request = useMutation(useCallback(() => api.post<EvaluationRun>('/evaluations', { clientIds: [clientId] }), [clientId]));
  const requestRun = request.run;
  const start = useCallback(async () => {
    setPollError(undefined);
    setRun(undefined);
    const queued = await requestRun();
    if (queued) setRun(queued);
  }, [requestRun]);

  useEffect(() => {
    if (!run || isFinished(run)) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      api.get<EvaluationRun>(`/evaluations/${run.id}`).then(
        (next) => {
          if (cancelled) return;
          setRun(next);
          if (isFinished(next)) finished.current();
        },
        (reason: unknown) => {
          if (!cancelled) setPollError(asApiError(reason));
        },
      );
    }, POLL_INTERVAL_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [run]);

  const following = run !== undefined && !isFinished(run) && !pollError;
  return { run, start, active: request.pending || following, error: request.error ?? pollError };
}

/** Starts the browser's download of a file the session may read (the API sends it as an attachment). */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

export function reportDownloadUrl(report: Report): string {
  return apiUrl(`/reports/${report.id}/download`);
}

export interface ReportExport {
  exportPdf: (template: string) => Promise<void>;
  pending: boolean;
  error: ApiError | undefined;
  report: Report | undefined;
}

/** Makes the client's PDF report now (the API answers when it is made) and downloads it. */
export function useReportExport(clientId: string): ReportExport {
  const [report, setReport] = useState<Report>();
  const create = useMutation(useCallback((template: string) => api.post<Report>('/reports', { clientId, template }), [clientId]));
  const createRun = create.run;
  const exportPdf = useCallback(
    async (template: string) => {
      setReport(undefined);
      const made = await createRun(template);
      if (!made) return;
      setReport(made);
      download(reportDownloadUrl(made));
    },
    [createRun],
  );
  return { exportPdf, pending: create.pending, error: create.error, report };
}

export interface QbrMarkRequest {
  reviewedAt?: string;
  note?: string;
}

export function markQbr(clientId: string, request: QbrMarkRequest): Promise<QbrMark> {
  return api.post<QbrMark>(`/clients/${clientId}/qbr-marks`, request);
}

export function removeQbrMark(clientId: string, markId: string): Promise<void> {
  return api.delete(`/clients/${clientId}/qbr-marks/${markId}`);
}
