import type { Queue } from 'pg-boss';
import type { JobsConfig } from '../config/config.js';

/** Every pg-boss queue Rampart uses, with its retry policy, in one place. */
export const QUEUES = {
  /** One per evaluation run: syncs the tenant's integrations if asked, then fans out one job per client. */
  evaluationRun: 'evaluation.run',
  evaluationRunFailed: 'evaluation.run.failed',
  /** One per (run, client): evaluates every control for the client and stores the results. */
  evaluationClient: 'evaluation.client',
  evaluationClientFailed: 'evaluation.client.failed',
  /** Hourly: drops detailed evidence of runs older than each tenant's retention. */
  evidencePrune: 'evidence.prune',
  /** One per webhook delivery: POSTs the signed event; retried with exponential backoff, then dead-lettered. */
  webhookDelivery: 'webhook.delivery',
  webhookDeliveryFailed: 'webhook.delivery.failed',
  /** Hourly: drops webhook deliveries older than the delivery log keeps. */
  webhookPrune: 'webhook.prune',
  /** One per (bulk report request, client): renders and stores the client's PDF. */
  reportRender: 'report.render',
  reportRenderFailed: 'report.render.failed',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * A job whose worker stops sending heartbeats (the process died) goes back to the queue after
 * `heartbeatSeconds`; a failed job is retried with exponential backoff, then dead-lettered, where
 * a handler records the failure on the run so the run still finishes.
 */
export function queueDefinitions(jobs: JobsConfig): Queue[] {
  const retried = { retryLimit: 3, retryBackoff: true, heartbeatSeconds: jobs.heartbeatSeconds };
  return [
    { name: QUEUES.evaluationRunFailed, retryLimit: 5, retryBackoff: true },
    { name: QUEUES.evaluationClientFailed, retryLimit: 5, retryBackoff: true },
    // A run's first step is a PSA sync, which can take a long time for a large MSP.
    { name: QUEUES.evaluationRun, ...retried, retryDelay: 30, expireInSeconds: 6 * 3600, deadLetter: QUEUES.evaluationRunFailed },
    { name: QUEUES.evaluationClient, ...retried, retryDelay: 5, expireInSeconds: 15 * 60, deadLetter: QUEUES.evaluationClientFailed },
    { name: QUEUES.evidencePrune, retryLimit: 2, retryBackoff: true, expireInSeconds: 3600 },
    { name: QUEUES.webhookDeliveryFailed, retryLimit: 5, retryBackoff: true },
    // A delivery is one POST with a 10 s timeout; retries back off from the configured delay, at most 6 h apart.
    {
      name: QUEUES.webhookDelivery,
      retryLimit: jobs.webhookAttempts - 1,
      retryBackoff: true,
      retryDelay: jobs.webhookRetryDelaySeconds,
      retryDelayMax: 6 * 3600,
      expireInSeconds: 120,
      heartbeatSeconds: jobs.heartbeatSeconds,
      deadLetter: QUEUES.webhookDeliveryFailed,
    },
    { name: QUEUES.webhookPrune, retryLimit: 2, retryBackoff: true, expireInSeconds: 3600 },
    { name: QUEUES.reportRenderFailed, retryLimit: 5, retryBackoff: true },
    // A report renders in well under a second; ten minutes covers a stalled storage upload.
    { name: QUEUES.reportRender, retryLimit: 2, retryBackoff: true, retryDelay: 10, expireInSeconds: 600, heartbeatSeconds: jobs.heartbeatSeconds, deadLetter: QUEUES.reportRenderFailed },
  ];
}
