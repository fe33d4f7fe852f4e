/**
 * A source nobody has seen, in a known layout (question-answer), written for this test: twenty questions that
 * reword existing ones and ten that were new when it was written. Five of those (mixture of experts, perplexity,
 * byte-pair encoding, temperature, FlashAttention's memory traffic) have since been asked by the editors (their
 * entry files), so they are rewordings now.
 * Each rewording must join its original's entry; each new question must get an entry of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { decodeSource, readManifest, readSources } from '../../scripts/lib/index.ts';
import type { Source } from '../../scripts/lib/read/schema.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { siteOptions } from '../helpers/run-pipeline.ts';

const FILE = 'tests/fixtures/unseen-source/interview-prep.txt';
const unseen: Source = { id: 'interview-prep', file: FILE, format: 'question-answer', title: 'Interview prep (test source)' };

/** New question number → [source, start of the existing question it rewords]. */
const REWORDS: Record<number, [string, string]> = {
  1: ['flashcards', 'Why is positional encoding needed?'],
  2: ['flashcards', 'What is multi-head attention and why is it useful?'],
  3: ['200-questions', 'Why do transformers use residual connections?'],
  4: ['200-questions', 'What is layer normalization and why is it used?'],
  5: ['flashcards', 'What is LoRA in the context of fine-tuning LLMs?'],
  6: ['200-questions', 'What is retrieval-augmented generation (RAG)?'],
  7: ['part-6', 'What is catastrophic forgetting in LLMs'],
  8: ['llm-qa', 'How does knowledge distillation work'],
  9: ['part-6', 'Compare and contrast GPT and BERT.'],
  10: ['200-questions', 'What is few-shot learning?'],
  11: ['llm-qa', 'What is KV Cache, and why is it needed?'],
  12: ['llm-qa', 'Could you explain the mechanics behind Sliding window attention?'],
  13: ['llm-qa', 'What are Rotary positional embeddings (RoPE)'],
  14: ['200-questions', 'What is overfitting in neural networks?'],
  15: ['200-questions', 'What is the vanishing gradient problem?'],
  16: ['200-questions', 'What is mixed-precision training?'],
  17: ['200-questions', 'Why do we scale attention scores by'],
  28: ['200-questions', 'Why are GPUs important for deep learning?'],
  29: ['200-questions', 'What is the exploding gradient problem?'],
  30: ['200-questions', 'What are Vision Transformers (ViT)?'],
  19: ['editors', 'What is a Mixture of Experts (MoE) model?'],
  21: ['editors', 'What is FlashAttention?'],
  22: ['editors', 'What is perplexity, and how is it calculated?'],
  23: ['editors', 'How does byte-pair encoding (BPE) tokenisation work?'],
  24: ['editors', 'What does the temperature parameter do when sampling from an LLM?'],
  // New when the fixture was written; the editors have asked them since (issue 29).
  18: ['editors', 'How does speculative decoding speed up generation'],
  20: ['editors', 'How does DPO align a model on preference pairs'],
  25: ['editors', 'Why does chain-of-thought prompting improve reasoning'],
  26: ['editors', 'What is benchmark contamination, and how do you detect it?'],
};
const NEW = [27];

describe('a source nobody has seen, added with no other change', () => {
  const texts = [...readSources(ROOT, readManifest(ROOT)), { source: unseen, lines: decodeSource(readFileSync(join(ROOT, FILE)), FILE) }];
  // The editors' questions are in their entry files, read as the site reads them.
  const { kb } = runPipeline(texts, siteOptions());
  const lineOf = (n: number) => texts.at(-1)!.lines.findIndex((l) => l.startsWith(`${n}. Question:`)) + 1;
  const entryWith = (source: string, line: number) => kb.entries.find((e) => e.variants.some((v) => v.source === source && v.line === line))!;
  const entryStarting = (source: string, start: string) => kb.entries.find((e) => e.variants.some((v) => v.source === source && v.question.startsWith(start)))!;

  it('parses all 30 of its questions', () => {
    expect(kb.sources.at(-1)!.questions).toBe(30);
  });

  it('merges at least 90% of its rewordings into the entry of the question they reword', () => {
    const missed = Object.entries(REWORDS).filter(([n, [source, start]]) => {
      const original = entryStarting(source, start);
      expect(original, start).toBeDefined();
      return entryWith('interview-prep', lineOf(Number(n))).id !== original.id;
    });
    const rate = 1 - missed.length / Object.keys(REWORDS).length;
    expect(rate, `missed: ${missed.map(([n]) => n).join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('gives at least 90% of its new questions an entry of their own', () => {
    const merged = NEW.filter((n) => entryWith('interview-prep', lineOf(n)).variants.length > 1);
    const rate = 1 - merged.length / NEW.length;
    expect(rate, `merged: ${merged.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });
});
