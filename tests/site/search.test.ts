import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/schema.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveDist, type StaticSite } from '../helpers/serve.ts';

const dist = inject('dist');
const base = inject('base');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));

/** Two entries from every topic, each searched by a wording it was asked in (not always the heading). */
const sample = kb.topics.flatMap((topic) =>
  kb.entries
    .filter((e) => e.topic === topic.id)
    .slice(0, 2)
    .map((entry, i) => ({ entry, wording: (entry.variants[i % entry.variants.length] ?? entry.variants[0]!).question.replace(/\$[^$]*\$/g, '') })),
);

let browser: Browser;
let context: BrowserContext;
let site: StaticSite;

beforeAll(async () => {
  site = await serveDist(dist, base);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openSearch(page: Page): Promise<void> {
  await page.click('button[data-open-modal]');
  await page.locator('#starlight__search input.pagefind-ui__search-input').waitFor();
}

/** Types a query and returns the links of the first three results once the expected one shows, or after 5 s. */
async function topThree(page: Page, query: string, expected: string): Promise<{ links: string[]; ms: number }> {
  const input = page.locator('#starlight__search input.pagefind-ui__search-input');
  await input.fill('');
  const started = Date.now();
  await input.fill(query);
  const read = () =>
    page.$$eval('#starlight__search ol.pagefind-ui__results > li', (items) =>
      items.slice(0, 3).flatMap((li) => [...li.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!)),
    );
  let links: string[] = [];
  while (Date.now() - started < 5000) {
    links = await read();
    if (links.includes(expected)) break;
    await page.waitForTimeout(50);
  }
  return { links, ms: Date.now() - started };
}

describe('search under a sub-path base', () => {
  it(`finds each of ${sample.length} sampled questions, by a wording it was asked in, in the top three results`, async () => {
    expect(sample.length).toBeGreaterThanOrEqual(20);
    const page = await context.newPage();
    await page.goto(site.url('sources/'), { waitUntil: 'networkidle' });
    await openSearch(page);
    const misses: string[] = [];
    const times: number[] = [];
    for (const { entry, wording } of sample) {
      const { links, ms } = await topThree(page, wording, entry.url);
      times.push(ms);
      if (!links.includes(entry.url)) misses.push(`${wording} → ${links.join(', ')}`);
    }
    times.sort((a, b) => a - b);
    console.log(`search: ${sample.length - misses.length}/${sample.length} in the top three; median ${times[times.length >> 1]} ms, worst ${times.at(-1)} ms to show the result`);
    expect(misses).toEqual([]);
    await page.close();
  });

  it('offers filters by topic and by source', async () => {
    const page = await context.newPage();
    await page.goto(site.url('sources/'), { waitUntil: 'networkidle' });
    await openSearch(page);
    await topThree(page, 'attention', `${base}never`);
    const filters = await page.$$eval('#starlight__search .pagefind-ui__filter-name', (els) => els.map((e) => e.textContent?.trim().toLowerCase()));
    expect(filters).toEqual(expect.arrayContaining(['topic', 'source']));
    await page.close();
  });

  it('opens a result at its heading, in view below the header, with the searched terms highlighted', async () => {
    const { entry, wording } = sample.find((s) => s.entry.topic === 'peft')!;
    const page = await context.newPage();
    await page.goto(site.url('sources/'), { waitUntil: 'networkidle' });
    await openSearch(page);
    await topThree(page, wording, entry.url);
    await page.click(`#starlight__search a[href="${entry.url}"]`);
    await page.waitForURL((url) => url.hash === `#${entry.id}`);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe(entry.url.split('#')[0]);
    const heading = page.locator(`[id="${entry.id}"]`);
    const box = (await heading.boundingBox())!;
    const header = (await page.locator('header.header').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(await page.locator('mark.kb-highlight').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('lands a followed link on its heading and copies that URL with the copy control', async () => {
    const entry = kb.entries.find((e) => e.topic === 'attention' && kb.entries.indexOf(e) > 5)!;
    const page = await context.newPage();
    await page.goto(`${site.origin}${entry.url}`, { waitUntil: 'networkidle' });
    const box = (await page.locator(`[id="${entry.id}"]`).boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y).toBeLessThan(400);
    const button = page.locator(`button.kb-copy-link[data-entry="${entry.id}"]`);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.origin}${entry.url}`);
    expect(await page.locator('#kb-copy-status').textContent()).toContain('Link copied');
    await page.close();
  });

  it('sends a link whose anchor is on another page (an entry that moved topic) to where the entry is now', async () => {
    const anchors: Record<string, string> = JSON.parse(readFileSync(join(dist, 'anchors.json'), 'utf8'));
    const entry = kb.entries.find((e) => e.topic === 'peft')!;
    expect(anchors[entry.id]).toBe(entry.url);
    const [targetPath] = entry.url.split('#') as [string];
    const elsewhere = kb.topics.find((t) => t.id !== entry.topic)!;
    const page = await context.newPage();
    await page.goto(`${site.origin}${elsewhere.url}#${entry.id}`, { waitUntil: 'networkidle' });
    await page.waitForURL((url) => url.pathname === targetPath && url.hash === `#${entry.id}`);
    await page.close();
  });
});
