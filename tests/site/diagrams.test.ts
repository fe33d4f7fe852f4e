/**
 * Diagrams worth looking at: labels at least 12 px high at 1280 px and still 12 px (scrolling sideways) at
 * 360 px, real SVG text, and pages that carry one within 250 KB of gzip JavaScript (they load none for it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { type KnowledgeBase, repositoryData } from '../../scripts/lib/site.ts';
import { useSite } from '../helpers/site.ts';

const dist = inject('dist');
const base = inject('base');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const DIAGRAMS = repositoryData().diagrams;
const DIAGRAM_PAGE_JS_KB = 250;
const MIN_LABEL_PX = 12;
const pagesWithDiagrams = kb.topics.filter((t) => readFileSync(join(dist, 'topics', t.id, 'index.html'), 'utf8').includes('kb-diagram')).map((t) => `topics/${t.id}/`);

const env = useSite();

/** Every visible diagram label on a page: its text and its height on screen in CSS px. */
async function labels(path: string, width: number, theme: 'light' | 'dark' = 'light') {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
  const page = await context.newPage();
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const scripts: string[] = [];
  page.on('response', (r) => new URL(r.url()).pathname.endsWith('.js') && scripts.push(new URL(r.url()).pathname));
  await page.goto(env.site.url(path), { waitUntil: 'networkidle' });
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
  return { found, scripts: [...new Set(scripts)] };
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
    for (const path of pagesWithDiagrams) {
      for (const [width, theme] of [[1280, 'light'], [1280, 'dark'], [360, 'light']] as const) {
        const { found } = await labels(path, width, theme);
        expect(found.length, `${path} at ${width} px`).toBeGreaterThan(0);
        for (const label of found) {
          if (width === 1280) sizes.push(label.px);
          if (label.px < MIN_LABEL_PX - 0.05) small.push(`${label.diagram} at ${width} px (${theme}): "${label.text}" ${label.px.toFixed(1)} px`);
        }
      }
    }
    sizes.sort((a, b) => a - b);
    console.log(`diagram labels at 1280 px: smallest ${sizes[0]!.toFixed(1)} px, median ${sizes[sizes.length >> 1]!.toFixed(1)} px`);
    expect(small).toEqual([]);
  });

  it(`keeps every page with a diagram within ${DIAGRAM_PAGE_JS_KB} KB of JavaScript (gzip), with no diagram code`, async () => {
    const report: string[] = [];
    for (const path of pagesWithDiagrams) {
      const { scripts } = await labels(path, 1280);
      const kb = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(dist, s.slice(base.length)))).length, 0) / 1024;
      console.log(`${path}: ${kb.toFixed(1)} KB of JavaScript (gzip)`);
      if (kb > DIAGRAM_PAGE_JS_KB) report.push(`${path}: ${kb.toFixed(1)} KB`);
      const diagramCode = scripts.filter((s) => /mermaid|elk|dagre|cytoscape|flowchart/i.test(s));
      if (diagramCode.length) report.push(`${path}: loads ${diagramCode.join(', ')}`);
    }
    expect(report).toEqual([]);
  });
});
