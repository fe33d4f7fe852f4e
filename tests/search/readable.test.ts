import { describe, expect, it } from 'vitest';
import { mathInTextAsText, readableText, texAsText } from '../../scripts/lib/render/readable.ts';

describe('math as the symbols a reader sees', () => {
  it('writes a square root with its subscript as √dₖ', () => {
    expect(mathInTextAsText('Why do we scale attention scores by $\\sqrt{d_k}$?')).toBe('Why do we scale attention scores by √dₖ?');
  });

  it('writes the attention formula without TeX', () => {
    expect(texAsText('\\operatorname{Attention}(Q, K, V) = \\operatorname{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)V')).toBe('Attention(Q, K, V) = softmax(QKᵀ/√dₖ)V');
  });

  it('keeps a subscript with no Unicode form readable after an underscore', () => {
    expect(texAsText('d_{model}')).toBe('d_model');
    expect(texAsText('O(n^2 d)')).toBe('O(n² d)');
    expect(texAsText('W=W_0+\\Delta W,\\quad \\Delta W=AB')).toBe('W=W₀+ΔW, ΔW=AB');
  });
});

describe('readable text of an answer', () => {
  // Cut from the merged answer of "Why do we scale attention scores by √d_k?" (Part 6, 200 Questions).
  const answer =
    '- Prevents large dot-product values from distorting the [softmax](/glossary/#softmax) function. *(Part 6)*\n' +
    '- Helps avoid *vanishing* gradients. Dividing by $\\sqrt{d_k}$ brings the variance back to about 1. *(Editors\' correction)*\n' +
    '- Scaling helps stabilize gradients and improves training. *(Part 6, 200 Questions (book))*';

  it('leaves out the credit tags that close its points', () => {
    const text = readableText(answer);
    expect(text).not.toMatch(/Part 6|Editors|200 Questions/);
    expect(text).toContain('distorting the softmax function.');
  });

  it('keeps emphasis that is part of a point', () => {
    expect(readableText(answer)).toContain('Helps avoid vanishing gradients.');
  });

  it('shows math as symbols', () => {
    expect(readableText(answer)).toContain('Dividing by √dₖ brings');
    expect(readableText(answer)).not.toContain('\\sqrt');
  });
});
