import { it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive (`apt-get install chromium`; .ci/run installs it). */
export const CHROMIUM_PATH = process.env.RAMPART_CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether Chromium is here. CI installs it, so there a missing browser fails the suite; on a
 * developer's machine without it the browser tests are skipped, and counted as skipped.
 */
export const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium && process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install chromium (.ci/run does)`);

/** A test that drives the browser: skipped where Chromium is missing. */
export const withBrowser = hasChromium ? it : it.skip;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}
