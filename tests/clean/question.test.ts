import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../scripts/lib/text/lexicon.ts';
import { cleanQuestion } from '../../scripts/lib/clean/question.ts';

const lexicon = buildLexicon(['learning learning transfer']);

describe('question cleaning', () => {
  it('joins a question hyphenated across lines', () => {
    expect(cleanQuestion('What is multitask learning and how does it relate to transfer learn-\ning?', lexicon)).toBe(
      'What is multitask learning and how does it relate to transfer learning?',
    );
  });

  it('capitalises the first word and restores a missing question mark', () => {
    expect(cleanQuestion('how BERT is bi-directional?', lexicon)).toBe('How BERT is bi-directional?');
    expect(cleanQuestion('Why is masking needed', lexicon)).toBe('Why is masking needed?');
  });

  it('writes √d_k in a question as LaTeX', () => {
    expect(cleanQuestion('Why is scaling (dividing by √d_k) used in attention mechanisms?', lexicon)).toBe(
      'Why is scaling (dividing by $\\sqrt{d_k}$) used in attention mechanisms?',
    );
  });
});
