/**
 * Quality gates, page type by page type, in headless Chromium: no console errors or failed requests, no
 * accessibility violations (axe-core, WCAG 2.2 AA) in light and dark themes, a JavaScript and CSS budget,
 * nothing wider than a 360 px screen. Screenshots for a person to look at go to screenshots/ (not committed).
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { goto, inParallel, useSite } from '../helpers/site.ts';

const dist = inject('dist');
const base = inject('base');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = join(ROOT, 'screenshots');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** KB of gzip-compressed CSS a page may load. */
const CSS_BUDGET = 30;
/** KB of gzip-compressed JavaScript a topic page loads before anyone opens search (issue 27). */
const BEFORE_SEARCH_JS = 20;
/** Pagefind's UI (a chunk of @pagefind/default-ui) and its search script. */
const PAGEFIND = /\/pagefind\/pagefind\.js$|\/_astro\/ui-core\.[^/]*\.js$/;
const withDiagram = new Set(
  kb.topics.filter((t) => readFileSync(join(dist, 'topics', t.id, 'index.html'), 'utf8').includes('kb-diagram')).map((t) => t.id),
);

/** An answer page with a diagram and both "Previous" and "Next" links. */
const answerWithDiagram = kb.entries.find((e, i) => {
  const page = readFileSync(join(dist, 'q', e.id, 'index.html'), 'utf8');
  return page.includes('kb-diagram') && kb.entries[i - 1]?.topic === e.topic && kb.entries[i + 1]?.topic === e.topic;
})!;

const PAGE_TYPES: [string, string][] = [
  ['home', ''],
  ...kb.topics.map((t): [string, string] => [`topic ${t.id}`, `topics/${t.id}/`]),
  ['glossary', 'glossary/'],
  ['sources', 'sources/'],
  ['answer page', `q/${kb.entries[0]!.id}/`],
  ['answer page with a diagram', `q/${answerWithDiagram.id}/`],
  ['404', 'no-such-page/'],
];

const env = useSite();

interface Loaded {
  page: Page;
  problems: string[];
  resources: string[];
}

async function load(path: string, options: { theme?: 'light' | 'dark'; width?: number } = {}): Promise<Loaded> {
  const context = await env.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.theme ?? 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  const resources: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !/status of 404/.test(m.text()) && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    const url = new URL(r.url());
    // The 404 page itself answers 404; anything else that does is a broken request.
    if (r.status() >= 400 && !(path.startsWith('no-such-page') && url.pathname.endsWith('no-such-page/'))) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    if (url.origin === env.site.origin) resources.push(url.pathname);
  });
  if (options.theme) await page.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), options.theme);
  await goto(page, env.site.url(path));
  return { page, problems, resources };
}

/**
 * A page loaded at 1280 px in the light theme, then closed: what it reported and what it fetched. The tests that
 * only watch a page load share one load of each page (every topic page is large to lay out).
 */
const watched = new Map<string, Promise<Omit<Loaded, 'page'>>>();
function watchLoad(path: string): Promise<Omit<Loaded, 'page'>> {
  if (!watched.has(path)) {
    watched.set(
      path,
      load(path).then(async ({ page, problems, resources }) => {
        await page.context().close();
        return { problems, resources };
      }),
    );
  }
  return watched.get(path)!;
}

async function openSearchWithResults(page: Page): Promise<void> {
  await page.click('button[data-open-modal]');
  await page.fill('#starlight__search .pagefind-ui__search-input', 'attention');
  await page.locator('#starlight__search .pagefind-ui__result').first().waitFor();
  await page.waitForTimeout(300);
}

async function axeViolations(page: Page): Promise<string[]> {
  // Text is judged as drawn: with its fonts, on a page whose scripts have all run, and every part of it laid out
  // as a reader scrolling through it would have it: a topic page lays out an entry, and marks its wide blocks
  // as tab stops, only when it nears the screen (content-visibility, src/components/ScrollRegions.astro).
  await page.evaluate(async () => {
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await painted();
    }
    scrollTo(0, 0);
    await painted();
  });
  await page.evaluate(() => document.fonts.ready);
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (tags) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_22_AA);
  return violations;
}

function gzipKb(resources: string[], extension: string): number {
  const files = [...new Set(resources.filter((r) => r.endsWith(extension)))];
  const bytes = files.reduce((sum, r) => sum + gzipSync(readFileSync(join(dist, r.slice(base.length)))).length, 0);
  return bytes / 1024;
}

