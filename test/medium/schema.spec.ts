import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { migrateToLatest, migrationStatus } from '../../src/database/migrator.js';
import type { DB } from '../../src/database/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Every column of every table in the Kysely types. The mapped type makes the compiler demand each
 * typed column here; the test below demands each database column.
 */
const TYPED_COLUMNS: { [T in keyof DB]: { [C in keyof DB[T]]-?: true } } = {
  tenants: { id: true, name: true, entraTenantId: true, isDemo: true, noDataScoring: true, evaluationSchedule: true, timezone: true, scheduleUpdatedAt: true, evidenceRetentionDays: true, createdAt: true, updatedAt: true, dataVersion: true },
  users: { id: true, tenantId: true, entraObjectId: true, email: true, displayName: true, role: true, lastSignInAt: true, createdAt: true, updatedAt: true },
  apiKeys: { id: true, tenantId: true, name: true, prefix: true, keyHash: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdBy: true, createdAt: true },
  auditLog: { id: true, tenantId: true, occurredAt: true, actorType: true, actorId: true, actorLabel: true, action: true, targetType: true, targetId: true, details: true, ip: true, requestId: true },
  webSessions: { id: true, tenantId: true, userId: true, tokenHash: true, csrfToken: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
  signInAttempts: { stateHash: true, codeVerifier: true, nonce: true, returnTo: true, createdAt: true, expiresAt: true },
  clients: { id: true, tenantId: true, integrationId: true, externalId: true, lastSyncRunId: true, name: true, status: true, externalRefs: true, domains: true, seats: true, baseline: true, baselineAssignment: true, psaProfile: true, notes: true, createdAt: true, updatedAt: true },
  integrations: {
    id: true, tenantId: true, kind: true, name: true, config: true, clientTypes: true, clientStatuses: true, includeInactive: true, fieldMapping: true,
    credentialsCiphertext: true, credentialsNonce: true, credentialsKeyId: true, syncedThrough: true, createdAt: true, updatedAt: true,
  },
  syncRuns: {
    id: true, tenantId: true, integrationId: true, mode: true, status: true, phase: true, changedSince: true, created: true, updated: true, deactivated: true,
    skipped: true, failed: true, pages: true, error: true, requestedBy: true, heartbeatAt: true, startedAt: true, finishedAt: true, createdAt: true,
  },
  contacts: {
    id: true, tenantId: true, clientId: true, integrationId: true, externalId: true, active: true, raw: true, sourceUpdatedAt: true, lastSyncRunId: true,
    createdAt: true, updatedAt: true, firstName: true, lastName: true, email: true, phone: true, title: true,
  },
  assets: {
    id: true, tenantId: true, clientId: true, integrationId: true, externalId: true, active: true, raw: true, sourceUpdatedAt: true, lastSyncRunId: true,
    createdAt: true, updatedAt: true, source: true, kind: true, name: true, hostname: true, serialNumber: true, osName: true, osVersion: true, lastSeenAt: true,
    antivirusProduct: true, antivirusStatus: true, patchStatus: true, missingPatches: true, diskEncrypted: true, warrantyEndsAt: true, lastBackupAt: true,
  },
  facts: { id: true, tenantId: true, clientId: true, key: true, value: true, source: true, observedAt: true, receivedAt: true },
  frameworks: { id: true, tenantId: true, key: true, name: true, version: true, publisher: true, url: true, description: true, createdAt: true, updatedAt: true },
  frameworkRequirements: { id: true, tenantId: true, frameworkId: true, ref: true, title: true, grouping: true, position: true },
  controls: {
    id: true, tenantId: true, key: true, name: true, category: true, severity: true, description: true, rationale: true, remediation: true, evidenceSource: true,
    evaluatorKind: true, params: true, position: true, createdBy: true, retiredAt: true, createdAt: true, updatedAt: true,
  },
  controlMappings: { tenantId: true, controlId: true, requirementId: true },
  baselines: { id: true, tenantId: true, name: true, description: true, rule: true, rulePriority: true, createdAt: true, updatedAt: true },
  controlSettings: {
    id: true, tenantId: true, controlId: true, level: true, baselineId: true, clientId: true, enabled: true, weight: true, params: true, notApplicable: true,
    notApplicableReason: true, updatedBy: true, updatedAt: true,
  },
  controlExceptions: { id: true, tenantId: true, controlId: true, clientId: true, baselineId: true, owner: true, reason: true, compensatingControl: true, expiresAt: true, createdBy: true, createdAt: true },
  attestations: { id: true, tenantId: true, clientId: true, controlId: true, statement: true, attestedBy: true, attestedAt: true, expiresAt: true, evidenceUrl: true, createdBy: true, createdAt: true },
  evaluationRuns: {
    id: true, tenantId: true, trigger: true, requestedBy: true, scheduledFor: true, clientIds: true, sync: true, status: true, phase: true, total: true, done: true, failed: true,
    syncs: true, error: true, portfolioScore: true, portfolioGrade: true, distribution: true, evidencePrunedAt: true, createdAt: true, startedAt: true, finishedAt: true,
  },
  runClients: { tenantId: true, runId: true, clientId: true, clientName: true, baseline: true, status: true, score: true, grade: true, earnedPoints: true, possiblePoints: true, counts: true, error: true, evaluatedAt: true, noDataScoring: true, evidenceAt: true },
  frameworkScores: { tenantId: true, runId: true, clientId: true, frameworkId: true, score: true, grade: true, coverage: true, requirementsTotal: true, requirementsCovered: true, counts: true },
  controlResults: {
    tenantId: true, runId: true, clientId: true, controlId: true, controlKey: true, name: true, category: true, severity: true, weight: true, status: true, fraction: true,
    points: true, earned: true, pointsRecoverable: true, summary: true, evidence: true, failingAssets: true, exception: true, notApplicableReason: true,
  },
  clientScorecards: {
    tenantId: true, clientId: true, runId: true, evaluatedAt: true, score: true, grade: true, previousRunId: true, previousScore: true, previousGrade: true, failingCritical: true, evidenceAt: true,
  },
  qbrMarks: { id: true, tenantId: true, clientId: true, reviewedAt: true, note: true, runId: true, score: true, grade: true, createdBy: true, createdAt: true },
  webhooks: {
    id: true, tenantId: true, url: true, description: true, events: true, scoreChangeThreshold: true, enabled: true, disabledReason: true, secretCiphertext: true, secretNonce: true,
    secretKeyId: true, previousSecretCiphertext: true, previousSecretNonce: true, previousSecretKeyId: true, previousSecretExpiresAt: true, secretRotatedAt: true, createdBy: true,
    createdAt: true, updatedAt: true,
  },
  webhookDeliveries: {
    id: true, tenantId: true, webhookId: true, eventId: true, eventType: true, payload: true, status: true, attempts: true, attemptCount: true, error: true, redeliveryOf: true,
    createdAt: true, lastAttemptAt: true, deliveredAt: true,
  },
  reportBranding: { tenantId: true, name: true, primaryColor: true, accentColor: true, footerText: true, logo: true, logoType: true, logoWidth: true, logoHeight: true, logoSha256: true, updatedAt: true },
  reportTemplates: { id: true, tenantId: true, key: true, basedOn: true, definition: true, createdBy: true, createdAt: true, updatedAt: true },
  reportSchedules: {
    id: true, tenantId: true, baselineId: true, templateKey: true, frameworkId: true, dayOfMonth: true, hour: true, enabled: true, nextRunAt: true, lastRunAt: true,
    lastBatchId: true, lastError: true, createdBy: true, createdAt: true, updatedAt: true,
  },
  reportBatches: {
    id: true, tenantId: true, templateKey: true, frameworkId: true, scheduleId: true, status: true, total: true, done: true, failed: true, failures: true, error: true,
    requestedBy: true, createdAt: true, startedAt: true, finishedAt: true,
  },
  reports: {
    id: true, tenantId: true, clientId: true, runId: true, clientName: true, templateKey: true, templateName: true, frameworkId: true, title: true, batchId: true,
    storageKey: true, sha256: true, sizeBytes: true, pageCount: true, createdBy: true, createdAt: true,
  },
};

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe('schema', () => {
  it('the Kysely types match the migrated tables column for column', async () => {
    const { rows } = await sql<{ table: string; column: string }>`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely_%' order by 1, 2`.execute(testDb.database.system);
    const actual: Record<string, string[]> = {};
    for (const row of rows) (actual[row.table] ??= []).push(row.column);
    const typed = Object.fromEntries(Object.entries(TYPED_COLUMNS).map(([table, columns]) => [snake(table), Object.keys(columns).map(snake).toSorted()]));
    expect(actual).toEqual(typed);
  });

  it('every migration file is registered, in order', () => {
    const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
    const files = readdirSync(folder)
      .filter((file) => /^\d{14}-.+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .toSorted();
    expect(Object.keys(migrations)).toEqual(files);
  });

  it('migrating again is a no-op', async () => {
    await expect(migrateToLatest(testDb.database.system)).resolves.toEqual({ applied: [], pending: [] });
    const status = await migrationStatus(testDb.database.system);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(Object.keys(migrations));
  });
});
