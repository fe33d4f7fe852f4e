import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../scripts/data/vocabulary.ts';
import type { KnowledgeBase } from '../../scripts/lib/schema.ts';
import { definedAcronyms, searchRecords } from '../../src/integrations/search-records.ts';
import { realKnowledgeBase } from '../helpers/kb.ts';

describe('search records', () => {
  const kb: KnowledgeBase = realKnowledgeBase().kb;
  const records = searchRecords(kb, '/', VOCABULARY);
  const record = (id: string) => records.find((r) => r.url.endsWith(`#${id}`))!;

  it('gives every entry, glossary term and source a record of its own', () => {
    expect(records).toHaveLength(kb.entries.length + kb.glossary.length + kb.sources.length);
  });

  it('weighs the other wordings and the names of the concepts above the answer', () => {
    const gqa = record('how-does-group-query-attention-work').html;
    expect(gqa).toMatch(/<p data-pagefind-weight="4">[^<]*\bGQA\b/);
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
