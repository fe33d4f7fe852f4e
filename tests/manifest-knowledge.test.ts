/**
 * What the manifest knows of one source (layout options, repairs, section topics) is used to read it, checked,
 * and kept out of what the site publishes.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../scripts/lib/pipeline.ts';
import { fixture, manifestSource } from './helpers/fixtures.ts';
import { realKnowledgeBase } from './helpers/kb.ts';

describe("a source's manifest knowledge", () => {
  it('is not published in kb.json, which says what each source is', () => {
    const { kb } = realKnowledgeBase();
    for (const source of kb.sources) {
      expect(Object.keys(source)).not.toContain('options');
      expect(Object.keys(source)).not.toContain('repairs');
      expect(Object.keys(source)).not.toContain('sectionTopics');
    }
    expect(kb.sources.find((s) => s.id === '200-questions')).toMatchObject({ format: 'book', doi: '10.5281/zenodo.15817649' });
  });

  it('warns, naming the manifest entry, about a section title none of its questions sits in', () => {
    const book = { ...manifestSource('200-questions'), sectionTopics: { 'Introduction to Transformers': 'transformer-architecture', 'Introduction to Transformer': 'attention' } };
    const { problems } = runPipeline([{ source: book, lines: fixture('book', 'page-header-between-chapters'), entryLine: 40 }], { base: '/' });
    expect(problems).toContainEqual({
      file: 'sources/sources.json',
      line: 40,
      message: 'source "200-questions" gives a topic to the section "Introduction to Transformer", but no question of the source is in a section of that title',
    });
  });
});
