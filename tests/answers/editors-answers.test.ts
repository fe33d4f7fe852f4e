/**
 * The editors' merged answers (sources/answers.json): one stands for the automatic merge of its entry while the
 * entry keeps the answers it was written from (a newcomer's further points follow it), credits each point to
 * sources that answer the entry, and
 * leaves no answering source uncredited. A correction of such an entry must reach the editors' answer.
 */
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../scripts/lib/answer/plain.ts';
import { parseUntrusted } from '../../scripts/lib/markdown/untrusted.ts';
import { names, normaliseMath } from '../../scripts/lib/answer/senses.ts';
import { applyEditorsAnswers } from '../../scripts/lib/editors-answers.ts';
import { applyEditorial, plain } from '../../scripts/lib/editorial.ts';
import type { Entry } from '../../scripts/lib/entries.ts';
import { IngestError } from '../../scripts/lib/errors.ts';
import type { Located, Variant } from '../../scripts/lib/model.ts';
import { readCorrections, readEditorsAnswers } from '../../scripts/lib/read-sources.ts';
import type { Correction, EditorsAnswer } from '../../scripts/lib/schema.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { realKnowledgeBase } from '../helpers/kb.ts';

// Cut from the sources: Flashcards line 29 and the book's line 260 ask why Transformers parallelize.
const flashcards: Variant = {
  source: 'flashcards',
  line: 29,
  question: 'How do Transformers achieve parallelization?',
  answer: '- Self-attention computes relationships between all tokens simultaneously\n- Unlike RNNs, no sequential recurrence → GPU/TPU friendly\n- Batch computations are straightforward',
};
const book: Variant = {
  source: '200-questions',
  line: 260,
  question: 'Why are transformers more parallelizable than RNNs?',
  answer:
    'RNNs require sequential processing, where each token depends on the previous one. In contrast, transformers use self-attention to relate all tokens simultaneously, enabling parallel computation across entire sequences, which significantly reduces training time.',
};
const newcomer: Variant = { source: 'part-6', line: 12, question: 'Why can Transformers be trained in parallel?', answer: 'No recurrence.' };

const AUTOMATIC = '- RNNs require sequential processing … *(200 Questions (book))*';
const entry = (variants: Variant[]): Entry => ({
  id: 'how-do-transformers-achieve-parallelization',
  question: book.question,
  topic: 'architecture',
  variants,
  subject: [],
  mentions: [],
  answer: AUTOMATIC,
  sources: [...new Set(variants.map((v) => v.source))],
  related: [],
  terms: [],
  notes: [],
});

const editors = (item: Partial<EditorsAnswer> = {}): Located<EditorsAnswer> => ({
  file: 'sources/answers.json',
  index: 0,
  line: 4,
  item: {
    question: { source: '200-questions', question: 'Why are transformers more parallelizable' },
    writtenFrom: [
      { source: 'flashcards', line: 29 },
      { source: '200-questions', line: 260 },
    ],
    reason: 'The automatic merge states the RNN baseline twice.',
    points: [
      { text: 'RNNs process tokens one after another: each token depends on the previous one.', from: ['200-questions', 'flashcards'] },
      { text: 'Self-attention relates all tokens simultaneously, so whole sequences and batches are computed in parallel on GPUs/TPUs.', from: ['flashcards', '200-questions'] },
    ],
    ...item,
  },
});
const NAMES: Record<string, string> = { 'part-6': 'Part 6', flashcards: 'Flashcards', '200-questions': '200 Questions (book)' };
const ORDER = ['part-6', 'flashcards', '200-questions'];
const apply = (entries: Entry[], answers: Located<EditorsAnswer>[]) => applyEditorsAnswers(entries, answers, ORDER, (id) => NAMES[id]!);

