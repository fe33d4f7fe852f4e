/**
 * Links worth sharing: "Copy link" gives the answer page, which previews as its question; the home page, topics
 * and answers each have a preview image of their own; an answer page shows the entry's diagram and leads to
 * the entries before and after it in its topic. What the topic pages show (their entries' order, the diagram
 * beside an entry) is read from the built topic pages, not from the code that writes the answer pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';
import { goto, useSite } from '../helpers/site.ts';

const dist = inject('dist');
const base = inject('base');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const env = useSite();

const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const meta = (page: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(page)?.[1];

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Text of HTML that holds no elements: Astro and MDX escape the same characters differently ("&lt;", "&#x3C;"). */
const text = (html: string) =>
  html.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (entity, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED[name] ?? entity),
  );

/** A topic page as a reader sees it: its entries in order, each with its heading and the diagrams shown under it. */
function topicPage(topic: string) {
  const page = html(`topics/${topic}`);
  const ids = new Set(kb.entries.map((e) => e.id));
  const headings = [...page.matchAll(/<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g)].filter((m) => ids.has(m[1]!));
  return headings.map((m, i) => {
    const section = page.slice(m.index, headings[i + 1]?.index ?? page.length);
    return { id: m[1]!, heading: text(m[2]!), diagrams: [...section.matchAll(/<figure class="kb-diagram[^"]*" id="([^"]+)"/g)].map((d) => d[1]!) };
  });
}

/** A page's "Previous" and "Next" links: where each goes and the title it shows. */
function pagination(page: string): Record<string, [string, string]> {
  const links = page.matchAll(/<a href="([^"]+)" rel="(prev|next)"[\s\S]*?<span class="link-title[^"]*">([\s\S]*?)<\/span>/g);
  return Object.fromEntries([...links].map((m) => [m[2]!, [m[1]!, text(m[3]!)]]));
}

/** The JPEG's size, from its start-of-frame marker. */
function jpegSize(file: string): [number, number] {
  const jpeg = readFileSync(file);
  const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  return [jpeg.readUInt16BE(frame + 7), jpeg.readUInt16BE(frame + 5)];
}

async function open(path: string, width: number) {
  const context = await env.browser.newContext({ viewport: { width, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
  const page = await context.newPage();
  await goto(page, env.site.url(path));
  return page;
}

describe('links worth sharing', () => {
  for (const width of [1280, 360]) {
    it(`copies the answer page's URL with "Copy link" at ${width} px, and the link opens that question`, async () => {
      const topic = kb.topics.find((t) => t.id === 'attention')!;
      const entry = topicPage(topic.id)[4]!;
      const page = await open(`topics/${topic.id}/#${entry.id}`, width);
      const button = page.locator(`button.kb-copy-link[data-entry="${entry.id}"]`);
      if (width === 1280) {
        await button.focus();
        await page.keyboard.press('Enter');
      } else await button.click();
      const copied = `${env.site.origin}${base}q/${entry.id}/`;
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(copied);
      expect(await page.locator('#kb-copy-status').textContent()).toBe(`Link copied: ${copied}`);
      // The entry's place on its topic page stays one click away: its heading's own anchor link.
      expect(await page.locator(`[id="${entry.id}"] + a.sl-anchor-link`).getAttribute('href')).toBe(`#${entry.id}`);
      await goto(page, copied);
      expect(await page.locator('h1').textContent()).toBe(entry.heading);
      await page.context().close();
    });
  }

  it('gives the home page, every topic and every answer page a 1200 × 630 preview image of its own, with its size and alt text', () => {
    const pages = ['', ...kb.topics.map((t) => `topics/${t.id}/`), ...kb.entries.map((e) => `q/${e.id}/`)];
    for (const path of pages) {
      const page = html(path);
      const image = meta(page, 'og:image');
      expect(image, path).toBe(`https://example.org${base}${path}preview.jpg`);
      expect(meta(page, 'twitter:image'), path).toBe(image);
      expect([meta(page, 'og:image:width'), meta(page, 'og:image:height')], path).toEqual(['1200', '630']);
      expect(meta(page, 'og:image:alt')?.length, path).toBeGreaterThan(3);
      expect(existsSync(join(dist, path, 'preview.jpg')), path).toBe(true);
      expect(jpegSize(join(dist, path, 'preview.jpg')), path).toEqual([1200, 630]);
    }
  });

  it("shows the home page's preview image on pages without one of their own", () => {
    for (const path of ['glossary/', 'sources/', 'study/']) expect(meta(html(path), 'og:image'), path).toBe(`https://example.org${base}preview.jpg`);
  });

  it('previews a topic link with the topic and how many questions it holds, and the home page with the site', () => {
    for (const topic of kb.topics) {
      const page = html(`topics/${topic.id}/`);
      expect(meta(page, 'og:title'), topic.id).toBe(`${topic.title.replace(/&/g, '&amp;')}: ${topicPage(topic.id).length} interview questions with answers`);
      expect(meta(page, 'og:image:alt'), topic.id).toBe(meta(page, 'og:title'));
      expect(meta(page, 'og:description'), topic.id).toBe(topic.description);
    }
    expect(meta(html(''), 'og:title')).toBe('Transformer &amp; LLM Interview Questions');
    expect(meta(html(''), 'og:image:alt')).toBe('Transformer &amp; LLM Interview Questions');
  });

  it('shows on an answer page the diagram its topic page shows beside the entry, and none on the others', () => {
    let shown = 0;
    for (const topic of kb.topics) {
      for (const entry of topicPage(topic.id)) {
        const diagrams = [...html(`q/${entry.id}`).matchAll(/<figure class="kb-diagram[^"]*" id="([^"]+)"/g)].map((d) => d[1]);
        expect(diagrams, entry.id).toEqual(entry.diagrams);
        shown += diagrams.length;
      }
    }
    expect(shown).toBeGreaterThanOrEqual(7);
  });

  for (const width of [1280, 360]) {
    it(`draws the diagram on an answer page at ${width} px, labelled and inside the screen`, async () => {
      const entry = topicPage('inference').find((e) => e.diagrams.includes('diagram-kv-cache-decoding'))!;
      const page = await open(`q/${entry.id}/`, width);
      const figure = page.locator('figure#diagram-kv-cache-decoding');
      await figure.scrollIntoViewIfNeeded();
      expect(await figure.isVisible()).toBe(true);
      expect(await figure.locator('[role="img"]').getAttribute('aria-label')).toMatch(/KV cache/);
      expect(await figure.locator('svg text:visible').count()).toBeGreaterThan(3);
      const box = (await figure.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.context().close();
    });
  }

  it('links every answer page to the previous and next entries of its topic, none before the first or after the last', () => {
    for (const topic of kb.topics) {
      const entries = topicPage(topic.id);
      entries.forEach((entry, i) => {
        const links = pagination(html(`q/${entry.id}`));
        const before = entries[i - 1];
        const after = entries[i + 1];
        expect(links.prev, `${entry.id} previous`).toEqual(before && [`${base}q/${before.id}/`, before.heading]);
        expect(links.next, `${entry.id} next`).toEqual(after && [`${base}q/${after.id}/`, after.heading]);
      });
    }
  });

  it('goes through a topic one answer at a time with "Next" and back with "Previous" at 360 px', async () => {
    const [first, second] = topicPage('attention');
    const page = await open(`q/${first!.id}/`, 360);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${base}q/${second!.id}/`);
    expect(await page.locator('h1').textContent()).toBe(second!.heading);
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(`**${base}q/${first!.id}/`);
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
    await page.context().close();
  });
});
