import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repositoryData } from '../../scripts/lib/index.ts';
import { searchLexicon, searchRecords } from '../../src/integrations/search-records.ts';
import { searchTerm } from '../../src/search/query.ts';
import { formatLexicon, indexSpelling, parseLexicon } from '../../src/search/spelling.ts';
import { realKnowledgeBase } from '../helpers/kb.ts';

const VOCABULARY = repositoryData().vocabulary;

describe('a query word spelt as the index spells it', () => {
  const written = formatLexicon(searchLexicon(searchRecords(realKnowledgeBase().kb, '/', VOCABULARY)));
  const lexicon = parseLexicon(written);
  const spelt = (word: string) => indexSpelling(word, lexicon);

  it('corrects a misspelt term of the field within a letter or two', () => {
    expect(spelt('atention')).toBe('attention');
    expect(spelt('attentoin')).toBe('attention');
    expect(spelt('positonal')).toBe('positional');
    expect(spelt('embeding')).toBe('embedding');
    expect(spelt('tranformer')).toBe('transformer');
    expect(spelt('quantizaton')).toBe('quantization');
    expect(spelt('backpropogation')).toBe('backpropagation');
    expect(spelt('hallucinatoin')).toBe('hallucination');
  });

  it('searches short words, words the index has and words still being typed as they are', () => {
    for (const word of ['lroa', 'bpe', 'rope', 'gqa', 'softmax', 'attention', 'quant', 'atten', 'positio']) expect(spelt(word)).toBe(word);
  });

  it('does not turn a word the index lacks into an unrelated one', () => {
    expect(spelt('catalogue')).toBe('catalogue');
    expect(spelt('kubernetes')).toBe('kubernetes');
  });

  it('reads British spellings as the American ones the index uses', () => {
    expect(spelt('quantisation')).toBe('quantization');
    expect(spelt('normalisation')).toBe('normalization');
    expect(spelt('tokenisation')).toBe('tokenization');
    expect(spelt('optimiser')).toBe('optimizer');
    expect(spelt('optimisers')).toBe('optimizers');
    expect(spelt('regularisation')).toBe('regularization');
    expect(spelt('behaviour')).toBe('behavior');
    expect(spelt('modelling')).toBe('modeling');
  });

  it('reads a British word as its American family when the index has only a relative of it ("summarise": "summarization")', () => {
    expect(spelt('summarise')).toBe('summarize');
    expect(spelt('parallelise')).toBe('parallelize');
  });

  it('leaves words that only look British as they are', () => {
    for (const word of ['four', 'your', 'otherwise', 'raise', 'noise', 'supervised', 'precise']) expect(spelt(word)).toBe(word);
  });

  it('keeps number formats and words with digits as typed', () => {
    for (const word of ['int8', 'fp16', 'bf16', 'gpt2', 't5']) expect(spelt(word)).toBe(word);
  });

  it('processes a whole query: form words dropped after spelling, hyphenated words spelt part by part', () => {
    expect(searchTerm('diffrence between atention and rnn', lexicon)).toBe('attention rnn');
    expect(searchTerm('what is self-atention', lexicon)).toBe('self-attention');
    expect(searchTerm('Quantisation vs pruning', lexicon)).toBe('quantization pruning');
    expect(searchTerm('int8 quantisation', lexicon)).toBe('int8 quantization');
  });

  it('searches as typed until the lexicon has loaded', () => {
    expect(searchTerm('atention', undefined)).toBe('atention');
  });

  it('keeps the lexicon the dialog loads small', () => {
    const kb = gzipSync(written).length / 1024;
    console.log(`lexicon: ${lexicon.words.length} words, ${kb.toFixed(1)} KB gzip`);
    // It grows with the answers (a hundred were deepened in December 2026); it loads only when search is first used.
    expect(kb).toBeLessThan(28);
  });
});
