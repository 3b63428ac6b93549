import { describeBody, type LoadClient } from './scorecard-load.js';

/** What a scenario's paths may use. */
export interface ScenarioContext {
  /** Every client of the tenant, in a random (seeded) order. */
  clientIds: readonly string[];
  latestRunId: string;
  /** A baseline (service tier) name that has clients. */
  baseline: string;
}

export interface Scenario {
  name: string;
  /** Paths requested in turn. */
  paths: (context: ScenarioContext) => string[];
  /** Also request the second page of each path (through its first page's `nextCursor`). */
  secondPages?: boolean;
  /** The p95 the issue asks for, in ms. */
  targetP95Ms?: number;
  /** A route that answers today, measured to develop and check the harness and as a floor to compare with. */
  standIn?: boolean;
}

const q = encodeURIComponent;

/**
 * One line per route. A scenario whose route is not there yet (404 "Cannot GET ...") is reported
 * as "route not available"; the stand-ins are existing routes of the same shape. Scenarios with a
 * few URLs measure answers the server may reuse between requests (the scorecards keep recent answers
 * while the tenant's data is unchanged); the client scorecard, over every client, and the 1,000-URL
 * page measure computing them.
 */
export const SCENARIOS: Scenario[] = [
  { name: 'portfolio scorecard, page 1 of 100', targetP95Ms: 100, paths: () => ['/api/v1/portfolio/scorecard?limit=100'] },
  // minScore below any real score changes nothing but the URL: 1,000 URLs in turn defeat a cache of recent answers.
  { name: 'portfolio scorecard, page 1 of 100, 1,000 URLs', targetP95Ms: 100, paths: () => Array.from({ length: 1000 }, (_, k) => `/api/v1/portfolio/scorecard?limit=100&minScore=${(k / 1000).toFixed(3)}`) },
  {
    name: 'portfolio scorecard, mix (sort, filters, page 2)',
    targetP95Ms: 100,
    secondPages: true,
    paths: (c) => ['/api/v1/portfolio/scorecard?limit=100', '/api/v1/portfolio/scorecard?limit=100&sort=-score', `/api/v1/portfolio/scorecard?limit=100&baseline=${q(c.baseline)}`, '/api/v1/portfolio/scorecard?limit=100&grade=F'],
  },
  { name: 'portfolio scorecard, worst 30-day change first', targetP95Ms: 100, paths: () => ['/api/v1/portfolio/scorecard?limit=100&sort=change30d'] },
  { name: 'client scorecard, random clients', targetP95Ms: 50, paths: (c) => c.clientIds.map((id) => `/api/v1/clients/${id}/scorecard`) },
  { name: 'portfolio heatmap, 100 clients', paths: () => ['/api/v1/portfolio/heatmap?limit=100'] },
  { name: 'stand-in: clients, page of 100', standIn: true, paths: () => ['/api/v1/clients?limit=100'] },
  { name: 'stand-in: clients, mix (sort, filter, page 2)', standIn: true, secondPages: true, paths: (c) => ['/api/v1/clients?limit=100', '/api/v1/clients?limit=100&sort=-name', `/api/v1/clients?limit=100&baseline=${q(c.baseline)}`] },
  { name: 'stand-in: run clients, page of 100', standIn: true, paths: (c) => [`/api/v1/evaluations/${c.latestRunId}/clients?limit=100`] },
  { name: 'stand-in: one client, random clients', standIn: true, paths: (c) => c.clientIds.map((id) => `/api/v1/clients/${id}`) },
];

export type Resolved = { kind: 'ready'; paths: string[] } | { kind: 'unavailable'; detail: string } | { kind: 'failed'; detail: string };

/** Probes at most this many of a scenario's paths (one per client would be thousands). */
const PROBED_PATHS = 8;

/**
 * Asks each distinct path once: a route missing from the server makes the scenario unavailable,
 * any other answer but 200 fails it. Second pages are added from the first pages' cursors.
 */
export async function resolveScenario(client: LoadClient, scenario: Scenario, context: ScenarioContext): Promise<Resolved> {
  const paths = scenario.paths(context);
  const resolved = [...paths];
  for (const path of paths.slice(0, PROBED_PATHS)) {
    const response = await client.request('GET', path);
    if (response.status === 404 && isMissingRoute(response.body)) return { kind: 'unavailable', detail: `route not available (${describeBody(response.body)})` };
    if (response.status !== 200) return { kind: 'failed', detail: `GET ${path} answered ${response.status}: ${describeBody(response.body)}` };
    if (scenario.secondPages) {
      const { nextCursor } = JSON.parse(response.body.toString('utf8')) as { nextCursor?: string | null };
      if (nextCursor) resolved.push(`${path}${path.includes('?') ? '&' : '?'}cursor=${q(nextCursor)}`);
    }
  }
  return { kind: 'ready', paths: resolved };
}

/** Express's answer for a path no route matches, as the API's error filter passes it on. */
export function isMissingRoute(body: Buffer): boolean {
  return /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(describeBody(body));
}
