/** Pages that hold up: at 360 px and after a deep link, with titles and descriptions that read as text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';
import { observedElements } from '../../src/toc/observed.ts';
import { goto, useSite } from '../helpers/site.ts';

const dist = inject('dist');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const env = useSite();

async function open(path: string, width = 1280) {
  const context = await env.browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await goto(page, env.site.url(path));
  return page;
}

describe('pages that hold up', () => {
  it('marks the linked question in "On this page" after a deep link, not the one before it', async () => {
    const entries = kb.entries.filter((e) => e.topic === 'attention').slice(3, 6);
    for (const entry of entries) {
      const page = await open(`topics/attention/#${entry.id}`);
      await expect.poll(() => page.locator('starlight-toc a[aria-current="true"]').getAttribute('href')).toBe(`#${entry.id}`);
      await page.context().close();
    }
  });

  it('keeps the question a link within the page leads to at the top of the screen while the entries around it are laid out', async () => {
    const topic = [...kb.topics].sort((a, b) => kb.entries.filter((e) => e.topic === b.id).length - kb.entries.filter((e) => e.topic === a.id).length)[0]!;
    const entries = kb.entries.filter((e) => e.topic === topic.id);
    const page = await open(`topics/${topic.id}/`);
    const header = await page.locator('header').evaluate((h) => h.getBoundingClientRect().bottom);
    const landed: string[] = [];
    // Far down, back up, down again: each time the entries between are laid out only as the page arrives.
    for (const entry of [entries[12]!, entries[4]!, entries[15]!, entries[1]!]) {
      await page.locator(`starlight-toc a[href="#${entry.id}"]`).click();
      await page.waitForTimeout(500);
      const top = await page.locator(`[id="${entry.id}"]`).evaluate((h) => h.getBoundingClientRect().top);
      if (top < header || top > header + 100) landed.push(`${entry.id}: ${Math.round(top)} px from the top`);
    }
    expect(landed).toEqual([]);
    await page.context().close();
  });

  it('shows the study controls of a topic page once its script has filled them in, and none without scripts', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await env.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(env.site.url('topics/foundations/'), { waitUntil: 'load' });
      const shown = () => page.$$eval('.kb-mark, .kb-study-progress', (controls) => controls.filter((c) => c.checkVisibility({ visibilityProperty: true })).length);
      // Without scripts, not even an empty space kept for them.
      const laidOut = () => page.$$eval('.kb-mark, .kb-study-progress', (controls) => controls.filter((c) => c.getClientRects().length).length);
      if (javaScriptEnabled) await expect.poll(shown).toBe(kb.entries.filter((e) => e.topic === 'foundations').length + 1);
      else expect(await laidOut()).toBe(0);
      await context.close();
    }
  });

  it('watches, for "On this page", the same elements as Starlight\'s own query, on the longest topic page, the glossary and the sources page', async () => {
    const longest = [...kb.topics].sort((a, b) => kb.entries.filter((e) => e.topic === b.id).length - kb.entries.filter((e) => e.topic === a.id).length)[0]!;
    for (const path of [`topics/${longest.id}/`, 'glossary/', 'sources/']) {
      const page = await open(path);
      const selector = await page.locator('starlight-toc').evaluate((toc: HTMLElement) => `h1#_top,:where(${Array.from({ length: 1 + Number(toc.dataset.maxH) - Number(toc.dataset.minH) }, (_, i) => `h${Number(toc.dataset.minH) + i}`).join()})[id]`);
      const ours = await page.evaluateHandle(observedElements, selector);
      // starlight-toc.js as Starlight 0.42 writes it.
      const starlights = await page.evaluateHandle((headings) => [...document.querySelectorAll([`main :where(${headings})`, `main :where(${headings}, .sl-heading-wrapper) ~ *:not(:has(${headings}))`, `main .sl-markdown-content > *:not(:has(${headings}))`, `main > *:not(:has(${headings}))`].join())], selector);
      const compared = await page.evaluate(([a, b]) => ({ ours: a.length, starlights: b.length, same: a.length === b.length && a.every((element, i) => element === b[i]) }), [ours, starlights] as const);
      expect(compared.starlights, path).toBeGreaterThan(2);
      expect(compared, path).toEqual({ ours: compared.starlights, starlights: compared.starlights, same: true });
      await page.context().close();
    }
  });

  it('keeps the words of a table whole at 360 px (the table scrolls instead)', async () => {
    const page = await open('topics/model-families/', 360);
    const broken = await page.$$eval('.sl-markdown-content table :is(th, td)', (cells) =>
      cells.flatMap((cell) => {
        const words: string[] = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (const match of node.data.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            // A word broken across lines has a box on each line.
            if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) words.push(match[0]);
          }
        }
        return words;
      }),
    );
    expect(await page.locator('.sl-markdown-content table').count()).toBeGreaterThan(0);
    expect(broken).toEqual([]);
    await page.context().close();
  });

  it('shows the whole site title at 360 px', async () => {
    const page = await open('', 360);
    const title = await page.locator('.site-title').evaluate((el) => {
      const box = el.getBoundingClientRect();
      const text = el.querySelector('span') ?? el;
      return { clipped: text.scrollWidth > text.clientWidth + 1, right: box.right, search: document.querySelector('button[data-open-modal]')!.getBoundingClientRect().left };
    });
    expect(title.clipped).toBe(false);
    expect(title.right).toBeLessThanOrEqual(title.search);
    await page.context().close();
  });

  it('titles the home page once, not "Site | Site"', async () => {
    const page = await open('');
    expect(await page.title()).toBe('Transformer & LLM Interview Questions');
    await page.context().close();
  });

  it('writes math in titles as text (√dₖ) and leaves credit tags out of descriptions', async () => {
    const entry = kb.entries.find((e) => e.question.includes('\\sqrt{d_k}'))!;
    const html = readFileSync(join(dist, 'q', entry.id, 'index.html'), 'utf8');
    expect(/<title>([^<]*)<\/title>/.exec(html)![1]).toContain('√dₖ');
    const descriptions = kb.entries.map((e) => /<meta name="description" content="([^"]*)"/.exec(readFileSync(join(dist, 'q', e.id, 'index.html'), 'utf8'))?.[1] ?? '');
    expect(descriptions.filter((d) => /\((?:Part 6|Flashcards|LLM Q&amp;A|200 Questions \(book\)|Editors' correction|LLM interview post)[),]/.test(d))).toEqual([]);
    // TeX commands, not any backslash: a hostile test source has "C:\temp" in its answer, which is text.
    expect(descriptions.filter((d) => /\\(?:sqrt|frac|cdot|operatorname|mathrm|text|top)\b|d_k/.test(d))).toEqual([]);
  });

  it('opens "and N more" under a glossary term to show the rest of the entries that mention it', async () => {
    const term = kb.glossary.find((t) => t.entries.length > 8)!;
    const page = await open('glossary/');
    const more = page.locator(`[id="${term.id}"]`).locator('xpath=ancestor::div[contains(@class,"sl-heading-wrapper")]/following-sibling::details[contains(@class,"kb-more")][1]');
    await expect.poll(() => more.locator('summary').textContent()).toBe(`and ${term.entries.length - 8} more`);
    expect(await more.locator('a').first().isVisible()).toBe(false);
    await more.locator('summary').click();
    expect(await more.locator('a').count()).toBe(term.entries.length - 8);
    expect(await more.locator('a').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it("lists each source's questions on the Sources page, in the source's order, linked to their entries", () => {
    const html = readFileSync(join(dist, 'sources', 'index.html'), 'utf8');
    for (const source of kb.sources) {
      const asked = kb.entries.flatMap((e) => e.variants.filter((v) => v.source === source.id).map((v) => ({ line: v.line, url: e.url })));
      // The editors' questions share lines (each is in its entry's file): those go by the page they are on.
      asked.sort((a, b) => a.line - b.line || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      const section = html.slice(html.indexOf(`id="${source.id}"`));
      const list = /<details class="kb-source-questions">([\s\S]*?)<\/details>/.exec(section)![1]!;
      const links = [...list.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
      expect(links, source.id).toEqual(asked.map((a) => a.url));
    }
  });

  it('shows no Markdown link as text: a question with "[CLS]" in it is still a link in Related lists', () => {
    const files = ['glossary', 'sources', ...kb.topics.map((t) => `topics/${t.id}`)];
    const raw = files.filter((f) => /\]\(\/[^)]*\)/.test(readFileSync(join(dist, f, 'index.html'), 'utf8').replace(/<[^>]+>/g, '')));
    expect(raw).toEqual([]);
  });
});

