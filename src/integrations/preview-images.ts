/**
 * Link-preview images (1200 × 630), drawn when Astro has built the site, in the Chromium that draws the
 * diagrams, one beside each page that is worth sharing (`preview.jpg`, src/preview.ts):
 * - every answer page (`q/<id>/`): the question, its "In short" (or the start of its answer) and how many sources ask it;
 * - every topic page (`topics/<id>/`): the topic, its description, its most-asked questions and how many
 *   questions it holds;
 * - the home page: the site's title, tagline and topics; other pages share it.
 * Starlight announces a large image card on every page; src/components/Head.astro points each page at its
 * image. Source text is put into the card as text (textContent), never as HTML.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { launchChromium } from '../../scripts/tools/browser.ts';
import { homeTagline, KnowledgeBaseSchema, mathInTextAsText, readableText } from '../../scripts/lib/site.ts';
import { PREVIEW } from '../preview.ts';

/**
 * What one card says, top to bottom: the line above the title (none on the home page's card), the title, a
 * text, a list (the home page's topics, a topic's most-asked questions) and a last line.
 */
interface Card {
  kind: 'home' | 'topic' | 'answer';
  kicker: string;
  title: string;
  text: string;
  items: string[];
  footer: string;
}

const CARD = `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${PREVIEW.width}px; height: ${PREVIEW.height}px; }
  body { box-sizing: border-box; padding: 64px 72px; display: flex; flex-direction: column; gap: 28px;
    background: #1b1f2e; color: #f2f3f5; border-top: 12px solid #a8b8ff;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
  #kicker { font-size: 26px; font-weight: 600; color: #a8b8ff; }
  #kicker:empty { display: none; }
  #title { font-size: 54px; font-weight: 700; line-height: 1.15; display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
  #text { font-size: 28px; line-height: 1.4; color: #c9ccd3; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
  #items { flex: 1 1 0; min-height: 0; overflow: hidden; margin: 0; padding: 0; list-style: none; display: flex; }
  #items:empty { display: none; }
  .topic #items { flex-direction: column; gap: 10px; font-size: 26px; color: #f2f3f5; }
  .topic #items li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding-left: 22px; border-left: 4px solid #a8b8ff; }
  .home #items { flex-wrap: wrap; align-content: flex-start; gap: 12px; font-size: 22px; }
  .home #items li { border: 2px solid #4b557a; border-radius: 999px; padding: 4px 16px; color: #dfe3f7; }
  #footer { margin-top: auto; font-size: 24px; color: #a8b8ff; }
</style></head><body><div id="kicker"></div><div id="title"></div><div id="text"></div><ul id="items"></ul><div id="footer"></div></body></html>`;

/** How many of a topic's most-asked questions its card lists. */
const TOPIC_QUESTIONS = 3;

/** Every card to draw, by the folder under dist/ its image goes in ('' for the home page). */
function cards(dist: string, siteTitle: string): Map<string, Card> {
  const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')));
  const questions = kb.entries.reduce((n, e) => n + e.variants.length, 0);
  const all = new Map<string, Card>();
  all.set('', {
    kind: 'home',
    kicker: '',
    title: siteTitle,
    text: homeTagline({ questions, sources: kb.sources.length, entries: kb.entries.length, topics: kb.topics.length }),
    items: kb.topics.map((t) => t.title),
    footer: 'Search in any wording · study with flashcards · every answer with its sources',
  });
  for (const topic of kb.topics) {
    const entries = kb.entries.filter((e) => e.topic === topic.id);
    const asked = entries.reduce((n, e) => n + e.variants.length, 0);
    const mostAsked = [...entries].sort((a, b) => b.sources.length - a.sources.length || b.variants.length - a.variants.length).slice(0, TOPIC_QUESTIONS);
    all.set(join('topics', topic.id), {
      kind: 'topic',
      kicker: siteTitle,
      title: topic.title,
      text: topic.description,
      items: mostAsked.map((e) => mathInTextAsText(e.question)),
      footer: `${entries.length} questions, asked ${asked} times across the sources`,
    });
  }
  for (const entry of kb.entries) {
    all.set(join('q', entry.id), {
      kind: 'answer',
      kicker: siteTitle,
      title: mathInTextAsText(entry.question),
      text: entry.short ? readableText(entry.short) : entry.answer ? readableText(entry.answer) : 'No source answers this question yet.',
      items: [],
      footer: `Asked in ${entry.sources.length} of ${kb.sources.length} sources`,
    });
  }
  return all;
}

/**
 * Cards drawn at once, each in its own page: one card is laid out while another's screenshot is encoded and
 * written. The images are the same as drawn one at a time.
 */
const PAGES = 2;

export async function drawPreviewImages(dist: string, siteTitle: string): Promise<number> {
  const all = [...cards(dist, siteTitle)];
  const browser = await launchChromium();
  try {
    await Promise.all(
      Array.from({ length: PAGES }, async (_, first) => {
        const page = await browser.newPage({ viewport: { width: PREVIEW.width, height: PREVIEW.height } });
        await page.setContent(CARD);
        for (let i = first; i < all.length; i += PAGES) {
          const [folder, card] = all[i]!;
          // No functions declared in here: the build's transpiler would wrap them in a helper the page lacks.
          await page.evaluate(({ kind, items, ...texts }) => {
            document.body.className = kind;
            for (const [id, text] of Object.entries(texts)) document.getElementById(id)!.textContent = text;
            const list = document.getElementById('items')!;
            list.replaceChildren(...items.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
            // The home page's topics wrap onto rows: the rows that do not fit whole give way to "and N more".
            const bottom = list.getBoundingClientRect().bottom + 0.5;
            if (kind !== 'home' || !list.lastElementChild || list.lastElementChild.getBoundingClientRect().bottom <= bottom) return;
            const more = list.appendChild(document.createElement('li'));
            do {
              more.previousElementSibling!.remove();
              more.textContent = `and ${items.length - list.children.length + 1} more`;
            } while (list.children.length > 1 && more.getBoundingClientRect().bottom > bottom);
          }, card);
          mkdirSync(join(dist, folder), { recursive: true });
          await page.screenshot({ path: join(dist, folder, PREVIEW.file), type: 'jpeg', quality: 85 });
        }
      }),
    );
    return all.length;
  } finally {
    await browser.close();
  }
}

export function previewImages(siteTitle: string): AstroIntegration {
  return {
    name: 'kb-preview-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const count = await drawPreviewImages(fileURLToPath(dir), siteTitle);
        logger.info(`${count} preview images drawn (the home page, topics and answers) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
