/**
 * `llms.txt` and `llms-full.txt` at the site's root (the llmstxt.org convention documentation sites use to hand
 * their content to language models), written when Astro has built the site, from the knowledge base it
 * publishes (kb.json): llms.txt is the index (the site in a sentence, each topic with its questions, the data
 * files), llms-full.txt every entry in full: its question, "In short", the answer, the mistakes to avoid and the
 * references. Links are absolute (the site's URL and base), since the files are read away from the site.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { KnowledgeBaseSchema, type KnowledgeBase } from '../../scripts/lib/site.ts';

type Entry = KnowledgeBase['entries'][number];

/** A site-relative link in an answer ("/glossary/#lora") as an absolute one. */
const absolute = (markdown: string, origin: string) => markdown.replace(/\]\((\/[^)\s]*)\)/g, (_, path: string) => `](${origin}${path})`);

/** Where the site is: its origin (kb.json's URLs carry the base already) and its root (origin and base). */
interface Site {
  origin: string;
  root: string;
}

export function llmsIndex(kb: KnowledgeBase, { origin, root }: Site, title: string, description: string): string {
  const byTopic = kb.topics.map((topic) => {
    const entries = kb.entries.filter((e) => e.topic === topic.id);
    return [`## ${topic.title}`, '', `${topic.description}`, '', ...entries.map((e) => `- [${e.question}](${origin}${e.url})`)].join('\n');
  });
  return [
    `# ${title}`,
    '',
    `> ${description}`,
    '',
    `${kb.entries.length} questions in ${kb.topics.length} topics. Each entry has a short answer ("In short", what to say first), the full answer, the mistakes candidates make, and the sources that ask it. Everything in one file: [llms-full.txt](${root}/llms-full.txt).`,
    '',
    ...byTopic.flatMap((t) => [t, '']),
    '## Optional',
    '',
    `- [kb.json](${root}/kb.json): the whole knowledge base as JSON (entries, answers, credits, glossary, sources)`,
    `- [Glossary](${root}/glossary/): the terms the answers use, each with its definition and source`,
    `- [Sources](${root}/sources/): the documents the questions come from, with their authors and licences`,
    '',
  ].join('\n');
}

function fullEntry(entry: Entry, origin: string): string {
  const parts = [`### ${entry.question}`, '', `URL: ${origin}${entry.url}`, ''];
  if (entry.short) parts.push(`**In short:** ${absolute(entry.short, origin)}`, '');
  parts.push(entry.answer ? absolute(entry.answer, origin) : 'No source answers this question yet.', '');
  for (const mistake of entry.mistakes) parts.push(`**Common mistake:** saying ${mistake.said}. ${mistake.why}`, '');
  const refs = [...entry.mistakes.flatMap((m) => m.refs), ...entry.notes.flatMap((n) => n.refs)].filter((r, i, all) => all.findIndex((o) => o.url === r.url) === i);
  if (refs.length) parts.push('References:', '', ...refs.map((r) => `- [${r.title}](${r.url})`), '');
  return parts.join('\n');
}

export function llmsFull(kb: KnowledgeBase, { origin }: Site, title: string, description: string): string {
  return [
    `# ${title}`,
    '',
    `> ${description}`,
    '',
    ...kb.topics.flatMap((topic) => [`## ${topic.title}`, '', topic.description, '', ...kb.entries.filter((e) => e.topic === topic.id).map((e) => fullEntry(e, origin))]),
  ].join('\n');
}

export function llmsTxt(title: string, description: string): AstroIntegration {
  const site: Site = { origin: '', root: '' };
  return {
    name: 'kb-llms-txt',
    hooks: {
      'astro:config:done': ({ config }) => {
        site.origin = new URL(config.site ?? 'https://example.org').origin;
        site.root = `${site.origin}${config.base.replace(/\/+$/, '')}`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(`${dist}/kb.json`, 'utf8')));
        writeFileSync(`${dist}/llms.txt`, llmsIndex(kb, site, title, description));
        writeFileSync(`${dist}/llms-full.txt`, llmsFull(kb, site, title, description));
        logger.info(`llms.txt and llms-full.txt written (${kb.entries.length} entries)`);
      },
    },
  };
}
