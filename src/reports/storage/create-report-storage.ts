import type { ReportStorageConfig } from '../../config/config.js';
import { LocalReportStorage } from './local-report-storage.js';
import type { ReportStorage } from './report-storage.js';
import { SupabaseReportStorage } from './supabase-report-storage.js';

export function createReportStorage(config: ReportStorageConfig): ReportStorage {
  return config.kind === 'local' ? new LocalReportStorage(config.directory) : new SupabaseReportStorage(config);
}
