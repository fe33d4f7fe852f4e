/**
 * A link-preview image for every answer page (`/q/<id>/preview.png`, 1200 × 630): the question, the start of
 * its answer and who asks it, drawn when Astro has built the site, in the Chromium that draws the diagrams.
 * Starlight announces a large image card on every page; src/components/Head.astro points answer pages at
 * theirs. Source text is put into the card as text (textContent), never as HTML.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { mathInTextAsText, readableText } from '../../scripts/lib/render/readable.ts';
import { KnowledgeBaseSchema } from '../../scripts/lib/schema.ts';
import { PREVIEW } from '../preview.ts';


const CARD = `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${PREVIEW.width}px; height: ${PREVIEW.height}px; }
  body { box-sizing: border-box; padding: 64px 72px; display: flex; flex-direction: column; gap: 28px;
    background: #1b1f2e; color: #f2f3f5; border-top: 12px solid #a8b8ff;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
  #site { font-size: 26px; font-weight: 600; color: #a8b8ff; }
  #question { font-size: 54px; font-weight: 700; line-height: 1.15; display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
  #answer { font-size: 28px; line-height: 1.4; color: #c9ccd3; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
  #asked { margin-top: auto; font-size: 24px; color: #a8b8ff; }
</style></head><body><div id="site"></div><div id="question"></div><div id="answer"></div><div id="asked"></div></body></html>`;

export async function drawPreviewImages(dist: string, siteTitle: string): Promise<number> {
  const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: PREVIEW.width, height: PREVIEW.height } });
    await page.setContent(CARD);
    for (const entry of kb.entries) {
      const card = {
        site: siteTitle,
        question: mathInTextAsText(entry.question),
        answer: entry.answer ? readableText(entry.answer) : 'No source answers this question yet.',
        asked: `Asked in ${entry.sources.length} of ${kb.sources.length} sources`,
      };
      await page.evaluate((card) => {
        for (const [id, text] of Object.entries(card)) document.getElementById(id)!.textContent = text;
      }, card);
      const folder = join(dist, 'q', entry.id);
      mkdirSync(folder, { recursive: true });
      await page.screenshot({ path: join(folder, PREVIEW.file), type: 'jpeg', quality: 85 });
    }
    return kb.entries.length;
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
        logger.info(`${count} answer preview images drawn in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
