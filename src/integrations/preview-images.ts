/**
 * Link-preview images (1200 × 630), drawn when Astro has built the site, in the Chromium that draws the
 * diagrams, one beside each page that is worth sharing (`preview.jpg`, src/preview.ts):
 * - every answer page (`q/<id>/`): the question, the start of its answer and how many sources ask it;
 * - every topic page (`topics/<id>/`): the topic, its description and how many questions it holds;
 * - the home page: the site's title and tagline; other pages share it.
 * Starlight announces a large image card on every page; src/components/Head.astro points each page at its
 * image. Source text is put into the card as text (textContent), never as HTML.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { homeTagline } from '../../scripts/lib/render/pages.ts';
import { mathInTextAsText, readableText } from '../../scripts/lib/render/readable.ts';
import { KnowledgeBaseSchema } from '../../scripts/lib/schema.ts';
import { PREVIEW } from '../preview.ts';

/** What one card says, top to bottom: the line above the title (none on the home page's card), and below it. */
interface Card {
  kicker: string;
  title: string;
  text: string;
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
  #footer { margin-top: auto; font-size: 24px; color: #a8b8ff; }
</style></head><body><div id="kicker"></div><div id="title"></div><div id="text"></div><div id="footer"></div></body></html>`;

/** Every card to draw, by the folder under dist/ its image goes in ('' for the home page). */
function cards(dist: string, siteTitle: string): Map<string, Card> {
  const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')));
  const questions = kb.entries.reduce((n, e) => n + e.variants.length, 0);
  const all = new Map<string, Card>();
  all.set('', {
    kicker: '',
    title: siteTitle,
    text: homeTagline({ questions, sources: kb.sources.length, entries: kb.entries.length, topics: kb.topics.length }),
    footer: 'Search in any wording · study with flashcards · every answer with its sources',
  });
  for (const topic of kb.topics) {
    const entries = kb.entries.filter((e) => e.topic === topic.id);
    const asked = entries.reduce((n, e) => n + e.variants.length, 0);
    all.set(join('topics', topic.id), { kicker: siteTitle, title: topic.title, text: topic.description, footer: `${entries.length} questions, asked ${asked} times across the sources` });
  }
  for (const entry of kb.entries) {
    all.set(join('q', entry.id), {
      kicker: siteTitle,
      title: mathInTextAsText(entry.question),
      text: entry.answer ? readableText(entry.answer) : 'No source answers this question yet.',
      footer: `Asked in ${entry.sources.length} of ${kb.sources.length} sources`,
    });
  }
  return all;
}

export async function drawPreviewImages(dist: string, siteTitle: string): Promise<number> {
  const all = cards(dist, siteTitle);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: PREVIEW.width, height: PREVIEW.height } });
    await page.setContent(CARD);
    for (const [folder, card] of all) {
      await page.evaluate((card) => {
        for (const [id, text] of Object.entries(card)) document.getElementById(id)!.textContent = text;
      }, card);
      mkdirSync(join(dist, folder), { recursive: true });
      await page.screenshot({ path: join(dist, folder, PREVIEW.file), type: 'jpeg', quality: 85 });
    }
    return all.size;
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
