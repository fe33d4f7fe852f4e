/**
 * `npm run bench`: the numbers that say how fast and how heavy the product is, as one table. Builds the site.
 * - `npm run ingest` as a whole process, beside the same at the reference commit ef872e7 (issue 27), measured
 *   in turn in the same run: a worktree of that commit is made in .tmp/bench-base-ef872e7 the first time;
 * - ingest time on the sources and on a synthetic corpus 20 times larger (every source copied 20 times
 *   under new ids, so grouping, glossary and rendering all scale);
 * - build time, dist/ size, search index size;
 * - bytes per page type (HTML, and the JavaScript and CSS it loads up front, gzip);
 * - Lighthouse scores for the home page, a typical and the longest topic page and the study page, with the same
 *   Chromium as the browser tests.
 *
 * `npm run bench -- --ingest` stops after the ingest rows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { findChromium } from '../tools/browser.ts';
import { serveDist } from '../tools/serve.ts';
import { readEntryFiles, readIdMap, readManifest, readSources, runPipeline, type SourceText } from '../lib/index.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const DIST = join(ROOT, 'dist');
const SCALE = 20;
const rows: [string, string][] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[times.length >> 1]!;
}

/** The pipeline's median time; the editors' files name the real sources' questions, so a synthetic corpus goes without. */
function timeIngest(texts: SourceText[], runs: number, editors = true): number {
  const options = editors ? { base: '/', entryFiles: readEntryFiles(ROOT), idMap: readIdMap(ROOT) } : { base: '/' };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    runPipeline(texts, options);
    times.push(performance.now() - started);
  }
  return median(times);
}

function sizeOf(path: string): { bytes: number; files: number } {
  if (statSync(path).isFile()) return { bytes: statSync(path).size, files: 1 };
  return readdirSync(path).reduce(
    (sum, name) => {
      const inner = sizeOf(join(path, name));
      return { bytes: sum.bytes + inner.bytes, files: sum.files + inner.files };
    },
    { bytes: 0, files: 0 },
  );
}

/** HTML and the scripts and stylesheets it references up front, gzip. */
function pageWeight(page: string): { html: number; js: number; css: number } {
  const html = readFileSync(join(DIST, page, 'index.html'), 'utf8');
  const assets = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))].filter((p) => p.startsWith('/'));
  const gz = (paths: string[]) => [...new Set(paths)].reduce((sum, p) => sum + gzipSync(readFileSync(join(DIST, p))).length, 0);
  return {
    html: gzipSync(html).length,
    js: gz([...assets(/<script[^>]+src="([^"]+)"/g), ...assets(/import\("([^"]+\.js)"\)/g), ...assets(/from"([^"]+\.js)"/g)]),
    css: gz(assets(/<link[^>]+href="([^"]+\.css)"/g)),
  };
}

/** The commit issue 27 measured from: the ingest took 2.7 s there (median of five runs of npm run ingest). */
const BASE_COMMIT = 'ef872e7';
const RUNS = 5;

