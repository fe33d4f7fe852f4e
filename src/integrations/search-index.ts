/**
 * The site's search, built once per build: the Pagefind index of search-records.ts, written when Astro has
 * finished the site (`astro:build:done`) with the index's words for the spelling; and Starlight's search dialog
 * given its UI, with the query processing of src/search/dialog.ts, when it is first opened (src/search/lazy-ui.ts).
 *
 * Starlight runs Pagefind over the built HTML in its own `astro:build:done` hook and would write its page index
 * over this one (or this one over it, twice the work). `withSearchIndex` therefore gives Starlight's
 * integration back without that hook, and the search UI, its options (`pagefind.ranking` in the Starlight
 * config) and `data-pagefind-*` attributes stay Starlight's.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { KnowledgeBaseSchema, normaliseBase, repositoryData } from '../../scripts/lib/site.ts';
import { formatLexicon } from '../search/spelling.ts';
import { searchLexicon, searchRecords } from './search-records.ts';

/** The index's words, beside the site's other data files; src/search/dialog.ts loads it. */
export const SEARCH_WORDS = 'search-words.txt';
const PAGEFIND_UI = '@pagefind/default-ui';
const LAZY_UI = fileURLToPath(new URL('../search/lazy-ui.ts', import.meta.url));

/**
 * Writes the index of every record into `<dist>/pagefind/`, and the index's words, with the number of records
 * each is in, into `<dist>/search-words.txt` for the dialog's spelling (src/search/spelling.ts).
 */
export async function writeSearchIndex(dist: string, base: string): Promise<{ records: number }> {
  const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(`${dist}/kb.json`, 'utf8')));
  const records = searchRecords(kb, normaliseBase(base), repositoryData().vocabulary);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const added = await index.addHTMLFile({ url: record.url, content: record.html });
      if (added.errors.length) throw new Error(`Pagefind refused the record for ${record.url}: ${added.errors.join('; ')}`);
    }
    const output = `${dist}/pagefind`;
    // Once in a busy test run Pagefind reported success and left pagefind-entry.json empty, and every search of
    // that build failed: the index is written again when its entry file does not read back.
    for (let attempt = 1; ; attempt++) {
      rmSync(output, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      if (entryFileReads(output)) break;
      if (attempt === 2) throw new Error(`Pagefind wrote ${output}/pagefind-entry.json empty or unreadable twice: rebuild the site`);
    }
    writeFileSync(`${dist}/${SEARCH_WORDS}`, formatLexicon(searchLexicon(records)));
  } finally {
    await pagefind.close();
  }
  return { records: records.length };
}

function entryFileReads(output: string): boolean {
  try {
    return typeof JSON.parse(readFileSync(`${output}/pagefind-entry.json`, 'utf8')).version === 'string';
  } catch {
    return false;
  }
}

function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'kb-search-index',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                // Starlight's search dialog loads Pagefind's UI when the page is idle; the stand-in loads it, with
                // the query processing (src/search/dialog.ts), when the dialog is first opened.
                name: 'kb-search-on-first-open',
                enforce: 'pre',
                resolveId: (id, importer) => (id === PAGEFIND_UI && !importer?.startsWith(LAZY_UI) ? LAZY_UI : undefined),
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { records } = await writeSearchIndex(fileURLToPath(dir).replace(/\/$/, ''), base);
        logger.info(`${records} questions and glossary terms indexed in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/** Starlight without its own Pagefind run, and the site's search index in its place. */
export function withSearchIndex(starlight: AstroIntegration): AstroIntegration[] {
  const { 'astro:build:done': starlightIndex, ...hooks } = starlight.hooks;
  if (!starlightIndex) throw new Error('Starlight no longer indexes in astro:build:done: check src/integrations/search-index.ts against its Pagefind integration.');
  return [{ ...starlight, hooks }, searchIndex()];
}
