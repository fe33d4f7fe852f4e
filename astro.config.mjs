// @ts-check
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import rehypeKatex from 'rehype-katex';
import remarkHeadingId from 'remark-heading-id';
import remarkMath from 'remark-math';
import { diagrams } from './src/integrations/diagrams.ts';
import { previewImages } from './src/integrations/preview-images.ts';
import { withSearchIndex } from './src/integrations/search-index.ts';
import rehypeTermTips from './src/plugins/rehype-term-tips.ts';

// GitHub Pages serves a project site under /<repository>/: the deploy workflow sets both.
const site = process.env.SITE_URL || 'https://example.github.io';
const base = process.env.BASE_PATH || '/';
const title = 'Transformer & LLM Interview Questions';

/**
 * A merged entry's retired ids (sources/entry-ids.json `aliases`, kept by the ingest) as redirects from its old
 * answer page to the page of the entry it merged into: a link someone sent to an old `/q/<id>/` keeps working.
 * Old topic anchors need none: the entry's heading carries them (AliasAnchors). Astro writes a destination as
 * given, so it carries the base.
 */
const { aliases } = JSON.parse(readFileSync(new URL('./sources/entry-ids.json', import.meta.url), 'utf8'));
const redirects = Object.fromEntries(Object.entries(aliases).map(([retired, id]) => [`/q/${retired}`, `${base.replace(/\/?$/, '/')}q/${id}/`]));

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
      rehypePlugins: [[rehypeKatex, { strict: false }], rehypeTermTips],
    }),
  },
  integrations: [
    diagrams(),
    previewImages(title),
    ...withSearchIndex(
      starlight({
        title,
        description: 'Interview questions on Transformers, LLMs, transfer learning and fine-tuning, deduplicated across their sources into one answer each.',
        lastUpdated: false,
        pagination: true,
        customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
        components: { Head: './src/components/Head.astro', MarkdownContent: './src/components/MarkdownContent.astro' },
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
