import { describe, expect, it } from 'vitest';
import { questionKind } from '../scripts/lib/group/question-kind.ts';
import { runPipeline } from '../scripts/lib/pipeline.ts';
import { readManifest, readSources } from '../scripts/lib/index.ts';
import { KnowledgeBaseSchema } from '../scripts/lib/read/schema.ts';
import { ROOT } from './helpers/fixtures.ts';
import { realKnowledgeBase, siteOptions } from './helpers/kb.ts';

const ARTIFACTS = [
  /How well did you know this/,
  /\bNot at all\b/,
  /^Perfectly$/m,
  /Follow for more/,
  /^(?:LIKE|SHARE)$/m,
  /Bhavishya Pandit/,
  /Repeat Process|Feed Two|Update Model|Classify\s+Sentence Pair|Training Cycle/,
  /larger context multimodal window|Trillions of parameters/,
  /\t/,
  /^Chapter \d+$/m,
  /Question \d+:/,
  /^Ans\s*-/m,
  /^[QA]$/m,
  /\p{L}-\n\p{Ll}/u,
  /Found\s*dations|Transiormer|Ашеныон/,
];

describe('the knowledge base built from the sources', () => {
  const { kb, stats, problems } = realKnowledgeBase();
  const variants = kb.entries.flatMap((e) => e.variants);

  it("finds all 443 question instances: 43, 35, 55, 200 and 20 in the five documents, 90 in the editors' answers", () => {
    expect(stats.questions).toBe(443);
    expect(kb.sources.map((s) => s.questions)).toEqual([43, 35, 55, 200, 20, 90]);
  });

  it('keeps every question instance exactly once', () => {
    // An editors' question is named by its entry file and the line that words it.
    const keys = kb.entries.flatMap((e) => e.variants.map((v) => (v.source === 'editors' ? `${e.id}:${v.line}` : `${v.source}:${v.line}`)));
    expect(new Set(keys).size).toBe(443);
    expect(keys).toHaveLength(443);
  });

  it("gives every instance its answer, except the ten recap questions of the post and the editors' second wording of FlashAttention", () => {
    const unanswered = variants.filter((v) => v.answer === null);
    expect(unanswered.filter((v) => v.source === 'llm-interview-post')).toHaveLength(10);
    expect(unanswered.filter((v) => v.source !== 'llm-interview-post').map((v) => v.question)).toEqual([
      'Why is FlashAttention faster than standard attention even though it does not reduce the number of FLOPs?',
    ]);
  });

  it("answers every entry: the editors answer the recap questions no source answers, citing their references", () => {
    expect(kb.entries.filter((e) => !e.answer).map((e) => e.question)).toEqual([]);
    const recap = kb.entries.filter((e) => e.variants.some((v) => v.answer === null));
    expect(recap.length).toBeGreaterThanOrEqual(7);
    expect(recap.find((e) => e.variants.some((v) => v.question === 'What is a "context window"?'))!.sources).toContain('editors');
    for (const e of kb.entries.filter((e) => e.sources.includes('editors'))) {
      const references = e.notes.find((n) => n.kind === 'note' && /^(References for|The points the editors added)/.test(n.text));
      expect(references?.refs.length, e.id).toBeGreaterThan(0);
    }
  });

  it('leaves none of the extraction artifacts in any answer or question', () => {
    for (const v of variants) {
      for (const artifact of ARTIFACTS) {
        expect(`${v.question}\n${v.answer ?? ''}`, `${v.source}:${v.line}`).not.toMatch(artifact);
      }
    }
  });

  it('turns run-together flashcard answers into lists', () => {
    const card25 = variants.find((v) => v.question.startsWith('Training loss plateaus'))!;
    expect(card25.answer).toBe(
      '- Learning rate schedule / warmup\n- Better initialization\n- Larger batch size or gradient accumulation\n- Mixed precision for efficiency\n- Layer-wise learning rate decay',
    );
  });

  it('matches the schema of kb.json', () => {
    expect(() => KnowledgeBaseSchema.parse(kb)).not.toThrow();
  });

  it('gives every entry a unique id, its topic page URL with that anchor, and related entries', () => {
    const ids = kb.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of kb.entries) {
      expect(e.url).toBe(`/topics/${e.topic}/#${e.id}`);
      expect(e.related.length).toBeGreaterThan(0);
      for (const r of e.related) expect(ids).toContain(r);
    }
  });

  it('organises entries into 10 to 20 topics in learning order', () => {
    expect(kb.topics.length).toBeGreaterThanOrEqual(10);
    expect(kb.topics.length).toBeLessThanOrEqual(20);
    expect(kb.topics[0]!.id).toBe('foundations');
    expect(kb.topics.at(-1)!.id).toBe('ethics-future');
  });

  it('orders each topic for a learner: what a thing is before how it compares, situations and outlooks last', () => {
    for (const topic of kb.topics) {
      const questions = kb.entries.filter((e) => e.topic === topic.id).map((e) => e.question);
      expect(questions[0], topic.id).toMatch(/^What (?:is|are)\b/);
      const firstScenario = questions.findIndex((q) => questionKind(q) === 'scenario' || questionKind(q) === 'future');
      const lastDefinition = questions.findLastIndex((q) => /^What (?:is|are)\b/.test(q) && questionKind(q) === 'about');
      if (firstScenario >= 0) expect(firstScenario, topic.id).toBeGreaterThan(lastDefinition);
    }
    // The first card of the first topic is the foundation the others build on, not a comparison of two losses.
    expect(kb.entries[0]!.question).toMatch(/neural network/i);
  });

  it('keeps each family of questions on one topic page', () => {
    const topicsOf = (pattern: RegExp) => new Set(kb.entries.filter((e) => e.variants.some((v) => pattern.test(v.question))).map((e) => e.topic));
    expect(topicsOf(/\bLoRA\b/)).toEqual(new Set(['peft']));
    expect(topicsOf(/\bRAG\b|retrieval-augmented/i)).toEqual(new Set(['rag-prompting']));
    expect(topicsOf(/positional (?:encoding|embedding)/i)).toEqual(new Set(['positional-encoding']));
  });

  it("holds the book's glossary and the terms the other sources define", () => {
    const terms = kb.glossary.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['Adapter Modules', 'Zero-shot Learning', 'Vision Transformer (ViT)', 'Layer Norm (Layer Normalization)']));
    const ids = kb.glossary.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['lora', 'qlora', 'rope', 'kv-cache', 'mqa', 'gqa', 'rag', 'rlhf', 'nsp', 'mlm', 'vit', 'clip', 'wordpiece']));
    for (const t of kb.glossary) {
      expect(t.definition.length, t.term).toBeGreaterThan(20);
      // Quoted from a source line, or the editors' own with the paper or documentation it follows.
      if (t.source === null) expect(t.references.length, t.term).toBeGreaterThan(0);
      else expect(kb.sources.map((s) => s.id)).toContain(t.source);
    }
  });

  it('links glossary terms in answers to the glossary', () => {
    const positional = kb.entries.find((e) => e.variants.some((v) => v.question === 'Why is positional encoding needed?'))!;
    expect(positional.answer).toContain('](/glossary/#positional-encoding)');
    expect(positional.terms).toContain('positional-encoding');
  });

  it('builds its pages with no warnings about the sources', () => {
    expect(problems).toEqual([]);
  });

  it('gives byte-identical output for the same sources', () => {
    const again = runPipeline(readSources(ROOT, readManifest(ROOT)), siteOptions());
    expect(JSON.stringify(again.kb)).toBe(JSON.stringify(kb));
    expect(again.pages).toEqual(realKnowledgeBase().pages);
  });

  it('puts every entry on its topic page under a heading with its id', () => {
    const pages = new Map(realKnowledgeBase().pages.map((p) => [p.path, p.content]));
    for (const e of kb.entries) expect(pages.get(`topics/${e.topic}.mdx`)).toContain(`\\{#${e.id}\\}`);
  });
});
