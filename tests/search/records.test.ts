import { describe, expect, it } from 'vitest';
import { repositoryData } from '../../scripts/lib/index.ts';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';
import { definedAcronyms, distinctNames, searchRecords } from '../../src/integrations/search-records.ts';
import { realKnowledgeBase } from '../helpers/kb.ts';

const VOCABULARY = repositoryData().vocabulary;

describe('search records', () => {
  const kb: KnowledgeBase = realKnowledgeBase().kb;
  const records = searchRecords(kb, '/', VOCABULARY);
  const record = (id: string) => records.find((r) => r.url.endsWith(`#${id}`))!;

  it('gives every entry and glossary term a record of its own, and the sources none: they are not answers', () => {
    expect(records).toHaveLength(kb.entries.length + kb.glossary.length);
    expect(records.filter((r) => r.url.startsWith('/sources/'))).toEqual([]);
    expect(records.map((r) => r.title)).not.toContain("Answers by the site's editors");
  });

  it('gives the entries of two compared concepts each other\'s short name, so "mqa gqa" finds both', () => {
    expect(record('what-is-multi-query-attention').html).toMatch(/\bGQA\b/);
    expect(record('how-does-group-query-attention-work').html).toMatch(/\bMQA\b/);
    expect(record('how-does-albert-achieve-parameter-efficiency').html).toMatch(/\bRoBERTa\b/);
  });

  it('finds the entries about quantization and mixed precision by the number formats readers type', () => {
    // In the record's text ("In short", the answer) or its related names: wherever, the record holds them.
    for (const id of ['what-is-model-quantization', 'how-does-quantization-affect-transformer-performance']) {
      expect(record(id).html).toMatch(/\bint8\b/i);
      expect(record(id).html).toMatch(/\bint4\b/i);
    }
    expect(record('what-is-mixed-precision-training').html).toMatch(/\bfp8\b/);
  });

  it('carries the American spelling of a British word in a text, where the site has it', () => {
    const british = records.find((r) => /\boptimiser\b/.test(r.html))!;
    expect(british.html).toMatch(/Also spelt: [^<]*\boptimizer\b/);
  });

  it('weighs the other wordings and the names of the concepts above the answer', () => {
    const gqa = record('how-does-group-query-attention-work').html;
    expect(gqa).toMatch(/<p data-pagefind-weight="4">[^<]*\bGQA\b/);
  });

  it('names a concept once, not again in another case or form of the same words', () => {
    // The names of the vocabulary's concept of attention visualisation, as the record gathered them.
    const names = ['Attention mechanism', 'attention', 'attention mechanism', 'Attention visualization', 'visualized', 'visualize', 'visualization', 'attention map'];
    expect(distinctNames(names)).toEqual(['Attention mechanism', 'attention', 'Attention visualization', 'visualized', 'attention map']);
    const called = /Also called: ([^<]*)/.exec(record('how-can-attention-be-visualized').html)![1]!;
    expect(called.match(/attention mechanism/gi)).toHaveLength(1);
  });

  it('indexes no credit tags and no TeX', () => {
    for (const { html } of records) {
      expect(html).not.toMatch(/\((?:Part 6|Flashcards|Editors' correction)\)/);
      expect(html).not.toMatch(/\\(?:sqrt|frac|cdot|operatorname)\b/);
    }
  });

  it('learns the acronyms that the texts define, such as MoE and NER', () => {
    const acronyms = definedAcronyms(['A Mixture-of-Experts (MoE) Transformer', 'How do transformers perform named entity recognition (NER)?']);
    expect(acronyms.get('mixture of experts')).toBe('MoE');
    expect(acronyms.get('named entity recognition')).toBe('NER');
  });
});
