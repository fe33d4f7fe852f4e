/**
 * The editors' corrections and notes: a corrected claim never stays in an answer as fact, the correction takes
 * its place credited to the editors, the originals stay as the sources wrote them, and a correction whose quote
 * is not in its question's answer stops the ingest.
 */
import { describe, expect, it } from 'vitest';
import { applyEditorial, correctAnswer, plain } from '../scripts/lib/editorial.ts';
import { IngestError } from '../scripts/lib/errors.ts';
import { readCorrections } from '../scripts/lib/read-sources.ts';
import type { Correction } from '../scripts/lib/schema.ts';
import { ROOT } from './helpers/fixtures.ts';
import { realKnowledgeBase, withoutEditorsAnswers } from './helpers/kb.ts';

const fix = (answer: string, quote: string, text = 'The right statement.') => correctAnswer(answer, [{ quote, claim: quote, text }]).answer;

describe('correcting a merged answer', () => {
  it('replaces the sentence that makes the claim, and keeps the others', () => {
    const answer = 'Warm-up starts with a low rate. It prevents explosions when weights are uninitialized, which helps. Then training goes on.';
    expect(fix(answer, 'when weights are uninitialized')).toBe(
      "Warm-up starts with a low rate. The right statement. *(Editors' correction)* Then training goes on.",
    );
  });

  it('replaces a point of a list, keeping its label, and moves the sources’ credit to what they said', () => {
    const answer = [
      '- **Parallelization:** Models are slow. Transformers speed up both training and inference. *(Part 6, Flashcards)*',
      '- Another point. *(Part 6)*',
    ].join('\n');
    expect(fix(answer, 'speeding up both training and inference'.replace('speeding', 'speed'))).toBe(
      "- **Parallelization:** Models are slow. *(Part 6, Flashcards)* The right statement. *(Editors' correction)*\n- Another point. *(Part 6)*",
    );
    expect(fix(answer, 'Another point.')).toBe(
      "- **Parallelization:** Models are slow. Transformers speed up both training and inference. *(Part 6, Flashcards)*\n- The right statement. *(Editors' correction)*",
    );
  });

  it('drops the rest of a claim the merge cut into two points', () => {
    const answer = '- LoRA adds parameters without increasing its size. *(Post)*\n- By doing so, it keeps the parameter count. *(Post)*\n- It is low-rank. *(Post)*';
    expect(fix(answer, 'without increasing its size. By doing so, it keeps the parameter count.')).toBe(
      "- The right statement. *(Editors' correction)*\n- It is low-rank. *(Post)*",
    );
  });

  it('drops the credit of the sentence it replaces, and keeps the credits of the sentences after it', () => {
    // Cut from the merged layer-normalization answer (LLM Q&A line 110, then the book line 228).
    const answer =
      '- Layer normalization is applied after each sub-layer, normalizing the activations. *(LLM Q\\&A, 200 Questions (book))* It ensures consistent signal propagation through the layers. *(200 Questions (book))*';
    expect(fix(answer, 'Layer normalization is applied after each sub-layer')).toBe(
      "- The right statement. *(Editors' correction)* It ensures consistent signal propagation through the layers. *(200 Questions (book))*",
    );
  });

  it('takes in the bullets the correction says again, crediting their sources with it', () => {
    const answer = ['- Helps avoid issues with exploding gradients. *(Part 6)*', '- Without scaling, the dot products become large. *(200 Questions (book))*', '- Traditional attention does not scale. *(Part 6)*'].join('\n');
    // A stand-in for the merge's test of restatement: the book's bullet is the correction said again.
    const restates = (point: string) => point.startsWith('Without scaling');
    const { answer: fixed } = correctAnswer(answer, [{ quote: 'Helps avoid issues with exploding gradients', claim: '', text: 'Helps avoid vanishing gradients: without scaling the dot products become large.' }], restates);
    expect(fixed).toBe(
      "- Helps avoid vanishing gradients: without scaling the dot products become large. *(Editors' correction; also 200 Questions (book))*\n- Traditional attention does not scale. *(Part 6)*",
    );
  });

  it('replaces a label with the block it labels', () => {
    const answer = '**Sparse:**\n\n- Cross-entropy.\n\n**Dense (MSE):**\n\n- Continuous values.';
    expect(fix(answer, '**Dense (MSE):**')).toBe("**Sparse:**\n\n- Cross-entropy.\n\nThe right statement. *(Editors' correction)*");
  });

  it('finds the claim in the wording the merge kept from another source', () => {
    const answer = '- Sinusoidal encodings let the model generalise to sequences longer than seen in training. *(Book, Part 6)*';
    const { answer: fixed, placed } = correctAnswer(answer, [
      { quote: 'allow generalisation to longer sequences', claim: 'Sinusoidal encodings allow the model to generalise to sequences longer than those seen in training.', text: 'They do not.' },
    ]);
    expect(placed).toEqual([true]);
    expect(fixed).toBe("- They do not. *(Editors' correction)*");
  });

  it('says both corrections once where two of them fall in one sentence', () => {
    const answer = 'GPT-4 has 25,000 tokens, while GPT-3 has 4,096 tokens. It is multimodal.';
    const { answer: fixed } = correctAnswer(answer, [
      { quote: '25,000 tokens', claim: '', text: 'First.' },
      { quote: 'GPT-3 has 4,096 tokens', claim: '', text: 'Second.' },
    ]);
    expect(fixed).toBe("First. Second. *(Editors' correction)* It is multimodal.");
  });

  it('says a claim two answers make once, where the first of them makes it, and drops the other wording', () => {
    // Cut from LLM Q&A lines 27 and 35 (sliding window attention), as two points of a merged answer.
    const answer = [
      '- By limiting the attention scope to a local window, sliding window attention retains global context by iteratively shifting the window across the sequence. *(LLM Q&A)*',
      '- It restricts attention to a fixed-size window. *(LLM Q&A)*',
      '- Sliding window attention retains global context by iteratively attending to different parts of the input sequence using a fixed-size window. *(LLM Q&A)*',
    ].join('\n');
    const { answer: fixed, placed } = correctAnswer(answer, [
      {
        quote: 'sliding window attention retains global context by iteratively shifting the window across the sequence',
        claim: '',
        text: 'One layer sees only its window.',
        also: [{ quote: 'Sliding window attention retains global context by iteratively attending to different parts of the input sequence using a fixed-size window', claim: '' }],
      },
    ]);
    expect(placed).toEqual([true]);
    expect(fixed).toBe("- One layer sees only its window. *(Editors' correction)*\n- It restricts attention to a fixed-size window. *(LLM Q\\&A)*");
  });

  it('keeps a credit that names a source with parentheses ("200 Questions (book)") with what the sources said', () => {
    const answer = '- **Scalability:** Models are slower to scale. Transformers scale better for long sequences. *(Part 6, 200 Questions (book))*';
    expect(fix(answer, 'Transformers scale better for long sequences')).toBe(
      "- **Scalability:** Models are slower to scale. *(Part 6, 200 Questions (book))* The right statement. *(Editors' correction)*",
    );
  });
});

