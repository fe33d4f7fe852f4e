import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { readManifest, readSources } from '../../scripts/lib/read-sources.ts';
import { type Curation, CurationSchema } from '../../scripts/lib/schema.ts';
import { ROOT } from '../helpers/fixtures.ts';

const texts = readSources(ROOT, readManifest(ROOT));
const run = (curations: Curation[]) => runPipeline(texts, { base: '/', curations });
const entryOf = (kb: ReturnType<typeof run>['kb'], source: string, start: string) =>
  kb.entries.find((e) => e.variants.some((v) => v.source === source && v.question.startsWith(start)))!;

describe('curation', () => {
  it('merges the questions a merge names into one entry', () => {
    const { kb } = run([
      { action: 'merge', reason: 'test: same question', questions: [{ source: 'flashcards', question: 'Why were Transformers introduced?' }, { source: 'part-6', question: 'What issues in RNNs are addressed' }] },
    ]);
    expect(entryOf(kb, 'flashcards', 'Why were Transformers introduced?').id).toBe(entryOf(kb, 'part-6', 'What issues in RNNs').id);
  });

  it('splits a question out of its entry', () => {
    const before = run([]).kb;
    expect(entryOf(before, 'llm-qa', 'What is BERT?').variants.length).toBeGreaterThan(1);
    const { kb } = run([{ action: 'split', reason: 'test: asks something else', question: { source: 'llm-qa', question: 'What is BERT?' } }]);
    expect(entryOf(kb, 'llm-qa', 'What is BERT?').variants).toHaveLength(1);
  });

  it('sets the heading wording and the topic of an entry', () => {
    const { kb } = run([
      { action: 'wording', reason: 'test: clearest wording', question: { source: 'llm-qa', question: 'What is BERT?' } },
      { action: 'topic', reason: 'test: belongs elsewhere', question: { source: 'llm-qa', question: 'What is BERT?' }, topic: 'language-models' },
    ]);
    const entry = entryOf(kb, 'llm-qa', 'What is BERT?');
    expect(entry.question).toBe('What is BERT?');
    expect(entry.topic).toBe('language-models');
  });

  it('reports a curation that names no question instead of failing', () => {
    const { problems } = run([{ action: 'split', reason: 'test: nothing matches', question: { source: 'llm-qa', question: 'A question nobody asked' } }]);
    expect(problems).toEqual([{ file: 'sources/curation.json', line: 1, message: expect.stringContaining('which no question starts with') }]);
  });

  it('sets a heading worded by the editors, keeping every source wording as a variant', () => {
    const before = entryOf(run([]).kb, 'llm-qa', 'How BERT is bi-directional?');
    const { kb } = run([{ action: 'wording', reason: 'test: the source wording is ungrammatical', question: { source: 'llm-qa', question: 'How BERT is bi-directional?' }, text: 'How is BERT bidirectional?' }]);
    const entry = entryOf(kb, 'llm-qa', 'How BERT is bi-directional?');
    expect(entry.question).toBe('How is BERT bidirectional?');
    expect(entry.editorsWording).toBe(true);
    expect(entry.variants.map((v) => v.question)).toEqual(before.variants.map((v) => v.question));
  });

  it('takes any number of curations, each with a reason, and a heading text only if it is a question', () => {
    const split = { action: 'split', reason: 'a sentence of reason', question: { source: 'x', question: 'What is a thing?' } };
    expect(CurationSchema.safeParse({ curations: Array.from({ length: 40 }, () => split) }).success).toBe(true);
    expect(CurationSchema.safeParse({ curations: [{ ...split, reason: '' }] }).success).toBe(false);
    const wording = { action: 'wording', reason: 'a sentence of reason', question: { source: 'x', question: 'What is a thing?' } };
    expect(CurationSchema.safeParse({ curations: [{ ...wording, text: 'What is a thing, exactly?' }] }).success).toBe(true);
    expect(CurationSchema.safeParse({ curations: [{ ...wording, text: 'A thing.' }] }).success).toBe(false);
  });
});