/** A worktree of the reference commit, sharing this checkout's node_modules (a superset of its own). */
function baseWorktree(): string {
  const dir = join(ROOT, '.tmp', `bench-base-${BASE_COMMIT}`);
  if (!existsSync(join(dir, 'package.json'))) {
    execFileSync('git', ['worktree', 'add', '--detach', '--force', dir, BASE_COMMIT], { cwd: ROOT, stdio: 'ignore' });
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Wall time of one whole `npm run ingest` process, as its npm script runs it (without npm's own start-up). */
function ingestProcess(cwd: string, command: string[]): number {
  const started = performance.now();
  const run = spawnSync(command[0]!, [...command.slice(1), '--quiet'], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed in ${cwd}`);
  return performance.now() - started;
}

// Ingest, now and at the reference commit, in turn so that both see the machine alike.
const base = baseWorktree();
const now: number[] = [];
const then: number[] = [];
const NODE = join(ROOT, 'node_modules/.bin/node');
for (let i = 0; i <= RUNS; i++) {
  const a = ingestProcess(ROOT, [NODE, 'scripts/ingest.ts']);
  const b = ingestProcess(base, [join(base, 'node_modules/.bin/tsx'), 'scripts/ingest.ts']);
  // The first pair warms the file cache.
  if (i > 0) now.push(a), then.push(b);
}
rows.push([`npm run ingest (whole process, median of ${RUNS})`, `${(median(now) / 1000).toFixed(2)} s`]);
rows.push([`npm run ingest at ${BASE_COMMIT}, same run`, `${(median(then) / 1000).toFixed(2)} s (now ${(median(then) / median(now)).toFixed(2)}x as fast)`]);
// The knowledge base has grown since the reference commit (the editors' answers, notes and questions): the time
// per megabyte of pages and kb.json written compares the code on the work each run does.
const written = (root: string) => (sizeOf(join(root, 'src/content/docs')).bytes + sizeOf(join(root, 'public/kb.json')).bytes) / 1024 / 1024;
const [mbNow, mbThen] = [written(ROOT), written(base)];
rows.push([
  'ingest per MB of pages and kb.json written',
  `${(median(now) / mbNow).toFixed(0)} ms for ${mbNow.toFixed(1)} MB; at ${BASE_COMMIT} ${(median(then) / mbThen).toFixed(0)} ms for ${mbThen.toFixed(1)} MB (now ${(median(then) / mbThen / (median(now) / mbNow)).toFixed(2)}x as fast per MB)`,
]);

const texts = readSources(ROOT, readManifest(ROOT));
rows.push([`ingest, ${texts.length} sources`, `${timeIngest(texts, 5).toFixed(0)} ms`]);
const large = Array.from({ length: SCALE }, (_, copy) => texts.map((t) => ({ ...t, source: { ...t.source, id: `${t.source.id}-${copy}` } }))).flat();
rows.push([`ingest, synthetic x${SCALE} (${texts.length * SCALE} sources)`, `${(timeIngest(large, 1, false) / 1000).toFixed(1)} s`]);
if (process.argv.includes('--ingest')) {
  print();
  process.exit(0);
}

// Build
const started = performance.now();
execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
rows.push(['build (ingest + astro build + search index)', `${((performance.now() - started) / 1000).toFixed(1)} s`]);
const dist = sizeOf(DIST);
rows.push(['dist/ size', `${(dist.bytes / 1024 / 1024).toFixed(1)} MB in ${dist.files} files`]);
rows.push(['search index (dist/pagefind)', kb(sizeOf(join(DIST, 'pagefind')).bytes)]);

// Bytes per page type
const topicWithDiagram = readdirSync(join(DIST, 'topics')).find((t) => readFileSync(join(DIST, 'topics', t, 'index.html'), 'utf8').includes('kb-diagram'))!;
const topicWithout = readdirSync(join(DIST, 'topics')).find((t) => !readFileSync(join(DIST, 'topics', t, 'index.html'), 'utf8').includes('kb-diagram'))!;
const firstAnswer = readdirSync(join(DIST, 'q'))[0]!;
for (const [name, page] of [
  ['home', ''],
  [`topic page, no diagram (${topicWithout})`, `topics/${topicWithout}`],
  [`topic page with a diagram (${topicWithDiagram})`, `topics/${topicWithDiagram}`],
  ['glossary', 'glossary'],
  ['answer page', `q/${firstAnswer}`],
  ['study page (its answers load apart)', 'study'],
] as const) {
  const w = pageWeight(page);
  rows.push([`page: ${name}`, `HTML ${kb(w.html)}, JS ${kb(w.js)}, CSS ${kb(w.css)} (gzip)`]);
}

// Lighthouse
const site = await serveDist(DIST, '/');
const browser = await chromium.launch({ executablePath: await findChromium(), args: ['--no-sandbox', '--disable-gpu', '--remote-debugging-port=9333', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
// A topic page of typical length (the median by HTML size) and the longest one.
const topicsBySize = readdirSync(join(DIST, 'topics')).sort((a, b) => statSync(join(DIST, 'topics', a, 'index.html')).size - statSync(join(DIST, 'topics', b, 'index.html')).size);
const typicalTopic = topicsBySize[topicsBySize.length >> 1]!;
const longestTopic = topicsBySize.at(-1)!;
for (const [name, path] of [['home', ''], [`typical topic (${typicalTopic})`, `topics/${typicalTopic}/`], [`longest topic (${longestTopic})`, `topics/${longestTopic}/`], ['study page', 'study/']] as const) {
  const result = await lighthouse(site.url(path), { port: 9333, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  const c = result!.lhr.categories;
  const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
  rows.push([`Lighthouse ${name} (mobile)`, `performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}`]);
}
await browser.close();
await site.close();

print();

function print(): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('bench');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}