describe("the editors' merged answers", () => {
  it('stand for the automatic merge, each point a bullet credited in manifest order', () => {
    const { entries, problems } = apply([entry([flashcards, book])], [editors()]);
    expect(problems).toEqual([]);
    expect(entries[0]!.editorsAnswer).toBe(true);
    expect(entries[0]!.answer).toBe(
      [
        '- RNNs process tokens one after another: each token depends on the previous one. *(Flashcards, 200 Questions (book))*',
        '- Self-attention relates all tokens simultaneously, so whole sequences and batches are computed in parallel on GPUs/TPUs. *(Flashcards, 200 Questions (book))*',
      ].join('\n'),
    );
  });

  it('group the points of a long answer under their section headings', () => {
    const { points } = editors().item;
    const { entries } = apply([entry([flashcards, book])], [editors({ points: [{ ...points[0]!, section: 'The problem' }, { ...points[1]!, section: 'How it works' }] })]);
    expect(entries[0]!.answer).toMatch(/^\*\*The problem\*\*\n\n- RNNs process .*\n\n\*\*How it works\*\*\n\n- Self-attention relates /s);
  });

  it("stay once a new source answers the entry, the newcomer's other points after them under a heading, with a warning", () => {
    const teacherForcing = { ...newcomer, answer: 'During training, teacher forcing gives the decoder every target token at once, so all positions are predicted in one pass.' };
    const { entries, problems } = apply([entry([teacherForcing, flashcards, book])], [editors()]);
    expect(entries[0]!.editorsAnswer).toBe(true);
    expect(entries[0]!.answer).toBe(
      [
        '- RNNs process tokens one after another: each token depends on the previous one. *(Flashcards, 200 Questions (book))*',
        '- Self-attention relates all tokens simultaneously, so whole sequences and batches are computed in parallel on GPUs/TPUs. *(Flashcards, 200 Questions (book))*',
        '',
        '**Further points from Part 6, not yet reviewed by the editors**',
        '',
        '- During training, teacher forcing gives the decoder every target token at once, so all positions are predicted in one pass. *(Part 6)*',
      ].join('\n'),
    );
    // The page says how many answers the editors have not reviewed yet.
    expect(entries[0]!.awaitingEditors).toEqual(['part-6:12']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('sources/answers.json');
    expect(problems[0]!.line).toBe(4);
    expect(problems[0]!.message).toContain('part-6:12');
  });

  it('credit a new source on the point of theirs it makes again, and add nothing for it', () => {
    const restating = { ...newcomer, answer: 'Self-attention relates all tokens simultaneously, so whole sequences are computed in parallel on GPUs.' };
    const { entries } = apply([entry([restating, flashcards, book])], [editors()]);
    expect(entries[0]!.answer).toBe(
      [
        '- RNNs process tokens one after another: each token depends on the previous one. *(Flashcards, 200 Questions (book))*',
        '- Self-attention relates all tokens simultaneously, so whole sequences and batches are computed in parallel on GPUs/TPUs. *(Part 6, Flashcards, 200 Questions (book))*',
      ].join('\n'),
    );
  });

  it('give way to the automatic merge, with a warning, once an answer they were written from leaves the entry', () => {
    const { entries, problems } = apply([entry([book])], [editors()]);
    expect(entries[0]!.answer).toBe(AUTOMATIC);
    expect(entries[0]!.editorsAnswer).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('flashcards:29');
  });

  it('stop the ingest when a point is credited to a source that does not answer the entry', () => {
    const wrong = editors({ points: [{ text: 'No recurrence.', from: ['part-6', 'flashcards', '200-questions'] }] });
    expect(() => apply([entry([flashcards, book])], [wrong])).toThrow(IngestError);
    expect(() => apply([entry([flashcards, book])], [wrong])).toThrow(/credited to "part-6"/);
  });

  it('stop the ingest when a source that answers the entry is credited with nothing', () => {
    const partial = editors({ points: [{ text: 'RNNs require sequential processing.', from: ['200-questions'] }] });
    expect(() => apply([entry([flashcards, book])], [partial])).toThrow(/no point is credited to "flashcards"/);
  });

  it('render source text as text: a tag in a point is escaped, not emitted', () => {
    const hostile = editors({ points: [{ text: 'Attention <script>alert(1)</script> relates tokens.', from: ['flashcards', '200-questions'] }] });
    const { entries } = apply([entry([flashcards, book])], [hostile]);
    expect(entries[0]!.answer).toContain('Attention \\<script>alert(1)\\</script> relates tokens.');
  });
});

describe('a correction of an entry the editors answered', () => {
  const correction: Located<Correction> = {
    file: 'sources/corrections.json',
    index: 0,
    line: 7,
    item: {
      source: '200-questions',
      line: 260,
      kind: 'correction',
      quote: 'which significantly reduces training time',
      problem: 'A stand-in problem for the test: the claim needs qualifying.',
      correction: 'The right statement.',
      refs: [{ title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' }],
    },
  };
  const edit = (entries: Entry[]) => applyEditorial(entries, [correction], [], (id) => NAMES[id]!);

  it('stops the ingest when the editors’ answer credits no point to a correction', () => {
    const { entries } = apply([entry([flashcards, book])], [editors()]);
    expect(() => edit(entries)).toThrow(/credits no point to "correction"/);
  });

  it('says beside the answer what the source got wrong, without repeating the right statement the answer holds', () => {
    const points = [...editors().item.points, { text: 'The right statement.', from: ['correction'] }];
    const { entries } = apply([entry([flashcards, book])], [editors({ points })]);
    const [edited] = edit(entries);
    expect(edited!.answer).toContain("The right statement. *(Editors' correction)*");
    expect(edited!.notes).toHaveLength(1);
    expect(edited!.notes[0]!.text).toContain('says “which significantly reduces training time”');
    expect(edited!.notes[0]!.text).not.toContain('The right statement.');
  });
});

/** Each paragraph of Markdown as plain text, without its bold label ("**Usage:**"): where a capitalised word inside a sentence is a name. */
function paragraphs(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph') {
      const start = node.children[0]?.type === 'strong' ? 1 : 0;
      out.push(plainText(node.children.slice(start)));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseUntrusted(markdown));
  return out;
}

describe("the editors' answers on the site", () => {
  const { kb, problems } = realKnowledgeBase();
  const written = readEditorsAnswers(ROOT);
  const edited = kb.entries.filter((e) => e.editorsAnswer);
  /** What the editors corrected in the entry: the text (Markdown) of its sources' answers a correction quotes. */
  const corrections = readCorrections(ROOT);
  const correctedIn = (entryId: string) =>
    kb.entries
      .find((e) => e.id === entryId)!
      .variants.flatMap((v) => corrections.flatMap(({ item }) => [item, ...(item.also ?? [])].filter((c) => c.source === v.source && (c.line === undefined || c.line === v.line)).map((c) => c.quote)));

  it('all stand: each is written from the answers its entry has now', () => {
    expect(problems.filter((p) => p.file === 'sources/answers.json')).toEqual([]);
    expect(edited).toHaveLength(written.length);
  });

  it("keep every name, number and formula of every original, unless a correction replaced the sentence it was in", () => {
    const missing: string[] = [];
    for (const entry of edited) {
      const answer = plain(entry.answer!).toLowerCase();
      const quotes = correctedIn(entry.id);
      const corrected = quotes.map((q) => plain(q)).join(' ').toLowerCase();
      const correctedMath = quotes.flatMap((q) => [...q.matchAll(/\$\$?([^$]+)\$\$?/g)].map((m) => normaliseMath(m[1]!)));
      for (const v of entry.variants.filter((x) => x.answer)) {
        const text = plain(v.answer!);
        const facts = [
          ...paragraphs(v.answer!).flatMap((p) => names(p.replace(/\$[^$]*\$/g, ' '))),
          ...[...text.replace(/\$[^$]*\$/g, ' ').matchAll(/(?<![\w.])\d+(?:\.\d+)?%?/g)].map((m) => m[0]),
          ...[...v.answer!.matchAll(/\$\$?([^$]+)\$\$?/g)].map((m) => normaliseMath(m[1]!)),
        ];
        const mergedMath = [...entry.answer!.matchAll(/\$\$?([^$]+)\$\$?/g)].map((m) => normaliseMath(m[1]!));
        for (const fact of facts) {
          const kept = answer.includes(fact.toLowerCase()) || mergedMath.includes(fact);
          if (!kept && !corrected.includes(fact.toLowerCase()) && !correctedMath.includes(fact)) missing.push(`${entry.id} [${v.source}:${v.line}] ${fact}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
