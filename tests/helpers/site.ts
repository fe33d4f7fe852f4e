/** The built test site served locally and a Chromium to open it, for one test file. */
import pLimit from 'p-limit';
import type { Browser } from 'playwright-core';
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
 * Runs a task on a few pages at once (`inParallel.map(items, task)`): a page load mostly waits (for the network
 * to go idle, for timers), so a few overlap well even on two cores.
 */
export const inParallel = pLimit(4);
