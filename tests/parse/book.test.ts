import { describe, expect, it } from 'vitest';
import { parseBook, splitGlossaryItem } from '../../scripts/lib/parse/book.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, ROOT, testSource } from '../helpers/fixtures.ts';

const source = testSource('book');

describe('book layout', () => {
  it('skips the title page, preface and contents', () => {
    const result = parseBook(fixture('book', 'front-matter-and-first-questions'), source);
    expect(result.questions[0]!.question).toBe('What is a neural network in the context of artificial intelligence?');
    expect(result.questions[0]!.section).toBe('Foundations of Deep Learning and Neural Networks');
    expect(result.removed['front matter (title page, preface, contents)']).toBeGreaterThan(20);
  });

  it('drops the garbled running header between pages and starts the next chapter', () => {
    const result = parseBook(fixture('book', 'page-header-between-chapters'), source);
    const q20 = result.questions.find((q) => q.question.startsWith('Why are deep learning models'))!;
    const text = q20.answer!.map((l) => l.text).join(' ');
    expect(text).not.toMatch(/Found\tdations|Oun|Introduction to Transformers/);
    const next = result.questions.find((q) => q.question === 'What is the transformer architecture?')!;
    expect(next.section).toBe('Introduction to Transformers');
    expect(result.removed['running page header']).toBe(2);
  });

  it('joins a question broken across lines by a hyphen', () => {
    const { questions } = parseBook(fixture('book', 'hyphenated-and-run-together'), source);
    expect(questions.map((q) => q.question)).toContain('What is multitask learning and how does it relate to transfer learn-\ning?');
  });

  it('splits a question and its answer run together on one line', () => {
    const { questions } = parseBook(fixture('book', 'hyphenated-and-run-together'), source);
    const ner = questions.find((q) => q.question.startsWith('How do transformers perform Named Entity'))!;
    expect(ner.question).toBe('How do transformers perform Named Entity Recognition (NER)?');
    expect(ner.answer![0]!.text).toMatch(/^In NER, each token/);
  });

  it('reads the glossary, with or without bold terms, and the references', () => {
    const result = parseBook(fixture('book', 'glossary-and-references'), source);
    expect(result.questions).toHaveLength(2);
    expect(result.terms).toHaveLength(29);
    expect(result.terms.find((t) => t.term === 'Adapter Modules')!.definition).toMatch(/^Lightweight trainable layers/);
    expect(result.references).toHaveLength(18);
    expect(result.references.some((r) => r.includes('arXiv:1910.01108'))).toBe(true);
  });

  it('splits a glossary item whose term is not bold at the start of its definition', () => {
    expect(splitGlossaryItem('BERT (Bidirectional Encoder Representations from Transformers) A transformer-based language model')).toEqual({
      term: 'BERT (Bidirectional Encoder Representations from Transformers)',
      definition: 'A transformer-based language model',
    });
    expect(splitGlossaryItem('Catastrophic Forgetting The tendency of a model')).toEqual({ term: 'Catastrophic Forgetting', definition: 'The tendency of a model' });
  });
});

describe('lines no layout rule places', () => {
  it('lists a line between a chapter title and its first question as a warning with its file and line', () => {
    const lines = readFileSync(join(ROOT, 'sources/003_fb125af96fd913b5.txt'), 'utf8').split('\n');
    const at = lines.indexOf('Introduction to Transformers') + 1;
    lines.splice(at, 0, 'A stray sentence the book never meant as an answer.');
    const result = parseBook(lines, source);
    expect(result.problems).toEqual([
      { file: source.file, line: at + 1, message: expect.stringContaining('A stray sentence the book never meant as an answer.') },
    ]);
    expect(result.removed['not placed (listed as warnings)']).toBe(1);
    expect(result.questions.map((q) => q.answer?.map((l) => l.text).join(' ') ?? '').join(' ')).not.toContain('A stray sentence');
  });
});
