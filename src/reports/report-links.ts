import { API_PREFIX } from '../common/http/openapi.js';

/** Where a report's PDF is downloaded, relative to the server's base URL. */
export function downloadUrlOf(reportId: string): string {
  return `/${API_PREFIX}/reports/${reportId}/download`;
}

/** The reports a bulk request made. */
export function batchReportsUrlOf(batchId: string): string {
  return `/${API_PREFIX}/reports?batchId=${batchId}`;
}
