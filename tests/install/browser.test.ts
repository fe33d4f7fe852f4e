/**
 * The fresh-machine path: where no Chromium is installed, the browser tests use the one inside the
 * @sparticuz/chromium package. Tried here even when another browser exists, so a change that breaks that
 * path fails on every machine, not only on a bare one. It unpacks as the site build does, at the same time as
 * it: the two must not race.
 */
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { unpackPackagedChromium } from '../../scripts/tools/browser.ts';

const linuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe.runIf(linuxX64)('the Chromium shipped in an npm package', () => {
  it('unpacks and renders a page under playwright-core', async () => {
    const browser = await chromium.launch({ executablePath: await unpackPackagedChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>Scaled dot-product attention</h1>');
      expect(await page.locator('h1').textContent()).toBe('Scaled dot-product attention');
    } finally {
      await browser.close();
    }
  });
});
