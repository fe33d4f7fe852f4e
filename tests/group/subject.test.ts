import { describe, expect, it } from 'vitest';
import { repositoryData } from '../../scripts/lib/index.ts';
import { buildConceptIndex, normaliseWords } from '../../scripts/lib/text/concepts.ts';
import { subjectKey, subjectOf } from '../../scripts/lib/group/subject.ts';

const VOCABULARY = repositoryData().vocabulary;

const index = buildConceptIndex(VOCABULARY);
const key = (question: string) => subjectKey(subjectOf(question, index), question);

describe('what a question is about', () => {
  it('reads TeX notation as the words it is written with, so √d_k names the scaling of attention', () => {
    // 200 Questions line 714 and Part 6 line 62.
    expect(index.find('Why do we scale attention scores by $\\sqrt{d_k}$?')).toContain('scaled-dot-product');
    expect(index.find('Why is scaling (dividing by $\\sqrt{d_k}$) used in attention mechanisms?')).toContain('scaled-dot-product');
    expect(key('Why do we scale attention scores by $\\sqrt{d_k}$?')).toBe(key('Why is scaling (dividing by $\\sqrt{d_k}$) used in attention mechanisms?'));
  });

  it('keeps what a question says of a broad area: attention computed efficiently is not the role of attention', () => {
    // 200 Questions lines 278 and 679.
    expect(key('How is attention computed efficiently in transformers?')).not.toBe(key('What is the role of attention in transformer models?'));
    // Asking words are not what is said: these two ask the same of attention.
    expect(key('What is the role of attention in transformer models?')).toBe(key('Can you explain the concept of attention mechanisms in transformer models?'));
  });

  it('keeps a rare word in front of a known concept in the key: a narrower thing than the concept', () => {
    // As "activation checkpointing" was once read as "checkpointing" (saving the model's state).
    const rare = (word: string) => word === 'blockwise';
    const keyWith = (question: string) => subjectKey(subjectOf(question, index, rare), question);
    expect(keyWith('What is blockwise quantization?')).not.toBe(keyWith('What is quantization?'));
    // A word common in the sources says nothing new about the concept.
    expect(key('What is blockwise quantization?')).toBe(key('What is quantization?'));
  });

  it('tells a question about where a field is heading from one about what it is', () => {
    // 200 Questions lines 1249 and 1070.
    expect(subjectOf('How might multimodal learning evolve in transformers?', index).kind).toBe('future');
    expect(key('How might multimodal learning evolve in transformers?')).not.toBe(key('What are multimodal transformers?'));
  });
});

describe('the vocabulary', () => {
  // Terms are noun phrases of the field ("multi-head attention", "KV cache"); a phrase with a question word,
  // an article or a verb of asking copies a question ("how many layers", "explain their decisions").
  const QUESTION_WORDS = new Set(['how', 'what', 'why', 'when', 'which', 'their', 'its', 'a', 'an', 'the', 'is', 'are', 'do', 'does', 'can', 'explain', 'inside']);

  it('holds terms, not phrases copied from questions', () => {
    const copied = VOCABULARY.flatMap((c) => c.aliases.filter((a) => normaliseWords(a).some((w) => QUESTION_WORDS.has(w))).map((a) => `${c.id}: "${a}"`));
    expect(copied).toEqual([]);
  });

  it('names each term once: no alias belongs to two concepts', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const c of VOCABULARY) for (const a of c.aliases) {
      const words = normaliseWords(a).join(' ');
      if (owner.has(words) && owner.get(words) !== c.id) twice.push(`"${a}": ${owner.get(words)} and ${c.id}`);
      owner.set(words, c.id);
    }
    expect(twice).toEqual([]);
  });
});
