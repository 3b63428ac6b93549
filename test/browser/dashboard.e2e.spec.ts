import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility.js';
import { hasChromium, launchBrowser, withBrowser } from '../support/browser.js';
import { type RunningApp, startRunningApp } from '../support/running-app.js';

/**
 * The dashboard as a person uses it: Debian's Chromium against Rampart started the way `npm start`
 * starts it (demo on), checking what the screens show against what the API says.
 * RAMPART_UPDATE_SCREENSHOTS=1 also refreshes the screenshots the README shows.
 */

const UPDATE_SCREENSHOTS = process.env.RAMPART_UPDATE_SCREENSHOTS === '1';
const DOCS = path.resolve(import.meta.dirname, '../../docs');

let running: RunningApp;
let browser: Browser;
let page: Page;

interface Scorecard {
  score: number;
  grade: string;
  run: { id: string };
  client: { id: string; name: string; baseline: string | null };
  failingCritical: { controlId: string; name: string }[];
}

async function apiGet<T>(apiPath: string): Promise<T> {
  const response = await fetch(`${running.url}/api/v1${apiPath}`, { headers: { authorization: `Bearer ${running.apiKey}` } });
  if (!response.ok) throw new Error(`GET ${apiPath}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function waitForRun(runId: string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const run = await apiGet<{ status: string }>(`/evaluations/${runId}`);
    if (run.status === 'succeeded') return;
    if (run.status === 'failed') throw new Error(`Demo evaluation ${runId} failed`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Demo evaluation ${runId} did not finish within a minute`);
}

async function expectAccessible(what: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect({ page: what, violations }).toEqual({ page: what, violations: [] });
}

/** On a 1280 × 720 laptop screen the page never scrolls sideways (wide tables scroll in their own box). */
async function expectFitsLaptop(what: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  const overflow = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  await page.setViewportSize({ width: 1366, height: 800 });
  expect({ page: what, overflowPx: overflow }).toEqual({ page: what, overflowPx: 0 });
}

beforeAll(async () => {
  if (!hasChromium) return;
  running = await startRunningApp();
  await waitForRun(running.demoRunId);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
}, 60_000);

