/** The built test site served locally and a Chromium to open it, for one test file. */
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
