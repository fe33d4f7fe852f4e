/**
 * Pages that read right at every width, in headless Chromium at 1280 and 360 px: math set as math, diagrams and
 * wide blocks that can be seen whole and show that they scroll, the charset where a browser looks for it, a menu
 * on every page, and skip links that take a keyboard user past the navigation to the questions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';
import { goto, inParallel, useSite } from '../helpers/site.ts';

const dist = inject('dist');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const pagesWithDiagrams = kb.topics.filter((t) => readFileSync(join(dist, 'topics', t.id, 'index.html'), 'utf8').includes('kb-diagram')).map((t) => `topics/${t.id}/`);
const WIDTHS = [1280, 360] as const;
/** Pages with wide blocks: display formulas (attention), the GPT-vs-BERT table (model families), a code block (deployment). */
const WIDE_BLOCK_PAGES = ['topics/attention/', 'topics/model-families/', 'topics/deployment/', 'topics/positional-encoding/', 'glossary/'];

const env = useSite();

async function open(path: string, width: number, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
  const page = await context.newPage();
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await goto(page, env.site.url(path));
  await page.evaluate(() => document.fonts.ready);
  return page;
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

describe('math', () => {
  for (const width of WIDTHS) {
    it(`sets sub- and superscripts smaller than their base (d_model, W^O, K^T) at ${width} px`, async () => {
      const page = await open('topics/attention/', width);
      const scripts = await page.$$eval('.sl-markdown-content .katex-html .msupsub', (supsubs) =>
        supsubs.map((supsub) => {
          const base = supsub.previousElementSibling as HTMLElement | null;
          const glyph = [...supsub.querySelectorAll<HTMLElement>('*')].find((e) => !e.children.length && e.textContent?.trim());
          const math = supsub.closest('.katex')?.querySelector('annotation')?.textContent ?? '';
          return {
            math,
            base: base ? parseFloat(getComputedStyle(base).fontSize) : 0,
            script: glyph ? parseFloat(getComputedStyle(glyph).fontSize) : 0,
            baseHeight: base?.getBoundingClientRect().height ?? 0,
            scriptHeight: glyph?.getBoundingClientRect().height ?? 0,
          };
        }),
      );
      await page.context().close();
      expect(scripts.length).toBeGreaterThan(20);
      const fullSize = scripts.filter((s) => !(s.script > 0 && s.script <= 0.8 * s.base && s.scriptHeight < s.baseHeight));
      expect(fullSize.map((s) => `${s.math}: script ${s.script}px (${s.scriptHeight.toFixed(1)} high), base ${s.base}px (${s.baseHeight.toFixed(1)} high)`)).toEqual([]);
    });
  }

  it('keeps every term of inline math on one line at 360 px (never "d_v = d" | "model/h")', async () => {
    const page = await open('topics/attention/', 360);
    const broken = await page.$$eval('.sl-markdown-content .katex:not(.katex-display .katex) .katex-html > :not(.tag, .newline)', (terms) =>
      terms
        .filter((term) => {
          // A term drawn on two lines has glyphs whose tops lie a line apart.
          const tops = [...term.querySelectorAll('*')].filter((e) => !e.children.length && e.textContent?.trim()).map((e) => e.getBoundingClientRect().top);
          return tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 20;
        })
        .map((term) => term.closest('.katex')?.querySelector('annotation')?.textContent ?? term.textContent),
    );
    const terms = await page.locator('.sl-markdown-content .katex-html').count();
    await page.context().close();
    expect(terms).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });
});

describe('diagrams at 360 px', () => {
  it('can each be seen whole: its left edge at the start of its scroller, its right edge once scrolled to the end', async () => {
    const cut: string[] = [];
    let seen = 0;
    await inParallel.map(pagesWithDiagrams, async (path) => {
      const page = await open(path, 360);
      const edges = await page.$$eval('.kb-diagram-canvas', (canvases) =>
        canvases.map((canvas) => {
          // One drawing per theme; the other is not displayed.
          const visible = [...canvas.querySelectorAll<SVGSVGElement>(':scope > div > svg')].find((s) => s.getBoundingClientRect().width > 0);
          canvas.scrollLeft = 0;
          const box = canvas.getBoundingClientRect();
          const start = visible!.getBoundingClientRect();
          canvas.scrollLeft = canvas.scrollWidth;
          const end = visible!.getBoundingClientRect();
          return { id: canvas.closest('figure')!.id, leftGap: start.left - box.left, rightGap: box.right - end.right, scrolls: canvas.scrollWidth > canvas.clientWidth };
        }),
      );
      for (const edge of edges) {
        seen++;
        if (edge.leftGap < -0.5) cut.push(`${path} ${edge.id}: ${(-edge.leftGap).toFixed(0)} px of its left part out of reach`);
        if (edge.rightGap < -0.5) cut.push(`${path} ${edge.id}: ${(-edge.rightGap).toFixed(0)} px of its right part out of reach`);
      }
      await page.context().close();
    });
    expect(seen).toBeGreaterThanOrEqual(7);
    expect(cut).toEqual([]);
  });
});

/** Mean colour of a vertical strip of a PNG: `from` and `to` are fractions of its width. */
async function stripColour(page: Page, png: Buffer, from: number, to: number): Promise<number[]> {
  return page.evaluate(
    async ({ data, from, to }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const x0 = Math.floor(bitmap.width * from);
      const x1 = Math.max(x0 + 1, Math.floor(bitmap.width * to));
      const pixels = context.getImageData(x0, 0, x1 - x0, bitmap.height).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < pixels.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += pixels[i + c]!;
      return sum.map((s) => s / (pixels.length / 4));
    },
    { data: png.toString('base64'), from, to },
  );
}

const difference = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

const SHADE = 6;

/** How far each edge of a block, its content hidden, differs in colour from its middle. */
async function edgeShades(page: Page, block: Locator): Promise<{ left: number; right: number }> {
  // Brought to the middle of the screen once the entries around it have been laid out (content-visibility,
  // src/styles/custom.css): until then they have a guessed height, and the block may still move.
  for (let i = 0; i < 2; i++) await block.evaluate((element) => new Promise((settled) => (element.scrollIntoView({ block: 'center' }), requestAnimationFrame(() => requestAnimationFrame(settled)))));
  const box = (await block.boundingBox())!;
  // Below the sticky header, within the window: a tall table is seen in part.
  const top = Math.max(box.y, 120);
  const png = await page.screenshot({ clip: { x: box.x, y: top, width: box.width, height: Math.min(box.y + box.height, 900) - top } });
  const strip = 10 / box.width;
  const [left, middle, right] = [await stripColour(page, png, 0, strip), await stripColour(page, png, 0.5, 0.5 + strip), await stripColour(page, png, 1 - strip, 1)];
  return { left: difference(left, middle), right: difference(right, middle) };
}

/**
 * Whether the block shows, with its content hidden, a shade on the edge that has more to see and none on the
 * edge it has reached: at the start, on the right; scrolled to the end, on the left.
 */
async function scrollCue(page: Page, block: Locator): Promise<{ atStart: boolean; atEnd: boolean; shades: string }> {
  await block.evaluate((element) => {
    element.classList.add('kb-cue-probe');
    element.scrollLeft = 0;
  });
  const start = await edgeShades(page, block);
  await block.evaluate((element) => (element.scrollLeft = element.scrollWidth));
  const end = await edgeShades(page, block);
  await block.evaluate((element) => {
    element.classList.remove('kb-cue-probe');
    element.scrollLeft = 0;
  });
  const shades = `left/right shade ${start.left.toFixed(0)}/${start.right.toFixed(0)} at the start, ${end.left.toFixed(0)}/${end.right.toFixed(0)} at the end`;
  return { atStart: start.right > SHADE && start.left < SHADE, atEnd: end.left > SHADE && end.right < SHADE, shades };
}

describe('wide blocks', () => {
  for (const width of WIDTHS) {
    it(`show that they scroll and, on screen, take keyboard focus with a name, wherever one overflows at ${width} px`, async () => {
      const views = (['light', 'dark'] as const).flatMap((theme) => WIDE_BLOCK_PAGES.map((path) => ({ theme, path })));
      const seen = await inParallel.map(views, async ({ theme, path }) => {
        const failures: string[] = [];
        const overflowing: string[] = [];
        const page = await open(path, width, theme);
        // Hide the content but not the block's own background, so only the cue differs between its edges.
        await page.addStyleTag({ content: '.kb-cue-probe * { visibility: hidden !important; }' });
        // Blocks inside the originals count too: open every <details> of the content.
        await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.sl-markdown-content details').forEach((details) => (details.open = true)));
        // Expressive Code marks its code blocks after an idle moment.
        await page.waitForTimeout(600);
        const count = await page.evaluate(() => {
          let n = 0;
          for (const element of document.querySelectorAll<HTMLElement>('main *')) {
            const style = getComputedStyle(element);
            if (/auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1 && element.getBoundingClientRect().width > 0) element.dataset.kbOverflows = String(n++);
          }
          return n;
        });
        for (let i = 0; i < count; i++) {
          const block = page.locator(`[data-kb-overflows="${i}"]`);
          // An entry far from the screen is laid out, and its blocks measured, only when it nears the screen
          // (content-visibility, src/styles/custom.css): each block is judged where a reader meets it, on screen.
          await block.evaluate((element) => element.scrollIntoView({ block: 'center' }));
          // Given time to be marked; one that never is shows as a failure below.
          await page.waitForFunction((element) => element!.hasAttribute('tabindex') && element!.hasAttribute('aria-label'), await block.elementHandle(), { timeout: 2000 }).catch(() => undefined);
          const facts = await block.evaluate((element) => ({
            what: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`,
            focusable: element.tabIndex >= 0 && element.hasAttribute('tabindex'),
            name: element.getAttribute('aria-label') ?? '',
          }));
          const where = `${path} (${theme}) ${facts.what} #${i}`;
          overflowing.push(where);
          if (!facts.focusable) failures.push(`${where}: not focusable`);
          if (!facts.name.trim()) failures.push(`${where}: no accessible name`);
          const cue = await scrollCue(page, block);
          if (!cue.atStart) failures.push(`${where}: no shade on its right edge only at the start (${cue.shades})`);
          if (!cue.atEnd) failures.push(`${where}: no shade on its left edge only, scrolled to the end (${cue.shades})`);
        }
        await page.context().close();
        return { failures, overflowing };
      });
      const failures = seen.flatMap((view) => view.failures);
      const overflowing = seen.flatMap((view) => view.overflowing);
      console.log(`${overflowing.length} overflowing blocks at ${width} px`);
      if (width === 360) {
        // The examples: the multi-head formula, the GPT-vs-BERT table, a code block.
        for (const kind of ['span.katex-display', 'table', 'pre']) expect(overflowing.some((o) => o.includes(kind)), kind).toBe(true);
      }
      expect(failures).toEqual([]);
    });
  }

  it('shows no shade and no tab stop on a formula or table that fits', async () => {
    const page = await open('topics/model-families/', 1280);
    await page.addStyleTag({ content: '.kb-cue-probe * { visibility: hidden !important; }' });
    const table = page.locator('.sl-markdown-content table').first();
    expect(await table.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await table.evaluate((e) => e.classList.add('kb-cue-probe'));
    const shades = await edgeShades(page, table);
    expect(Math.max(shades.left, shades.right)).toBeLessThan(SHADE);
    expect(await table.getAttribute('tabindex')).toBeNull();
    await page.context().close();
  });

  it('lets a display formula be scrolled from the keyboard once focused', async () => {
    const page = await open('topics/attention/', 360);
    // The first formula wider than the screen, brought on screen as a reader scrolls to it.
    await page.evaluate(() => [...document.querySelectorAll('.katex-display')].find((f) => f.scrollWidth > f.clientWidth + 1)!.scrollIntoView({ block: 'center' }));
    const formula = page.locator('.katex-display[tabindex="0"]').first();
    await formula.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => formula.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('the head of every page', () => {
  it('declares the charset in its first 1024 bytes, before any script', () => {
    const late: string[] = [];
    const files = htmlFiles(dist);
    for (const file of files) {
      const html = readFileSync(file);
      const charset = html.indexOf('<meta charset');
      const script = html.indexOf('<script');
      if (charset < 0 || charset + '<meta charset="utf-8">'.length > 1024) late.push(`${relative(dist, file)}: charset at byte ${charset}`);
      else if (script >= 0 && script < charset) late.push(`${relative(dist, file)}: a script before the charset`);
    }
    expect(files.length).toBeGreaterThan(kb.entries.length);
    expect(late).toEqual([]);
  });

  it('gives the redirect page of a merged entry the site icon, so opening it asks for nothing that is not there', async () => {
    const anchors: Record<string, string> = JSON.parse(readFileSync(join(dist, 'anchors.json'), 'utf8'));
    const live = new Set(kb.entries.map((e) => e.id));
    const retired = Object.keys(anchors).filter((id) => !live.has(id));
    expect(retired.length).toBeGreaterThan(0);
    const html = readFileSync(join(dist, 'q', retired[0]!, 'index.html'), 'utf8');
    const icon = /<link rel="icon" href="[^"]*\/(favicon\.svg)"/.exec(html);
    expect(icon, 'an icon link').not.toBeNull();
    expect(statSync(join(dist, icon![1]!)).isFile()).toBe(true);

    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    await goto(page, env.site.url(`q/${retired[0]}/`));
    await context.close();
    expect(problems).toEqual([]);
  });
});

describe('navigation', () => {
  for (const [name, path] of [['the home page', ''], ['the 404 page', 'no-such-page/']] as const) {
    it(`gives ${name} at 360 px a menu with the topics and the theme switch`, async () => {
      const page = await open(path, 360);
      const menu = page.locator('button.sl-menu-button');
      await expect.poll(() => menu.isVisible()).toBe(true);
      const visibleThemeSwitches = async () => (await Promise.all((await page.locator('starlight-theme-select select').all()).map((s) => s.isVisible()))).filter(Boolean).length;
      expect(await visibleThemeSwitches(), 'no theme switch before the menu opens').toBe(0);
      await menu.click();
      await expect.poll(() => page.locator('#starlight__sidebar a[href$="topics/attention/"]').isVisible()).toBe(true);
      await expect.poll(visibleThemeSwitches).toBe(1);
      await page.context().close();
    });
  }

  for (const width of WIDTHS) {
    it(`takes a keyboard user from the top of a topic page into its first question in three keys, and on to the next question, at ${width} px`, async () => {
      const page = await open('topics/attention/', width);
      const [first, second] = await page.$$eval('.sl-markdown-content h2[id]', (headings) => headings.map((h) => h.id));
      /** Where focus is: 'first' or 'second' entry, or elsewhere. */
      const focusIn = () =>
        page.evaluate(
          ([a, b]) => {
            const focused = document.activeElement;
            const starts = [document.getElementById(a!), document.getElementById(b!)];
            if (!focused || !starts[0] || !starts[1]) return 'nowhere';
            const after = (heading: Element) => !!(heading.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
            return after(starts[1]) ? 'second' : after(starts[0]) ? 'first' : 'before';
          },
          [first!, second!],
        );
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to the first question');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await focusIn()).toBe('first');
      // Within the first entry, a few Tabs reach "Skip to the next question".
      let presses = 0;
      while ((await page.evaluate(() => document.activeElement?.textContent?.trim())) !== 'Skip to the next question' && presses < 5) {
        await page.keyboard.press('Tab');
        presses++;
      }
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to the next question');
      const link = await page.evaluate(() => document.activeElement!.getBoundingClientRect().width);
      expect(link, 'visible when focused').toBeGreaterThan(20);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await focusIn()).toBe('second');
      await page.context().close();
    });
  }
});
