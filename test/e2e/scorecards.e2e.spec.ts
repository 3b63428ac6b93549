import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import type { Severity } from '../../src/controls/catalog/control-definition.js';
import type { ResultStatus } from '../../src/controls/evaluators/evaluator.js';
import { type RequirementCoverage, scoreFramework, scorePortfolio, scoreResults } from '../../src/scoring/scoring.js';
import { evaluateAll, pushFacts as pushFactsFor } from '../support/evaluation-helpers.js';
import { createTestApp, tenantWithKey, type TenantWithKey } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
let app: NestExpressApplication;
let msp: TenantWithKey;
let other: TenantWithKey;
let reader: string;
const ids: Record<'alpine' | 'birch' | 'cedar' | 'dormant' | 'newcomer', string> = { alpine: '', birch: '', cedar: '', dormant: '', newcomer: '' };
let firstRun: string;
let secondRun: string;

const api = () => request(app.getHttpServer());
const auth = (key = msp.key) => ({ Authorization: `Bearer ${key}` });

const pushFacts = (clientId: string, facts: Record<string, unknown>) => pushFactsFor(app, msp.key, clientId, facts);
const evaluate = () => evaluateAll(app, msp.key);

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await createTestApp({ database: testDb.database, role: 'all', env: { RAMPART_JOB_POLL_SECONDS: '0.5' } });
  msp = await tenantWithKey(app, 'Scorecard MSP');
  other = await tenantWithKey(app, 'Other MSP');
  reader = (await tenantWithKey(app, 'Reader MSP', ['scorecards:read'])).key;
  await api().post('/api/v1/baselines').set(auth()).send({ name: 'Premium' }).expect(201);
  for (const [name, key, baseline] of [['Alpine Dental', 'alpine', 'Premium'], ['Birch Legal', 'birch', 'Premium'], ['Cedar Logistics', 'cedar', null]] as const) {
    ids[key] = (await api().post('/api/v1/clients').set(auth()).send({ name, baseline }).expect(201)).body.id;
  }
  ids.dormant = (await api().post('/api/v1/clients').set(auth()).send({ name: 'Dormant Co', status: 'inactive' }).expect(201)).body.id;
  await pushFacts(ids.alpine, { 'm365.mfa_registered_ratio': 1, 'm365.admin_mfa_registered_ratio': 1 });
  await pushFacts(ids.birch, { 'm365.mfa_registered_ratio': 0.9, 'm365.admin_mfa_registered_ratio': 0 });
  firstRun = await evaluate();
  await pushFacts(ids.birch, { 'm365.admin_mfa_registered_ratio': 1 });
  secondRun = await evaluate();
  ids.newcomer = (await api().post('/api/v1/clients').set(auth()).send({ name: 'Newcomer Inc' }).expect(201)).body.id;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

interface PortfolioClient {
  clientId: string;
  name: string;
  score: number | null;
  grade: string | null;
  runId: string | null;
  change: { previousRun: number | null; days30: number | null; sinceQbr: number | null };
  lastQbr: { reviewedAt: string; score: number | null } | null;
  failingCritical: { key: string }[];
  freshness: { evaluatedAt: string | null; stale: boolean };
}

async function scorecard(query = '', key = msp.key) {
  return (await api().get(`/api/v1/portfolio/scorecard${query}`).set(auth(key)).expect(200)).body as {
    portfolio: { score: number | null; clients: number; scoredClients: number; notEvaluated: number; distribution: Record<string, number> };
    fixes: { key: string; clients: number; pointsRecoverable: number; portfolioLift: number }[] | null;
    data: PortfolioClient[];
    nextCursor: string | null;
  };
}

/** The formula applied directly to what the runs stored, bypassing every read model. */
async function storedScore(clientId: string, runId: string) {
  const results = await testDb.database.system.selectFrom('controlResults').selectAll().where('runId', '=', runId).where('clientId', '=', clientId).execute();
  const scorable = results.map((row) => ({ controlId: row.controlId, status: row.status as ResultStatus, fraction: row.fraction, severity: row.severity as Severity, weight: row.weight }));
  return { results: scorable, score: scoreResults(scorable, { noData: 'fail' }) };
}

