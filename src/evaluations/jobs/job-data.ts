/** Payload of an `evaluation.run` job. */
export interface RunJobData {
  tenantId: string;
  runId: string;
}

/** Payload of an `evaluation.client` job: one client's part of one run. */
export interface ClientJobData {
  tenantId: string;
  runId: string;
  clientId: string;
}

/** What pg-boss stored as a failed job's output: the error `failed` results carry. */
export function errorMessageOf(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output && typeof output.message === 'string') return output.message;
  return 'The job failed without an error message';
}
