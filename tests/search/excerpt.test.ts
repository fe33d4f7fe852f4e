/**
 * The excerpt under a search result: from the answer, not from the names listed after it. The results are cut from
 * what Pagefind returned on the built site for "gqa" and "layer norm batch norm" (their text shortened).
 */
import { describe, expect, it } from 'vitest';
import { excerptFromAnswer } from '../../src/search/excerpt.ts';

const words = (text: string) => text.split(' ');

describe('search result excerpts', () => {
  it('takes the excerpt from the answer when Pagefind took it from the names after it', () => {
    const content =
      'Grouped-query attention splits the query heads into G groups that each share one key and value head. ' +
      'GQA sits between multi-head attention and multi-query attention. ' +
      'Also called: Grouped-query attention, GQA, group query. Related: BigBird, MQA.';
    // "GQA" at word 17 of the answer and word 29 of the names, the names weighted four times the answer.
    expect(words(content)[17]).toBe('GQA');
    expect(words(content)[29]).toBe('GQA,');
    const result = {
      raw_content: content,
      excerpt: 'Also called: Grouped-query attention, <mark>GQA,</mark> group query. Related: BigBird, MQA.',
      plain_excerpt: 'Also called: Grouped-query attention, GQA, group query. Related: BigBird, MQA.',
      locations: [17, 29],
      weighted_locations: [
        { location: 17, balanced_score: 512 },
        { location: 29, balanced_score: 2048 },
      ],
      sub_results: [{ excerpt: 'Also called: Grouped-query attention, <mark>GQA,</mark> group query.', locations: [17, 29] }],
    };
    const fixed = excerptFromAnswer(result);
    expect(fixed.excerpt).toBe(
      'Grouped-query attention splits the query heads into G groups that each share one key and value head. ' +
        '<mark>GQA</mark> sits between multi-head attention and multi-query attention.',
    );
    expect(fixed.plain_excerpt).not.toMatch(/Also called|Related:/);
    expect(fixed.sub_results[0]!.excerpt).toBe(fixed.excerpt);
  });

  it('takes the window of the answer where the words searched are densest, as Pagefind does', () => {
    const answer = Array.from({ length: 80 }, (_, i) => `w${i}`);
    answer[50] = 'layer';
    answer[52] = 'norm';
    const content = `${answer.join(' ')} Also called: Layer normalization, layer norm.`;
    const fixed = excerptFromAnswer({ raw_content: content, excerpt: 'Also called: <mark>Layer</mark> normalization, <mark>layer</mark> norm.', plain_excerpt: 'Also called: Layer normalization, layer norm.', locations: [50, 52, 82, 84] });
    const shown = words(fixed.plain_excerpt!);
    expect(shown).toHaveLength(30);
    expect(shown).toContain('layer');
    expect(shown).toContain('norm');
    expect(fixed.excerpt).toContain('<mark>layer</mark> w51 <mark>norm</mark>');
    expect(fixed.excerpt).not.toContain('Also');
  });

  it('takes it from the answer also when the excerpt starts inside a list of names ("called: …")', () => {
    const content = 'Scaled dot-product attention divides the scores by the square root of d k. Also called: Scaled dot-product attention, scaled dot product, sqrt d k.';
    const words = content.split(' ');
    const fixed = excerptFromAnswer({
      raw_content: content,
      excerpt: words.slice(15).map((w) => (w === 'sqrt' ? '<mark>sqrt</mark>' : w)).join(' '),
      plain_excerpt: words.slice(15).join(' '),
      locations: [words.indexOf('sqrt')],
    });
    expect(fixed.plain_excerpt).toBe('Scaled dot-product attention divides the scores by the square root of d k.');
  });

  it('starts after the title, which the result shows above its excerpt', () => {
    const content = 'Why do we scale attention scores by √dₖ? Dot products of dₖ-dimensional vectors grow with dₖ. Also asked as: Why divide by √dₖ?';
    const fixed = excerptFromAnswer({
      raw_content: content,
      meta: { title: 'Why do we scale attention scores by √dₖ?' },
      excerpt: 'Also asked as: Why <mark>divide</mark> by √dₖ?',
      plain_excerpt: 'Also asked as: Why divide by √dₖ?',
      locations: [19],
    });
    expect(fixed.plain_excerpt).toBe('Dot products of dₖ-dimensional vectors grow with dₖ.');
  });

  it("shows the answer's start (its short answer) when only the names matched", () => {
    const content = 'Sliding-window attention lets each token attend to the previous W tokens. Also called: SWA, local attention.';
    const fixed = excerptFromAnswer({ raw_content: content, excerpt: 'Also called: <mark>SWA,</mark> local attention.', plain_excerpt: 'Also called: SWA, local attention.', locations: [14] });
    expect(fixed.excerpt).toBe('Sliding-window attention lets each token attend to the previous W tokens.');
  });

  it("leaves an excerpt from the answer as Pagefind made it, and keeps the answer's escaped characters escaped", () => {
    const content = 'A causal mask sets M&lt;sub&gt; to minus infinity where j &gt; i. Also called: causal mask.';
    const result = { raw_content: content, excerpt: 'A causal <mark>mask</mark> sets', plain_excerpt: 'A causal mask sets', locations: [2] };
    expect(excerptFromAnswer(result)).toEqual(result);
    const fixed = excerptFromAnswer({ ...result, excerpt: 'Also called: causal <mark>mask.</mark>', plain_excerpt: 'Also called: causal mask.', locations: [2, 17] });
    expect(fixed.excerpt).toBe('A causal <mark>mask</mark> sets M&lt;sub&gt; to minus infinity where j &gt; i.');
  });
});
