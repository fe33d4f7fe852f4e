/** The built test site served locally and a Chromium to open it, for one test file. */
import pLimit from 'p-limit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveDist, type StaticSite } from '../../scripts/tools/serve.ts';

export interface SiteUnderTest {
  readonly site: StaticSite;
  readonly browser: Browser;
}

export function useSite(): SiteUnderTest {
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveDist(inject('dist'), inject('base'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get site() {
      return site!;
    },
    get browser() {
      return browser!;
    },
  };
}

/**
 * Opens a URL once the page has loaded (parsed, its scripts run) and its network is quiet. Playwright's
 * "networkidle" alone is not enough: it is 500 ms without a request, and on a busy machine a long page (the study
 * page, a large topic page) is still being parsed when it fires, so a test would read half a page.
 */
export async function goto(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
}

/** Reloads the page, waiting as `goto` does. */
export async function reload(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
}

/**
 * Runs a task on a few pages at once (`inParallel.map(items, task)`): a page load mostly waits (for the network
 * to go idle, for timers), so a few overlap well even on two cores.
 */
export const inParallel = pLimit(4);
