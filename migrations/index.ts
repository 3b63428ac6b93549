import type { Migration } from 'kysely/migration';
import * as foundation from './20261123130000-foundation.js';
import * as integrations from './20261123150000-integrations.js';
import * as evidence from './20261123160000-evidence.js';
import * as controls from './20261123170000-controls.js';
import * as evaluations from './20261124090000-evaluations.js';
import * as scorecards from './20261125090000-scorecards.js';
import * as webhooks from './20261125100000-webhooks.js';
import * as reports from './20261126090000-reports.js';
import * as webSessions from './20261127090000-web-sessions.js';

/**
 * Every migration, keyed by its file name. A test checks that each file in this folder is listed,
 * so a new migration cannot be forgotten here. Never edit a migration after it has merged.
 */
export const migrations: Record<string, Migration> = {
  '20261123130000-foundation': foundation,
  '20261123150000-integrations': integrations,
  '20261123160000-evidence': evidence,
  '20261123170000-controls': controls,
  '20261124090000-evaluations': evaluations,
  '20261125090000-scorecards': scorecards,
  '20261125100000-webhooks': webhooks,
  '20261126090000-reports': reports,
  '20261127090000-web-sessions': webSessions,
};
