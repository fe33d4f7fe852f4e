/**
 * `npm run bench:search` (after `npm run build`): searches every wording of every question with the built
 * Pagefind index in headless Chromium, as the site's search does, and prints the share found in the top
 * three results and the time per query.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { serveDist } from '../../tests/helpers/serve.ts';
import { normaliseBase } from '../lib/pipeline.ts';
import { KnowledgeBaseSchema } from '../lib/schema.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const dist = resolve(ROOT, process.env.OUT_DIR ?? 'dist');
const base = normaliseBase(process.env.BASE_PATH);
const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')));
// The same weights as astro.config.mjs gives Starlight's search.
const ranking = { termFrequency: 0.5, pageLength: 0.3 };
const cases = kb.entries.flatMap((e) => [...new Set(e.variants.map((v) => v.question))].map((q) => ({ query: q.replace(/\$[^$]*\$/g, ''), url: e.url })));

const site = await serveDist(dist, base);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(site.url('sources/'), { waitUntil: 'networkidle' });
const result = await page.evaluate(
  async ({ cases, base, ranking }) => {
    const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
    await pagefind.options({ ranking });
    await pagefind.search('warm up');
    let hits = 0;
    const times: number[] = [];
    for (const c of cases) {
      const started = performance.now();
      const search = await pagefind.search(c.query);
      const top = await Promise.all(search.results.slice(0, 3).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
      times.push(performance.now() - started);
      if (top.some((d: { url: string }) => d.url === c.url)) hits++;
    }
    times.sort((a, b) => a - b);
    return { hits, median: times[times.length >> 1]!, p95: times[Math.floor(times.length * 0.95)]!, max: times.at(-1)! };
  },
  { cases, base, ranking },
);
await browser.close();
await site.close();
console.log('bench:search');
console.log(`  wordings searched            ${cases.length}`);
console.log(`  found in the top three       ${result.hits} (${((100 * result.hits) / cases.length).toFixed(1)}%)`);
console.log(`  time per query (median/p95)  ${result.median.toFixed(1)} ms / ${result.p95.toFixed(1)} ms (max ${result.max.toFixed(1)} ms)`);