describe('the web dashboard in Chromium', () => {
  let client: { id: string; name: string; baseline: string };
  let scoreBefore: Scorecard;
  let failingControl: { controlId: string; name: string };

  withBrowser('signs in to the demo with one click and shows the portfolio with the same numbers as the API', async () => {
    await page.goto(running.url);
    await expectAccessible('sign-in');
    await page.getByRole('button', { name: 'Explore the demo portfolio' }).click();
    await page.waitForURL(`${running.url}/portfolio`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Portfolio');

    const portfolio = await apiGet<{ portfolio: { score: number; grade: string; clients: number }; data: { clientId: string; name: string; baseline: string }[] }>('/portfolio/scorecard?limit=500&sort=score');
    await page.getByText(`Portfolio score ${portfolio.portfolio.score.toFixed(1)} out of 100, grade ${portfolio.portfolio.grade}`).waitFor();
    const rows = page.getByRole('table', { name: /^Clients, sorted by/ }).locator('tbody tr');
    await rows.nth(portfolio.portfolio.clients - 1).waitFor();
    expect(await rows.count()).toBe(portfolio.portfolio.clients);
    await expectAccessible('portfolio');
    await expectFitsLaptop('portfolio');
    if (UPDATE_SCREENSHOTS) {
      // Tall enough to show the first clients below the summary.
      await page.setViewportSize({ width: 1366, height: 1150 });
      await page.screenshot({ path: path.join(DOCS, 'dashboard-portfolio.png') });
      await page.setViewportSize({ width: 1366, height: 800 });
    }

    // The lowest-scoring client, found with the search box.
    const lowest = portfolio.data[0]!;
    client = { id: lowest.clientId, name: lowest.name, baseline: lowest.baseline };
    await page.getByRole('searchbox', { name: 'Search clients' }).fill(client.name);
    await page.getByText(/Clients 1–1 of 1\b/).waitFor();
    expect(await rows.count()).toBe(1);
  });

  withBrowser('shows the heat map, with a result for every control of every client on the page', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('tab', { name: 'Heat map' }).click();
    const heatmap = await apiGet<{ controls: unknown[]; data: { name: string; statuses: string[] }[] }>('/portfolio/heatmap?limit=25&sort=score');
    const first = heatmap.data[0]!;
    await page.getByRole('table', { name: /^Heat map/ }).waitFor();
    await expectAccessible('heat map');
    await expectFitsLaptop('heat map');
    const failingCells = page.getByRole('cell', { name: new RegExp(`^${escape(first.name)}, .*: fail$`) });
    expect(await failingCells.count()).toBe(first.statuses.filter((status) => status === 'fail').length);
  });

  withBrowser('opens a client: score, trend and every control with its evidence, as the API has them', async () => {
    await page.getByRole('tab', { name: 'Clients' }).click();
    await page.getByRole('link', { name: client.name, exact: true }).click();
    await page.waitForURL(`${running.url}/clients/${client.id}`);
    await page.getByRole('heading', { level: 1, name: client.name, exact: true }).waitFor();

    scoreBefore = await apiGet<Scorecard>(`/clients/${client.id}/scorecard`);
    await page.getByRole('img', { name: `Score ${scoreBefore.score.toFixed(1)} out of 100, grade ${scoreBefore.grade}` }).waitFor();
    const results = page.getByRole('table', { name: /^Control results/ });
    await results.locator('tbody tr').first().waitFor();
    await expectAccessible('client');
    await expectFitsLaptop('client');
    if (UPDATE_SCREENSHOTS) await page.screenshot({ path: path.join(DOCS, 'dashboard-client.png') });

    failingControl = scoreBefore.failingCritical[0]!;
    expect(failingControl).toBeDefined();
    // Its row opens to show the evidence the result used.
    const toggle = results.getByRole('button', { name: new RegExp(escape(failingControl.name)) });
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByText(/Evidence/).first().waitFor();
  });

  withBrowser('changes a setting: a failing control weighs more for the client’s baseline, shown with where it comes from', async () => {
    await page.goto(`${running.url}/controls/${failingControl.controlId}`);
    await page.getByRole('heading', { level: 1, name: failingControl.name }).waitFor();
    await page.getByLabel('Level').selectOption({ label: `Baseline ${client.baseline}` });
    await page.getByLabel('Weight').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(`Saved the settings of Baseline ${client.baseline}.`).waitFor();
    await page.getByRole('row', { name: new RegExp(`Baseline ${escape(client.baseline)}`) }).getByText(`from baseline ${client.baseline}`).first().waitFor();
    await expectAccessible('control detail');
    await expectFitsLaptop('control detail');

    const baselines = await apiGet<{ data: { id: string; name: string }[] }>('/baselines');
    const baselineId = baselines.data.find((baseline) => baseline.name === client.baseline)!.id;
    const settings = await apiGet<{ overrides: { level: string; baselineId: string | null; weight: number | null }[] }>(`/controls/${failingControl.controlId}/settings`);
    expect(settings.overrides).toEqual([expect.objectContaining({ level: 'baseline', baselineId, weight: 3 })]);
  });

  withBrowser('re-evaluates the client and shows the new score, the same as the API', async () => {
    await page.goto(`${running.url}/clients/${client.id}`);
    await page.getByRole('button', { name: 'Re-evaluate' }).click();
    await page.getByText(/Evaluation finished/).waitFor({ timeout: 60_000 });
    const after = await apiGet<Scorecard>(`/clients/${client.id}/scorecard`);
    expect(after.run.id).not.toBe(scoreBefore.run.id);
    // The failing control now weighs three times as much, so the score fell.
    expect(after.score).toBeLessThan(scoreBefore.score);
    await page.getByRole('img', { name: `Score ${after.score.toFixed(1)} out of 100, grade ${after.grade}` }).waitFor();
  });

  withBrowser('exports the PDF: the browser downloads the report the API lists for the client', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export PDF' }).click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const reports = await apiGet<{ data: { id: string; sizeBytes: number }[] }>(`/reports?clientId=${client.id}`);
    expect(reports.data).toHaveLength(1);
    expect(readFileSync(file).length).toBe(reports.data[0]!.sizeBytes);
  });

  withBrowser('connects the demo PSA: tests the connection and syncs with progress', async () => {
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('table', { name: 'PSA integrations' }).waitFor();
    await expectAccessible('integrations');
    await page.getByRole('link', { name: 'Demo ConnectWise' }).click();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(/Connected in \d+ ms/).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/Sync succeeded in/).first().waitFor({ timeout: 30_000 });
    await expectAccessible('integration');
  });

  withBrowser('lists exceptions and the control catalog', async () => {
    await page.getByRole('link', { name: 'Controls' }).click();
    await page.getByText(/Showing \d+ of \d+ controls/).waitFor();
    await expectAccessible('control catalog');
    await page.getByRole('link', { name: 'Exceptions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exceptions' }).waitFor();
    await expectAccessible('exceptions');
  });

  withBrowser('works from the keyboard: the skip link leads to the page content', async () => {
    await page.goto(`${running.url}/portfolio`);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).resolves.toBe('main');
  });

  withBrowser('signs out, and the API no longer answers that browser', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Explore the demo portfolio' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/clients')).status);
    expect(status).toBe(401);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
