/**
 * The attach pass (scripts/lib/group/attach.ts) on the real sources, with no curation: where a question whose
 * keys differ from an earlier one's joins it, and where it must not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { decodeSource, readManifest, readSources } from '../../scripts/lib/index.ts';
import type { Source } from '../../scripts/lib/read/schema.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { automaticKnowledgeBase } from '../helpers/kb.ts';

type Kb = ReturnType<typeof automaticKnowledgeBase>['kb'];
const entryAsking = (kb: Kb, source: string, start: string) => {
  const entry = kb.entries.find((e) => e.variants.some((v) => v.source === source && v.question.startsWith(start)));
  if (!entry) throw new Error(`no question of ${source} starts "${start}"`);
  return entry;
};

describe('joining a question to an earlier entry by what its answer says', () => {
  it('a question asked the same way about the same concept joins it, though it names a broad concept in passing', () => {
    // eval/unseen/unseen-a.txt line 48, "How does rotary position embedding (RoPE) put position into attention?",
    // keys on RoPE and attention; LLM Q&A line 54 asks what RoPE is and what it is for.
    const FILE = 'eval/unseen/unseen-a.txt';
    const source: Source = { id: 'unseen-a', file: FILE, format: 'numbered-questions', title: 'Unseen source A' };
    const texts = [...readSources(ROOT, readManifest(ROOT)), { source, lines: decodeSource(readFileSync(join(ROOT, FILE)), FILE) }];
    const { kb } = runPipeline(texts, { base: '/' });
    const rewording = entryAsking(kb, 'unseen-a', 'How does rotary position embedding (RoPE) put position');
    expect(rewording.id).toBe(entryAsking(kb, 'llm-qa', 'What are Rotary positional embeddings (RoPE)').id);
  });

  it('which of two things is preferable is asked in a direction: the two directions stay two entries', () => {
    const { kb } = automaticKnowledgeBase();
    // Flashcards lines 529 and 532.
    expect(entryAsking(kb, 'flashcards', 'When is fine-tuning preferable to RAG?').id).not.toBe(entryAsking(kb, 'flashcards', 'When is RAG preferable to fine-tuning?').id);
  });

  it('a question about the challenges of a concept does not join the entry asking what it is', () => {
    const { kb } = automaticKnowledgeBase();
    expect(entryAsking(kb, '200-questions', 'What is retrieval-augmented generation').id).not.toBe(entryAsking(kb, 'flashcards', 'What are key challenges of RAG pipelines?').id);
  });
});