describe('every page type in the browser', () => {
  it('loads with no console error and no failed request', async () => {
    const failures = (
      await inParallel.map(PAGE_TYPES, async ([name, path]) => {
        const { problems } = await watchLoad(path);
        return problems.map((p) => `${name}: ${p}`);
      })
    ).flat();
    const { page, problems } = await load('sources/');
    await openSearchWithResults(page);
    failures.push(...problems.map((p) => `search: ${p}`));
    await page.context().close();
    expect(failures).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no WCAG 2.2 AA violation found by axe-core, ${theme} theme`, async () => {
      const types = PAGE_TYPES.filter(([name]) => !name.startsWith('topic ') || name === `topic ${kb.topics[0]!.id}` || name === 'topic rag-prompting');
      const failures = (
        await inParallel.map(types, async ([name, path]) => {
          const { page } = await load(path, { theme });
          const violations = await axeViolations(page);
          await page.context().close();
          return violations.map((v) => `${name}: ${v}`);
        })
      ).flat();
      const { page } = await load('sources/', { theme });
      await openSearchWithResults(page);
      failures.push(...(await axeViolations(page)).map((v) => `search: ${v}`));
      await page.context().close();
      expect(failures).toEqual([]);
    });
  }

  it(`keeps every topic page, with a diagram or not, within ${BEFORE_SEARCH_JS} KB of JavaScript and ${CSS_BUDGET} KB of CSS (gzip) before search is opened, with no mermaid and no part of Pagefind`, async () => {
    const report = (
      await inParallel.map(kb.topics, async (topic) => {
        const { resources } = await watchLoad(`topics/${topic.id}/`);
        const js = gzipKb(resources, '.js');
        const css = gzipKb(resources, '.css');
        // Diagrams are drawn at build time (src/integrations/diagrams.ts): a page with one loads no more code.
        const mermaid = resources.filter((r) => /mermaid|Diagram|flowchart|dagre/i.test(r));
        const pagefind = resources.filter((r) => PAGEFIND.test(r) || r.includes('/pagefind/'));
        return [
          ...(js > BEFORE_SEARCH_JS ? [`${topic.id}: ${js.toFixed(1)} KB of JavaScript`] : []),
          ...(css > CSS_BUDGET ? [`${topic.id}: ${css.toFixed(1)} KB of CSS`] : []),
          ...(mermaid.length ? [`${topic.id}: loads ${mermaid.join(', ')}`] : []),
          ...(pagefind.length ? [`${topic.id}: loads ${pagefind.join(', ')} before search is opened`] : []),
        ];
      })
    ).flat();
    expect(withDiagram.size).toBeGreaterThan(0);
    expect(report).toEqual([]);
  });

  it('loads Pagefind\'s UI and its script when search is first opened, and the box takes the focus', async () => {
    const { page, resources } = await load(`topics/${kb.topics[0]!.id}/`);
    expect(resources.filter((r) => PAGEFIND.test(r))).toEqual([]);
    await page.click('button[data-open-modal]');
    const input = page.locator('#starlight__search .pagefind-ui__search-input');
    await input.waitFor();
    await expect.poll(() => input.evaluate((box) => box === document.activeElement)).toBe(true);
    await input.fill('attention');
    await page.locator('#starlight__search .pagefind-ui__result').first().waitFor();
    expect(resources.filter((r) => PAGEFIND.test(r)).length).toBe(2);
    await page.context().close();
  });

  it('lets nothing overflow a 360 px wide screen; wide math and tables scroll in their own box', async () => {
    const failures = (
      await inParallel.map(PAGE_TYPES, async ([name, path]) => {
        const { page } = await load(path, { width: 360 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await page.context().close();
        return overflow > 0 ? [`${name}: ${overflow}px wider than the screen`] : [];
      })
    ).flat();
    expect(failures).toEqual([]);
  });

  it('writes screenshots of home, a topic, the glossary, an answer page with a diagram and search results, light and dark, desktop and mobile', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shots: [string, string, boolean][] = [
      ['home', '', false],
      ['topic', 'topics/positional-encoding/', false],
      ['glossary', 'glossary/', false],
      ['answer', `q/${answerWithDiagram.id}/`, false],
      ['search', 'sources/', true],
    ];
    const views = shots.flatMap(([name, path, search]) =>
      (['light', 'dark'] as const).flatMap((theme) => ([['desktop', 1280], ['mobile', 360]] as const).map(([device, width]) => ({ name, path, search, theme, device, width }))),
    );
    await inParallel.map(views, async ({ name, path, search, theme, device, width }) => {
      const { page } = await load(path, { theme, width });
      if (search) await openSearchWithResults(page);
      const file = join(SCREENSHOTS, `${name}-${theme}-${device}.png`);
      await page.screenshot({ path: file });
      await page.context().close();
      expect(statSync(file).size).toBeGreaterThan(5000);
    });
  });
});