async function requirementsOf(frameworkId: string): Promise<RequirementCoverage[]> {
  const rows = await testDb.database.system
    .selectFrom('frameworkRequirements as r')
    .leftJoin('controlMappings as m', 'm.requirementId', 'r.id')
    .select(['r.id', 'm.controlId'])
    .where('r.frameworkId', '=', frameworkId)
    .execute();
  const byRequirement = new Map<string, string[]>();
  for (const row of rows) byRequirement.set(row.id, [...(byRequirement.get(row.id) ?? []), ...(row.controlId ? [row.controlId] : [])]);
  return [...byRequirement].map(([requirementId, controlIds]) => ({ requirementId, controlIds }));
}

describe('the same numbers everywhere', () => {
  it('portfolio, client and framework figures equal the formula applied to the stored results', async () => {
    const portfolio = await scorecard('?limit=500');
    const evaluated = portfolio.data.filter((client) => client.runId !== null);
    expect(evaluated.map((client) => client.runId)).toEqual([secondRun, secondRun, secondRun]);
    const direct = new Map<string, number | null>();
    for (const client of evaluated) {
      const { results, score } = await storedScore(client.clientId, secondRun);
      direct.set(client.clientId, score.score);
      expect(client.score).toBe(score.score);
      expect(client.grade).toBe(score.grade);
      const card = (await api().get(`/api/v1/clients/${client.clientId}/scorecard`).set(auth()).expect(200)).body;
      expect(card).toMatchObject({ score: score.score, grade: score.grade, counts: score.counts });
      expect(card.earnedPoints).toBeCloseTo(score.earnedPoints, 9);
      for (const framework of card.frameworks) {
        const expected = scoreFramework(results, await requirementsOf(framework.frameworkId), { noData: 'fail' });
        expect(framework).toMatchObject({ score: expected.score, coverage: expected.coverage, requirementsCovered: expected.requirementsCovered });
        const statement = (await api().get(`/api/v1/clients/${client.clientId}/frameworks/${framework.frameworkId}`).set(auth()).expect(200)).body;
        expect(statement.framework).toMatchObject({ score: expected.score, coverage: expected.coverage });
        expect(statement.requirements.filter((requirement: { covered: boolean }) => requirement.covered)).toHaveLength(expected.requirementsCovered);
      }
    }
    expect(portfolio.portfolio).toMatchObject({ ...scorePortfolio([...direct.values()]), clients: 4, notEvaluated: 1 });
  });
});

