/**
 * Lighthouse's performance score (its default mobile run: a mid-range phone, simulated slow 4G and a CPU four
 * times slower) for the home page and a topic page of typical length (the median by HTML size), with the
 * Chromium of the other browser tests, served compressed as GitHub Pages serves it.
 *
 * Lighthouse times the page's work on this machine's CPU, so a busy machine lowers the score by several points:
 * the test holds a floor that catches a real regression (a script that lays the page out again and again, a
 * page that loads all of Pagefind), and prints the scores; `npm run bench` measures them on a quiet machine
 * (issue 27's goal is 98).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';
import { serveDist, type StaticSite } from '../../scripts/tools/serve.ts';
import { findChromium } from '../helpers/browser.ts';

const MIN_PERFORMANCE = 80;
const dist = inject('dist');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const pageSize = (topic: string) => statSync(join(dist, 'topics', topic, 'index.html')).size;
const typicalTopic = [...kb.topics].sort((a, b) => pageSize(a.id) - pageSize(b.id))[kb.topics.length >> 1]!;
// Lighthouse drives the browser through a debugging port; one per test process, so parallel runs do not meet.
const PORT = 9300 + (process.pid % 600);

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveDist(dist, inject('base'));
  browser = await chromium.launch({
    executablePath: await findChromium(),
    args: ['--no-sandbox', '--disable-gpu', `--remote-debugging-port=${PORT}`, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('Lighthouse', () => {
  for (const [name, path] of [['the home page', ''], [`a topic page of typical length (${typicalTopic.id})`, `topics/${typicalTopic.id}/`]] as const) {
    it(`scores ${name} at least ${MIN_PERFORMANCE} for performance`, async () => {
      const result = await lighthouse(site.url(path), { port: PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const lhr = result!.lhr;
      const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
      console.log(`Lighthouse ${name}: performance ${score} (FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')})`);
      expect(score).toBeGreaterThanOrEqual(MIN_PERFORMANCE);
    });
  }
});
