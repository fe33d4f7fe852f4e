/**
 * Diagrams worth looking at: labels at least 12 px high at 1280 px and still 12 px (scrolling sideways) at
 * 360 px, as real SVG text. That a page with a diagram loads no diagram code is checked with every topic
 * page's JavaScript in quality.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { type KnowledgeBase, repositoryData } from '../../scripts/lib/site.ts';
import { goto, inParallel, useSite } from '../helpers/site.ts';

const dist = inject('dist');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const DIAGRAMS = repositoryData().diagrams;
const MIN_LABEL_PX = 12;
const pagesWithDiagrams = kb.topics.filter((t) => readFileSync(join(dist, 'topics', t.id, 'index.html'), 'utf8').includes('kb-diagram')).map((t) => `topics/${t.id}/`);

const env = useSite();

/** Every visible diagram label on a page: its text and its height on screen in CSS px. */
async function labels(path: string, width: number, theme: 'light' | 'dark' = 'light') {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
  const page = await context.newPage();
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await goto(page, env.site.url(path));
  const found = await page.$$eval('.kb-diagram svg text', (texts) =>
    texts
      .filter((t) => (t as SVGGraphicsElement).getBoundingClientRect().width > 0 && t.textContent?.trim())
      .map((t) => ({
        diagram: t.closest('figure')!.id,
        text: t.textContent!.trim(),
        px: parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a,
      })),
  );
  await context.close();
  return { found };
}

describe('diagrams', () => {
  it(`has the seven diagrams, each on a page, among them multi-head attention, the KV cache and LoRA`, () => {
    expect(DIAGRAMS.map((d) => d.id)).toEqual(expect.arrayContaining(['multi-head-attention', 'kv-cache-decoding', 'lora-update']));
    const html = pagesWithDiagrams.map((p) => readFileSync(join(dist, p, 'index.html'), 'utf8')).join('');
    for (const { id } of DIAGRAMS) expect(html, id).toContain(`id="diagram-${id}"`);
  });

  it(`draws labels at least ${MIN_LABEL_PX} px high at 1280 px and at 360 px, in both themes, as SVG text`, async () => {
    const small: string[] = [];
    const sizes: number[] = [];
    const views = pagesWithDiagrams.flatMap((path) => ([[1280, 'light'], [1280, 'dark'], [360, 'light']] as const).map(([width, theme]) => ({ path, width, theme })));
    const drawn = await inParallel.map(views, async (view) => ({ ...view, found: (await labels(view.path, view.width, view.theme)).found }));
    for (const { path, width, theme, found } of drawn) {
      expect(found.length, `${path} at ${width} px`).toBeGreaterThan(0);
      for (const label of found) {
        if (width === 1280) sizes.push(label.px);
        if (label.px < MIN_LABEL_PX - 0.05) small.push(`${label.diagram} at ${width} px (${theme}): "${label.text}" ${label.px.toFixed(1)} px`);
      }
    }
    sizes.sort((a, b) => a - b);
    console.log(`diagram labels at 1280 px: smallest ${sizes[0]!.toFixed(1)} px, median ${sizes[sizes.length >> 1]!.toFixed(1)} px`);
    expect(small).toEqual([]);
  });
});
