import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { readManifest, readSources } from '../../scripts/lib/index.ts';
import type { EntryFile } from '../../scripts/lib/read/entry-files.ts';
import { EntryFileSchema } from '../../scripts/lib/read/schema.ts';
import { decisions } from '../helpers/entry-files.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { automaticKnowledgeBase } from '../helpers/kb.ts';

const texts = readSources(ROOT, readManifest(ROOT));
// The automatic grouping, shared by the unit tests: the decisions below are applied to its ids.
const automatic = automaticKnowledgeBase();
const run = (entryFiles: EntryFile[]) => runPipeline(texts, { base: '/', entryFiles, idMap: automatic.idMap });
const entryOf = (kb: ReturnType<typeof run>['kb'], name: string) => kb.entries.find((e) => e.variants.some((v) => `${v.source}:${v.line}` === name))!;

describe("the editors' grouping decisions in entry files", () => {
  it('put the questions a "holds" names into one entry', () => {
    expect(entryOf(automatic.kb, 'flashcards:8').id).not.toBe(entryOf(automatic.kb, 'part-6:92').id);
    const id = entryOf(automatic.kb, 'flashcards:8').id;
    const { kb } = run([decisions(id, { holds: [{ questions: ['flashcards:8', 'part-6:92'], reason: 'test: the same question' }] })]);
    expect(entryOf(kb, 'flashcards:8').id).toBe(entryOf(kb, 'part-6:92').id);
  });

  it('take a question out of its entry when "holds" names it alone', () => {
    expect(entryOf(automatic.kb, 'llm-qa:87').variants.length).toBeGreaterThan(1);
    const { kb } = run([decisions('what-is-bert', { holds: [{ questions: ['llm-qa:87'], reason: 'test: asks something else' }] })]);
    expect(entryOf(kb, 'llm-qa:87').variants).toHaveLength(1);
  });

  it('set the heading and the topic of the entry the file is named after', () => {
    const id = entryOf(automatic.kb, 'llm-qa:87').id;
    const { kb } = run([decisions(id, { heading: { question: 'llm-qa:87', reason: 'test: clearest wording' }, topic: { id: 'language-models', reason: 'test: belongs elsewhere' } })]);
    const entry = entryOf(kb, 'llm-qa:87');
    expect(entry.question).toBe('What is BERT?');
    expect(entry.topic).toBe('language-models');
  });

  it("set a heading worded by the editors, keeping every source wording as a variant", () => {
    const before = entryOf(automatic.kb, 'llm-qa:91');
    const { kb } = run([decisions(before.id, { heading: { text: 'How is BERT bidirectional?', reason: 'test: the source wording is ungrammatical' } })]);
    const entry = entryOf(kb, 'llm-qa:91');
    expect(entry.question).toBe('How is BERT bidirectional?');
    expect(entry.editorsWording).toBe(true);
    expect(entry.variants.map((v) => v.question)).toEqual(before.variants.map((v) => v.question));
  });

  it('stop the ingest, naming the file and line, when a question name matches no question', () => {
    expect(() => run([decisions('what-is-bert', { holds: [{ questions: ['llm-qa:86'], reason: 'test: nothing starts there' }] })])).toThrow(
      expect.objectContaining({ message: expect.stringContaining("1 problem in the editors' files") }),
    );
  });

  it('take a reason for every decision, and a heading text only if it is a question', () => {
    const reason = 'a sentence of reason';
    expect(EntryFileSchema.safeParse({ holds: Array.from({ length: 40 }, () => ({ questions: ['x:1'], reason })) }).success).toBe(true);
    expect(EntryFileSchema.safeParse({ holds: [{ questions: ['x:1'], reason: '' }] }).success).toBe(false);
    expect(EntryFileSchema.safeParse({ heading: { text: 'What is a thing, exactly?', reason } }).success).toBe(true);
    expect(EntryFileSchema.safeParse({ heading: { text: 'A thing.', reason } }).success).toBe(false);
    expect(EntryFileSchema.safeParse({ holds: [{ questions: ['What is a thing?'], reason }] }).success).toBe(false);
  });
});
