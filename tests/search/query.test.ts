import { describe, expect, it } from 'vitest';
import { highlightWords, searchTerm } from '../../src/search/query.ts';

describe('a query as Pagefind searches it', () => {
  it('drops "vs", which no question contains', () => {
    expect(searchTerm('beam vs greedy')).toBe('beam greedy');
    expect(searchTerm('layer norm vs. batch norm')).toBe('layer norm batch norm');
  });

  it('drops question openers and "how does … work"', () => {
    expect(searchTerm('what is rlhf')).toBe('rlhf');
    expect(searchTerm('How does BPE work?')).toBe('bpe');
  });

  it('reads "sqrt dk" and its spellings as the key dimension d_k', () => {
    for (const typed of ['why divide by sqrt dk', 'why divide by √dk', 'why divide by sqrt(d_k)', 'why divide by square root of dk']) {
      expect(searchTerm(typed)).toBe('divide sqrt dₖ');
    }
  });

  it('searches a query of form words only as typed', () => {
    expect(searchTerm('what is')).toBe('what is');
  });

  it('highlights the words searched for, not the dropped ones', () => {
    expect(highlightWords('what is gradient clipping')).toEqual(['gradient', 'clipping']);
  });
});
