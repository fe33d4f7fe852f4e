// @ts-check
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { existsSync, readFileSync } from 'node:fs';
import sitemap from '@astrojs/sitemap';
import rehypeKatex from 'rehype-katex';
import remarkHeadingId from 'remark-heading-id';
import remarkMath from 'remark-math';
import { diagrams } from './src/integrations/diagrams.ts';
import { llmsTxt } from './src/integrations/llms-txt.ts';
import { previewImages } from './src/integrations/preview-images.ts';
import { redirectPages } from './src/integrations/redirect-pages.ts';
import { withSearchIndex } from './src/integrations/search-index.ts';
import { tocObserver } from './src/integrations/toc-observer.ts';
import { normaliseBase } from './scripts/lib/site.ts';
import rehypeEntrySections from './src/plugins/rehype-entry-sections.ts';
import rehypeTermTips from './src/plugins/rehype-term-tips.ts';

// GitHub Pages serves a project site under /<repository>/: the deploy workflow sets both.
const site = process.env.SITE_URL || 'https://example.github.io';
// Canonical links, link previews, the sitemap and llms.txt carry the site's address: say when a build has none.
if (!process.env.SITE_URL && process.argv.includes('build')) {
  console.warn(`SITE_URL is not set: canonical links, link previews, the sitemap and llms.txt point to ${site}. Set SITE_URL to the address the site is served from (the deploy workflow sets it).`);
}
const base = process.env.BASE_PATH || '/';
const title = 'Transformer & LLM Interview Questions';
const description = 'Interview questions on Transformers, LLMs, transfer learning and fine-tuning, deduplicated across their sources into one answer each.';

/**
 * A file the ingest writes into public/; before the first ingest there is nothing to build, and so nothing to
 * redirect.
 * @template T
 * @param {string} file
 * @param {T} empty
 * @returns {T}
 */
function publicJson(file, empty) {
  const url = new URL(`./public/${file}`, import.meta.url);
  return existsSync(url) ? JSON.parse(readFileSync(url, 'utf8')) : empty;
}

const live = new Set(publicJson('kb.json', /** @type {{ entries: { id: string }[] }} */ ({ entries: [] })).entries.map((entry) => entry.id));
/**
 * A merged entry's retired ids as redirects from its old answer page to the page of the entry it merged into:
 * a link someone sent to an old `/q/<id>/` keeps working. The ingest writes, on every run, the live entries
 * (public/kb.json) and where every id ever issued lives now (public/anchors.json: the surviving entry's anchor);
 * an id that is not live is retired. Old topic anchors need no redirect: the entry's heading carries them.
 * Astro writes a destination as given, so it carries the base, normalised as the ingest normalises it.
 */
const redirects = Object.fromEntries(
  Object.entries(publicJson('anchors.json', /** @type {Record<string, string>} */ ({}))).flatMap(([id, url]) => {
    const survivor = url.split('#')[1] ?? '';
    return !live.has(id) && live.has(survivor) ? [[`/q/${id}`, `${normaliseBase(base)}q/${survivor}/`]] : [];
  }),
);

export default defineConfig({
  site,
  base,
  // The browser tests build a sub-path copy of the site beside the real one.
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'always',
  redirects,
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark/rehype plugins: math and heading ids need unified.
    // Entry and term anchors are permalinks, not slugs of their headings (a heading can be reworded, a long
    // one is cut): `## Heading \{#id\}` sets them (remark-heading-id: the syntax of Docusaurus and Pandoc).
    // Astro and Starlight have no syntax of their own for a heading's id, and a heading written as a component
    // would leave the table of contents.
    processor: unified({
      // Source text renders as the characters it contains: no curly quotes or dashes substituted.
      smartypants: false,
      remarkPlugins: [remarkMath, remarkHeadingId],
      // Glossary links carry their term's definition as a title: it becomes a tooltip shown on hover and focus.
      // Each entry of a topic page is a section, laid out only when it nears the screen.
      rehypePlugins: [[rehypeKatex, { strict: false }], rehypeTermTips, rehypeEntrySections],
    }),
  },
  integrations: [
    // Starlight's own sitemap, but without the study cards' answers: pages the study page loads, not for search engines.
    sitemap({ filter: (page) => !page.includes('/study/answers/') }),
    diagrams(),
    previewImages(title),
    llmsTxt(title, description),
    redirectPages(),
    tocObserver(),
    ...withSearchIndex(
      starlight({
        title,
        description,
        lastUpdated: false,
        pagination: true,
        customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
        components: {
          Head: './src/components/Head.astro',
          MarkdownContent: './src/components/MarkdownContent.astro',
          SkipLink: './src/components/SkipLink.astro',
        },
        // Every question is its own short search record (src/integrations/search-index.ts); these weights put
        // the record of the wording searched for in the top three (npm run bench:search).
        pagefind: { ranking: { termFrequency: 0.5, pageLength: 0.3 } },
        sidebar: [
          { label: 'Home', link: '/' },
          { label: 'Study', link: '/study/' },
          { label: 'Topics', items: [{ autogenerate: { directory: 'topics' } }] },
          { label: 'Reference', items: [{ slug: 'glossary' }, { slug: 'sources' }] },
        ],
      }),
    ),
  ],
});
