/**
 * llms.txt and llms-full.txt at the site's root (llmstxt.org): the knowledge base handed to language models,
 * with absolute links under the site's base.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { KnowledgeBaseSchema } from '../../scripts/lib/read/schema.ts';

const dist = inject('dist');
const base = inject('base');
const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')));
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

describe('llms.txt', () => {
  it('opens with the site title and a one-line summary, then lists every question under its topic', () => {
    const index = read('llms.txt');
    expect(index).toMatch(/^# Transformer & LLM Interview Questions\n\n> \S/);
    for (const topic of kb.topics) expect(index).toContain(`\n## ${topic.title}\n`);
    for (const entry of kb.entries) expect(index).toContain(`- [${entry.question}](https://example.org${entry.url})`);
  });

  it('links the full file and the data with absolute URLs under the base', () => {
    const index = read('llms.txt');
    expect(index).toContain(`(https://example.org${base}llms-full.txt)`);
    expect(index).toContain(`(https://example.org${base}kb.json)`);
  });
});

describe('llms-full.txt', () => {
  const full = read('llms-full.txt');

  it('holds every entry: its question, "In short" and its answer without citation marks', () => {
    for (const entry of kb.entries) {
      expect(full).toContain(`### ${entry.question}\n`);
      if (entry.short) expect(full).toContain(`**In short:** ${entry.short.slice(0, 40)}`);
    }
    expect(full).not.toMatch(/\[\^[\w-]+\]/);
  });

  it('writes the answers\' links to the site as absolute URLs', () => {
    expect(full).toMatch(new RegExp(`\\]\\(https://example\\.org${base}glossary/#`));
    expect(full).not.toMatch(/\]\(\/(?!\/)/);
  });
});
