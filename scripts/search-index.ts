/**
 * Runs after `astro build`: rebuilds the Pagefind index so that every question is its own search result.
 *
 * Starlight's Pagefind index has one record per page and its search shows at most three sub-results per page,
 * so on a topic page with forty questions most would never show. Topic pages are therefore left out of the
 * page index (`pagefind: false`) and each entry is added as a custom record whose URL is its anchor on its
 * topic page, whose text is every wording it was asked in and its answer, and whose filters are its topic and
 * the sources that ask it. Glossary terms get a record each the same way; the remaining pages (sources) are
 * indexed from their HTML as usual.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { normaliseBase } from './lib/pipeline.ts';
import { plainText } from './lib/render/pages.ts';
import { KnowledgeBaseSchema } from './lib/schema.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

export async function buildSearchIndex(dist: string): Promise<{ records: number; pages: number }> {
  const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')));
  const base = normaliseBase(process.env.BASE_PATH);
  const sourceName = new Map(kb.sources.map((s) => [s.id, s.shortTitle ?? s.title]));
  const topicTitle = new Map(kb.topics.map((t) => [t.id, t.title]));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const pages = await index.addDirectory({ path: dist });
  for (const entry of kb.entries) {
    const wordings = [...new Set(entry.variants.map((v) => v.question))].filter((q) => q !== entry.question);
    const answer = entry.answer ? plainText(entry.answer) : 'No source answers this question yet.';
    const { errors: recordErrors } = await index.addCustomRecord({
      // Pagefind puts the site's base in front of result URLs itself.
      url: `/${entry.url.slice(base.length)}`,
      content: [entry.question, ...wordings, answer].join('\n'),
      language: 'en',
      meta: { title: plainText(entry.question).replace(/[.;]$/, ''), topic: topicTitle.get(entry.topic)! },
      filters: { topic: [topicTitle.get(entry.topic)!], source: entry.sources.map((id) => sourceName.get(id)!) },
    });
    if (recordErrors.length) throw new Error(`Pagefind refused the record for ${entry.id}: ${recordErrors.join('; ')}`);
  }
  // Glossary terms are records of their own too, so one long glossary page does not outrank every question.
  for (const term of kb.glossary) {
    await index.addCustomRecord({
      url: `/${term.url.slice(base.length)}`,
      content: `${term.term}\n${plainText(term.definition)}`,
      language: 'en',
      meta: { title: `${term.term} (glossary)` },
      filters: { topic: ['Glossary'] },
    });
  }
  const output = join(dist, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return { records: kb.entries.length + kb.glossary.length, pages: pages.page_count };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(ROOT, process.env.OUT_DIR ?? 'dist');
  if (!existsSync(join(dist, 'kb.json'))) {
    console.error(`search index: ${dist}/kb.json is missing: run \`npm run build\`, which builds the site first.`);
    process.exit(1);
  }
  const { records, pages } = await buildSearchIndex(dist);
  console.log(`search index: ${records} questions and glossary terms, and ${pages} pages, indexed in ${join(dist, 'pagefind')}`);
}