describe('GET /api/v1/portfolio/scorecard', () => {
  it('lists active clients worst first, the never-evaluated last, with changes since the previous run', async () => {
    const { data } = await scorecard();
    expect(data.map((client) => client.name)).not.toContain('Dormant Co');
    expect(data.at(-1)).toMatchObject({ name: 'Newcomer Inc', score: null, runId: null, change: { previousRun: null }, freshness: { evaluatedAt: null, stale: true } });
    const scores = data.filter((client) => client.score !== null).map((client) => client.score!);
    expect(scores).toEqual(scores.toSorted((a, b) => a - b));
    const birch = data.find((client) => client.clientId === ids.birch)!;
    expect(birch.change.previousRun).toBeGreaterThan(0);
    expect(birch.failingCritical.map((control) => control.key)).not.toContain('identity.mfa_admins');
    expect(data.find((client) => client.clientId === ids.cedar)!.change.previousRun).toBe(0);
  });

  it('filters by change, baseline, grade and score range, and figures the portfolio over the filtered clients', async () => {
    const up = await scorecard('?changed=up');
    expect(up.data.map((client) => client.clientId)).toEqual([ids.birch]);
    expect(up.portfolio).toMatchObject({ clients: 1, score: up.data[0]!.score });
    expect((await scorecard('?changed=down')).data).toEqual([]);
    expect((await scorecard('?baseline=Premium')).data.map((client) => client.name).toSorted()).toEqual(['Alpine Dental', 'Birch Legal']);
    const alpine = (await scorecard()).data.find((client) => client.clientId === ids.alpine)!;
    expect((await scorecard(`?grade=${alpine.grade}`)).data.map((client) => client.clientId)).toContain(ids.alpine);
    const ranged = await scorecard(`?minScore=${alpine.score}&maxScore=${alpine.score}`);
    expect(ranged.data.every((client) => client.score === alpine.score)).toBe(true);
  });

  it('pages through every client once, in any sort, with cursors', async () => {
    for (const sort of ['score', '-score', 'name', '-name', 'change', '-failingCritical', 'evaluatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await scorecard(`?limit=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.data.map((client) => client.clientId));
        if (cursor) expect(page.fixes).toBeNull();
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.toSorted()).toEqual([ids.alpine, ids.birch, ids.cedar, ids.newcomer].toSorted());
    }
    const byName = await scorecard('?sort=-name');
    expect(byName.data.map((client) => client.name)).toEqual(['Newcomer Inc', 'Cedar Logistics', 'Birch Legal', 'Alpine Dental']);
  });

  it('ranks the fixes that lift the portfolio most by points recoverable summed over clients', async () => {
    const { fixes, portfolio } = await scorecard();
    expect(fixes!.length).toBeGreaterThan(0);
    const totals = fixes!.map((fix) => fix.pointsRecoverable);
    expect(totals).toEqual(totals.toSorted((a, b) => b - a));
    const top = fixes![0]!;
    const stored = await testDb.database.system
      .selectFrom('controlResults')
      .select(['clientId', 'pointsRecoverable'])
      .where('runId', '=', secondRun)
      .where('controlKey', '=', top.key)
      .where('pointsRecoverable', '>', 0)
      .execute();
    expect(top.clients).toBe(stored.length);
    expect(top.pointsRecoverable).toBeCloseTo(stored.reduce((sum, row) => sum + row.pointsRecoverable, 0), 1);
    expect(top.portfolioLift).toBeCloseTo(top.pointsRecoverable / portfolio.scoredClients, 1);
  });

  it('names the bad parameter', async () => {
    for (const [query, field] of [
      ['?sort=popularity', 'sort'],
      ['?grade=Z', 'grade'],
      ['?minScore=80&maxScore=20', 'minScore'],
      ['?minScore=abc', 'minScore'],
      ['?changed=sideways', 'changed'],
      ['?cursor=bm9wZQ', 'cursor'],
      ['?limit=501', 'limit'],
    ]) {
      const { body } = await api().get(`/api/v1/portfolio/scorecard${query}`).set(auth()).expect(400);
      expect(body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    }
  });

  it('shows another tenant nothing of this one', async () => {
    const theirs = await scorecard('', other.key);
    expect(theirs.data).toEqual([]);
    expect(theirs.portfolio).toMatchObject({ clients: 0, score: null });
    expect(theirs.fixes).toEqual([]);
    const heatmap = await api().get('/api/v1/portfolio/heatmap').set(auth(other.key)).expect(200);
    expect(heatmap.body.data).toEqual([]);
    const exported = await api().get('/api/v1/portfolio/scorecard/export?format=json').set(auth(other.key)).expect(200);
    expect(exported.body.data).toEqual([]);
  });
});

describe('GET /api/v1/portfolio/heatmap', () => {
  it('gives one status per catalog control for each client, in the scorecard order', async () => {
    const { body } = await api().get('/api/v1/portfolio/heatmap?limit=10').set(auth()).expect(200);
    expect(body.controls.length).toBeGreaterThan(50);
    const column = body.controls.findIndex((control: { key: string }) => control.key === 'identity.mfa_admins');
    const birch = body.data.find((row: { clientId: string }) => row.clientId === ids.birch);
    expect(birch.statuses).toHaveLength(body.controls.length);
    expect(birch.statuses[column]).toBe('pass');
    expect(body.data.find((row: { clientId: string }) => row.clientId === ids.newcomer).statuses.every((status: string | null) => status === null)).toBe(true);
    const identity = await api().get('/api/v1/portfolio/heatmap?category=identity').set(auth()).expect(200);
    expect(identity.body.controls.every((control: { category: string }) => control.category === 'identity')).toBe(true);
  });
});

describe('GET /api/v1/clients/:id/scorecard', () => {
  it('shows categories, frameworks, each control with its evidence and points recoverable', async () => {
    const { body } = await api().get(`/api/v1/clients/${ids.birch}/scorecard`).set(auth()).expect(200);
    expect(body.client).toMatchObject({ id: ids.birch, name: 'Birch Legal', baseline: 'Premium' });
    expect(body.run).toMatchObject({ id: secondRun, current: true, evidencePruned: false });
    expect(body.categories.map((category: { category: string }) => category.category)).toContain('identity');
    const mfa = body.controls.find((control: { key: string }) => control.key === 'identity.mfa_all_users');
    expect(mfa).toMatchObject({ status: 'partial', severity: expect.any(String), remediation: expect.stringContaining('Entra') });
    expect(mfa.pointsRecoverable).toBeGreaterThan(0);
    expect(mfa.evidence).toMatchObject({ value: 0.9 });
    const recoverable = body.controls.map((control: { pointsRecoverable: number }) => control.pointsRecoverable);
    expect(recoverable).toEqual(recoverable.toSorted((a: number, b: number) => b - a));
    expect(body.change.previousRun).toBeGreaterThan(0);
  });

  it('shows a past run as it was scored, with its own comparison', async () => {
    const { body } = await api().get(`/api/v1/clients/${ids.birch}/scorecard?runId=${firstRun}`).set(auth()).expect(200);
    expect(body.run).toMatchObject({ id: firstRun, current: false });
    expect(body.change.previousRun).toBeNull();
    expect(body.failingCritical.map((control: { key: string }) => control.key)).toContain('identity.mfa_admins');
  });

  it('answers 404 with the reason for a client never evaluated, or a run without it', async () => {
    const never = await api().get(`/api/v1/clients/${ids.newcomer}/scorecard`).set(auth()).expect(404);
    expect(never.body.message).toMatch(/not been evaluated/);
    await api().get(`/api/v1/clients/${ids.newcomer}/scorecard?runId=${secondRun}`).set(auth()).expect(404);
    await api().get(`/api/v1/clients/${ids.birch}/scorecard?runId=nope`).set(auth()).expect(400);
  });
});

describe('trend, QBR marks and changes', () => {
  it('draws the trend oldest first', async () => {
    const { body } = await api().get(`/api/v1/clients/${ids.birch}/trend`).set(auth()).expect(200);
    expect(body.points.map((point: { runId: string }) => point.runId)).toEqual([firstRun, secondRun]);
    expect(body.points[1].score).toBeGreaterThan(body.points[0].score);
    await api().get(`/api/v1/clients/${ids.birch}/trend?from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z`).set(auth()).expect(400);
  });

  it('marks a QBR with the score it looked at, shows the change since, and can take it back', async () => {
    // Now, not a moment ago: the second run may have finished within the last second.
    const reviewedAt = new Date().toISOString();
    const { body: mark } = await api().post(`/api/v1/clients/${ids.birch}/qbr-marks`).set(auth()).send({ reviewedAt, note: 'Q4 review' }).expect(201);
    const current = (await api().get(`/api/v1/clients/${ids.birch}/scorecard`).set(auth()).expect(200)).body;
    expect(mark).toMatchObject({ clientId: ids.birch, runId: secondRun, score: current.score, note: 'Q4 review' });
    expect(current.change.sinceQbr).toBe(0);
    const row = (await scorecard()).data.find((client) => client.clientId === ids.birch)!;
    expect(row.lastQbr).toEqual({ reviewedAt, score: current.score });
    expect(row.change.sinceQbr).toBe(0);
    expect((await api().get(`/api/v1/clients/${ids.birch}/qbr-marks`).set(auth()).expect(200)).body.data.map((item: { id: string }) => item.id)).toEqual([mark.id]);
    expect((await api().get(`/api/v1/clients/${ids.birch}/trend`).set(auth()).expect(200)).body.qbrMarks).toHaveLength(1);
    await api().delete(`/api/v1/clients/${ids.birch}/qbr-marks/${mark.id}`).set(auth()).expect(204);
    await api().delete(`/api/v1/clients/${ids.birch}/qbr-marks/${mark.id}`).set(auth()).expect(404);
  });

  it('refuses a QBR in the future, and needs the write scope', async () => {
    const future = await api().post(`/api/v1/clients/${ids.birch}/qbr-marks`).set(auth()).send({ reviewedAt: '2999-01-01T00:00:00Z' }).expect(400);
    expect(future.body.details[0].field).toBe('reviewedAt');
    await api().post(`/api/v1/clients/${ids.birch}/qbr-marks`).set(auth(reader)).send({}).expect(403);
  });

  it('lists the controls that changed between two runs, by default since the previous one', async () => {
    const { body } = await api().get(`/api/v1/clients/${ids.birch}/changes`).set(auth()).expect(200);
    expect(body.from.runId).toBe(firstRun);
    expect(body.to.runId).toBe(secondRun);
    expect(body.changes).toContainEqual(expect.objectContaining({ key: 'identity.mfa_admins', direction: 'improved', from: { status: 'fail', fraction: 0 }, to: { status: 'pass', fraction: 1 } }));
    expect(body.scoreChange).toBeGreaterThan(0);
    const explicit = await api().get(`/api/v1/clients/${ids.birch}/changes?since=${firstRun}&until=${secondRun}`).set(auth()).expect(200);
    expect(explicit.body.changes).toEqual(body.changes);
    const unchanged = await api().get(`/api/v1/clients/${ids.cedar}/changes`).set(auth()).expect(200);
    expect(unchanged.body.changes).toEqual([]);
    await api().get(`/api/v1/clients/${ids.birch}/changes?since=2001-01-01`).set(auth()).expect(404);
    await api().get(`/api/v1/clients/${ids.birch}/changes?since=yesterday`).set(auth()).expect(400);
  });
});

describe('30 days ago', () => {
  it('is the latest evaluation at least 30 days before the current one, the same on both screens', async () => {
    await testDb.database.system.updateTable('runClients').set({ evaluatedAt: new Date(Date.now() - 31 * 86_400_000) }).where('runId', '=', firstRun).execute();
    const row = (await scorecard()).data.find((client) => client.clientId === ids.birch)!;
    const card = (await api().get(`/api/v1/clients/${ids.birch}/scorecard`).set(auth()).expect(200)).body;
    const { body: trend } = await api().get(`/api/v1/clients/${ids.birch}/trend`).set(auth()).expect(200);
    expect(row.change.days30).toBe(Math.round((trend.points[1].score - trend.points[0].score) * 10) / 10);
    expect(card.change.days30).toBe(row.change.days30);
    expect((await scorecard('?changed=up&changedSince=30d')).data.map((client) => client.clientId)).toEqual([ids.birch]);
    expect((await scorecard('?sort=-change30d')).data[0]!.clientId).toBe(ids.birch);
  });
});

describe('GET /api/v1/clients/:id/frameworks/:frameworkId', () => {
  it('states each requirement with its supporting controls and a status that adds up', async () => {
    const card = (await api().get(`/api/v1/clients/${ids.birch}/scorecard`).set(auth()).expect(200)).body;
    const framework = card.frameworks[0];
    const { body } = await api().get(`/api/v1/clients/${ids.birch}/frameworks/${framework.frameworkId}`).set(auth()).expect(200);
    expect(body.framework).toMatchObject({ frameworkId: framework.frameworkId, score: framework.score, coverage: framework.coverage });
    expect(body.requirements).toHaveLength(framework.requirementsTotal);
    expect(Object.values(body.statusCounts as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(framework.requirementsTotal);
    const withControls = body.requirements.find((requirement: { controls: unknown[] }) => requirement.controls.length > 0);
    expect(withControls.controls[0]).toMatchObject({ controlId: expect.any(String), key: expect.any(String), status: expect.any(String) });
    await api().get(`/api/v1/clients/${ids.birch}/frameworks/00000000-0000-4000-8000-000000000000`).set(auth()).expect(404);
  });
});

describe('exports', () => {
  it('streams the portfolio scorecard as CSV with the same figures as the API, filters included', async () => {
    const { data } = await scorecard('?baseline=Premium&sort=name');
    const response = await api().get('/api/v1/portfolio/scorecard/export?baseline=Premium&sort=name').set(auth()).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="portfolio-scorecard-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = response.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header!.split(',').slice(0, 5)).toEqual(['client_id', 'client', 'baseline', 'score', 'grade']);
    expect(rows.map((row) => row.split(',').slice(0, 5))).toEqual(data.map((client) => [client.clientId, client.name, 'Premium', String(client.score), client.grade]));
  });

  it('streams JSON with ?format=json: the portfolio figures, then every client', async () => {
    const { body } = await api().get('/api/v1/portfolio/scorecard/export?format=json').set(auth()).expect(200);
    const paged = await scorecard('?limit=500');
    expect(body.portfolio).toEqual(paged.portfolio);
    expect(body.data).toEqual(paged.data);
  });

  it('exports the heat map with a column per control, and a client\'s results with a row per control', async () => {
    const heatmap = await api().get('/api/v1/portfolio/heatmap/export?format=csv&category=identity').set(auth()).expect(200);
    const [header, ...rows] = heatmap.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header).toMatch(/^client_id,client,score,grade,identity\./);
    expect(rows).toHaveLength(4);
    const card = (await api().get(`/api/v1/clients/${ids.birch}/scorecard`).set(auth()).expect(200)).body;
    const results = await api().get(`/api/v1/clients/${ids.birch}/scorecard/export`).set(auth()).set('Accept', 'application/json').expect(200);
    expect(results.body).toMatchObject({ client: { id: ids.birch }, run: { id: secondRun }, score: card.score });
    expect(results.body.data).toEqual(card.controls);
    const csv = await api().get(`/api/v1/clients/${ids.birch}/scorecard/export?format=csv&runId=${firstRun}`).set(auth()).expect(200);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(card.controls.length + 1);
  });

  it('refuses formats it cannot produce', async () => {
    const bad = await api().get('/api/v1/portfolio/scorecard/export?format=xlsx').set(auth()).expect(400);
    expect(bad.body.details[0].field).toBe('format');
    await api().get('/api/v1/portfolio/scorecard/export').set(auth()).set('Accept', 'application/xml').expect(406);
    await api().get('/api/v1/portfolio/scorecard/export?limit=10').set(auth()).expect(400);
  });
});

describe('tenant isolation', () => {
  it('answers 404 to another tenant on every client route', async () => {
    const card = (await api().get(`/api/v1/clients/${ids.birch}/scorecard`).set(auth()).expect(200)).body;
    const { body: mark } = await api().post(`/api/v1/clients/${ids.birch}/qbr-marks`).set(auth()).send({}).expect(201);
    const routes: [string, string, object?][] = [
      ['get', `/api/v1/clients/${ids.birch}/scorecard`],
      ['get', `/api/v1/clients/${ids.birch}/scorecard?runId=${secondRun}`],
      ['get', `/api/v1/clients/${ids.birch}/scorecard/export?format=csv`],
      ['get', `/api/v1/clients/${ids.birch}/trend`],
      ['get', `/api/v1/clients/${ids.birch}/changes`],
      ['get', `/api/v1/clients/${ids.birch}/qbr-marks`],
      ['post', `/api/v1/clients/${ids.birch}/qbr-marks`, {}],
      ['delete', `/api/v1/clients/${ids.birch}/qbr-marks/${mark.id}`],
      ['get', `/api/v1/clients/${ids.birch}/frameworks/${card.frameworks[0].frameworkId}`],
    ];
    for (const [method, path, body] of routes) {
      const call = method === 'get' ? api().get(path) : method === 'post' ? api().post(path).send(body) : api().delete(path);
      await call.set(auth(other.key)).expect(404);
    }
    expect((await api().get(`/api/v1/clients/${ids.birch}/qbr-marks`).set(auth()).expect(200)).body.data).toHaveLength(1);
  });
});
