/**
 * `npm run bench:search` (after `npm run build`): searches every wording of every question with the built
 * Pagefind index in headless Chromium, as the site's search does (the query processed as the search dialog
 * processes it), and prints the share found in the top three results and the time per query; then the same
 * for the realistic queries of the search test (eval/search-queries.ts), typed the way people search,
 * those search has to forgive (misspelt, British, two names, number formats) and those held back from tuning.
 * Queries are spelt with the built index's words, as the dialog spells them (src/search/spelling.ts).
 * `npm run bench:search -- "int8" "mqa gqa"` prints what the top three are for the queries given.
 * `KB_RANKING='{"pageLength":0.5}' npm run bench:search` measures other Pagefind ranking weights on the same index.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tools/browser.ts';
import { serveDist } from '../tools/serve.ts';
import { KnowledgeBaseSchema, normaliseBase } from '../lib/index.ts';
import { SEARCH_WORDS } from '../../src/integrations/search-index.ts';
import { searchTerm } from '../../src/search/query.ts';
import { parseLexicon } from '../../src/search/spelling.ts';
import { FORGIVING_QUERIES, HELD_BACK_QUERIES, REALISTIC_QUERIES, type RealisticQuery } from '../../eval/search-queries.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const dist = resolve(ROOT, process.env.OUT_DIR ?? 'dist');
const base = normaliseBase(process.env.BASE_PATH);
const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')));
// The same weights as astro.config.mjs gives Starlight's search; KB_RANKING='{"pageLength":0.5}' tries others.
const ranking = { termFrequency: 0.5, pageLength: 0.3, ...JSON.parse(process.env.KB_RANKING ?? '{}') };
const lexicon = parseLexicon(readFileSync(join(dist, SEARCH_WORDS), 'utf8'));
const cases = kb.entries.flatMap((e) => [...new Set(e.variants.map((v) => v.question))].map((q) => ({ query: searchTerm(q.replace(/\$[^$]*\$/g, ''), lexicon), urls: [e.url] })));
const anchors: Record<string, string> = JSON.parse(readFileSync(join(dist, 'anchors.json'), 'utf8'));
const typedAs = (queries: RealisticQuery[]) => queries.map((q) => ({ query: searchTerm(q.query, lexicon), urls: q.wanted.map((id) => anchors[id] ?? id) }));
const asked = process.argv.slice(2).map((query) => ({ query: searchTerm(query, lexicon), urls: [] }));

const site = await serveDist(dist, base);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(site.url('sources/'), { waitUntil: 'networkidle' });
const run = (cases: { query: string; urls: string[] }[]) => page.evaluate(
  async ({ cases, base, ranking }) => {
    const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
    await pagefind.options({ ranking });
    await pagefind.search('warm up');
    let hits = 0;
    const missed: string[] = [];
    const times: number[] = [];
    for (const c of cases) {
      const started = performance.now();
      const search = await pagefind.search(c.query);
      const top = await Promise.all(search.results.slice(0, 3).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
      times.push(performance.now() - started);
      if (top.some((d: { url: string }) => c.urls.includes(d.url))) hits++;
      else missed.push(`"${c.query}" -> ${top.map((d: { url: string }) => d.url).join(', ') || 'no result'}`);
    }
    times.sort((a, b) => a - b);
    return { hits, missed, median: times[times.length >> 1]!, p95: times[Math.floor(times.length * 0.95)]!, max: times.at(-1)! };
  },
  { cases, base, ranking },
);
if (asked.length) {
  const { missed } = await run(asked);
  for (const miss of missed) console.log(miss);
} else {
  const result = await run(cases);
  console.log('bench:search');
  console.log(`  wordings searched            ${cases.length}`);
  console.log(`  found in the top three       ${result.hits} (${((100 * result.hits) / cases.length).toFixed(1)}%)`);
  console.log(`  time per query (median/p95)  ${result.median.toFixed(1)} ms / ${result.p95.toFixed(1)} ms (max ${result.max.toFixed(1)} ms)`);
  for (const [name, queries] of [['realistic queries', REALISTIC_QUERIES], ['forgiving queries', FORGIVING_QUERIES], ['held-back queries', HELD_BACK_QUERIES]] as const) {
    const typed = await run(typedAs(queries));
    console.log(`  ${name.padEnd(28)} ${queries.length}, in the top three ${typed.hits} (${((100 * typed.hits) / queries.length).toFixed(1)}%)`);
    // The queries a reader would retype: what the top three held instead.
    for (const miss of typed.missed) console.log(`    missed ${miss}`);
  }
}
await browser.close();
await site.close();