describe('the corrections of the real sources', () => {
  const { kb, pages } = realKnowledgeBase();
  const corrections = readCorrections(ROOT).map((c) => c.item);
  const entryOf = (c: Correction) => kb.entries.find((e) => e.variants.some((v) => v.source === c.source && v.line === c.line))!;

  it('never leaves a corrected claim in an answer as fact, and shows the right statement credited to the editors', () => {
    for (const c of corrections.filter((c) => c.kind === 'correction')) {
      const entry = entryOf(c);
      for (const said of [c, ...(c.also ?? [])]) expect(plain(entry.answer!), `${said.source}:${said.line}`).not.toContain(plain(said.quote));
      // In the answer where the claim was; in the note when the merged answer no longer makes the claim at all.
      // An editors' answer credits the correction beside the sources whose other facts the point carries.
      const shown = /\*\([^*]*\bEditors' correction\b[^*]*\)\*/.test(entry.answer!) || entry.notes.some((n) => plain(n.text).includes(plain(c.correction)));
      expect(shown, `${c.source}:${c.line}`).toBe(true);
    }
  });

  it('keeps the original answers as the sources wrote them', () => {
    for (const c of corrections) {
      for (const said of [c, ...(c.also ?? [])]) {
        const variant = entryOf(c).variants.find((v) => v.source === said.source && v.line === said.line)!;
        expect(plain(variant.answer!), `${said.source}:${said.line}`).toContain(plain(said.quote));
      }
    }
  });

  it('corrects a claim three answers make in one note that quotes each of them, and one statement in the answer', () => {
    // LLM Q&A lines 27, 31 and 35 each say that sliding the window "retains global context".
    const entry = kb.entries.find((e) => e.variants.some((v) => v.source === 'llm-qa' && v.line === 27))!;
    const notes = entry.notes.filter((n) => n.kind === 'correction');
    expect(notes).toHaveLength(1);
    for (const line of [27, 31, 35]) expect(notes[0]!.text).toContain(`line ${line}, says`);
    // The automatic merge says the right statement once (on the site, the editors' answer words it themselves).
    const merged = withoutEditorsAnswers().kb.entries.find((e) => e.id === entry.id)!;
    expect(merged.answer!.match(/\*\(Editors' correction\)\*/g)).toHaveLength(1);
  });

  it('never has two notes on one entry that correct the same claim', () => {
    // Two corrections restate each other when the claims they quote share most of their words and what is wrong is
    // said in some of the same words, or the claims share half and the explanations of what is wrong share half too.
    // (A short claim shares its few words with any claim on its subject: "sparse attention … long sequences" is
    // said of its cost by one source and of Reformer by another, and the two problems share almost nothing.)
    const words = (markdown: string) => new Set(plain(markdown).toLowerCase().replace(/\$[^$]*\$/g, ' ').split(/[^a-z0-9]+/).filter((w) => w.length > 3));
    const share = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length / Math.max(1, Math.min(a.size, b.size));
    const byEntry = new Map<string, Correction[]>();
    for (const c of corrections.filter((c) => c.kind === 'correction')) byEntry.set(entryOf(c).id, [...(byEntry.get(entryOf(c).id) ?? []), c]);
    const restating: string[] = [];
    for (const [id, list] of byEntry) {
      list.forEach((a, i) =>
        list.slice(i + 1).forEach((b) => {
          const claims = share(words(a.quote), words(b.quote));
          const problems = share(words(a.problem!), words(b.problem!));
          if ((claims >= 0.6 && problems >= 0.2) || (claims >= 0.5 && problems >= 0.5)) restating.push(`${id}: ${a.source}:${a.line} and ${b.source}:${b.line}`);
        }),
      );
    }
    expect(restating).toEqual([]);
  });

  it('stops the ingest when a correction lists, as the same claim, an answer of another entry', () => {
    const entries = structuredClone(realKnowledgeBase().entries);
    const [first, other] = [corrections.find((c) => c.source === 'llm-qa' && c.line === 27)!, corrections.find((c) => c.source === 'part-6' && c.line === 20)!];
    const bad: Correction = { ...first, also: [{ source: other.source, line: other.line, question: other.question, quote: other.quote }] };
    expect(() => applyEditorial(entries, [{ item: bad, file: 'sources/corrections.json', index: 0 }], [], (id) => id)).toThrow(/not an answer of the entry its first quote is in/);
  });

  it('notes every correction beside its answer with its references, on the topic page and the answer page', () => {
    for (const c of corrections) {
      const entry = entryOf(c);
      const note = entry.notes.find((n) => n.kind === c.kind && n.refs.some((r) => r.url === c.refs[0]!.url));
      expect(note, `${c.source}:${c.line}`).toBeDefined();
      const topicPage = pages.find((p) => p.path === `topics/${entry.topic}.mdx`)!.content;
      const answerPage = pages.find((p) => p.path === `q/${entry.id}.mdx`)!.content;
      const aside = `<EditorsNotes kind={${JSON.stringify(c.kind)}}`;
      for (const page of [topicPage, answerPage]) {
        expect(page).toContain(aside);
        expect(page).toContain(`](${c.refs[0]!.url})`);
      }
    }
  });

  it('stops the ingest, naming the file and the correction, when a quote is not in its answer', () => {
    const entries = structuredClone(realKnowledgeBase().entries);
    const bad: Correction = { ...corrections[0]!, quote: 'a sentence the source never wrote' };
    const run = () => applyEditorial(entries, [{ item: bad, file: 'sources/corrections.json', index: 0, line: 5 }], [], (id) => id);
    expect(run).toThrow(IngestError);
    expect(run).toThrow(/correction 1 quotes "a sentence the source never wrote", which is not in the answer of/);
    try {
      run();
    } catch (error) {
      expect((error as IngestError).format()).toMatch(/^sources\/corrections\.json:5: /);
    }
  });

  it('stops the ingest when a correction names a question its source does not ask', () => {
    const entries = structuredClone(realKnowledgeBase().entries);
    const bad: Correction = { ...corrections[0]!, line: 99999 };
    expect(() => applyEditorial(entries, [{ item: bad, file: 'sources/corrections.json', index: 2 }], [], (id) => id)).toThrow(
      /correction 3 names the question of "[a-z0-9-]+" at line 99999, starting ".+", which is not in that source; a question starting so is at line \d+/,
    );
  });
});

describe("a source's citations", () => {
  it('stop the ingest when they name a question the source does not ask', () => {
    const entries = structuredClone(realKnowledgeBase().entries);
    const citation = { source: 'editors', question: 'What is a question nobody asked?', refs: [{ title: 'A paper', url: 'https://example.org/' }] };
    expect(() => applyEditorial(entries, [], [{ item: citation, file: 'sources/editors-refs.json', index: 0, line: 4 }], (id) => id)).toThrow(
      /citation 1 names the question of "editors" starting "What is a question nobody asked\?", which is not in that source/,
    );
  });

  it('of one source answering an entry in two wordings make one note with the works of both', () => {
    // The editors answer "What is FlashAttention?" twice (the second: why it is faster), each citing its papers.
    const entry = realKnowledgeBase().kb.entries.find((e) => e.id === 'what-is-flashattention')!;
    const references = entry.notes.filter((n) => n.text.startsWith('References for'));
    expect(references).toHaveLength(1);
    expect(references[0]!.refs.map((r) => r.url)).toEqual(['https://arxiv.org/abs/2205.14135', 'https://arxiv.org/abs/2307.08691']);
  });
});
