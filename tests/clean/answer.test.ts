import { describe, expect, it } from 'vitest';
import { cleanAnswer } from '../../scripts/lib/clean/answer.ts';
import { buildLexicon } from '../../scripts/lib/text/lexicon.ts';
import type { AnswerForm } from '../../scripts/lib/parse/types.ts';

// The lexicon is built from the source being cleaned (here, a few of its words).
const lexicon = buildLexicon(['decoder-only decoder-only self-attention self-attention learning complex', 'absent in selfattention']);
const clean = (text: string, form: AnswerForm = 'prose') =>
  cleanAnswer(text.split('\n').map((t, i) => ({ line: i + 1, text: t })), form, lexicon).markdown;

describe('answer cleaning', () => {
  it('keeps a card whose bullet points run together as a list', () => {
    expect(clean('Use small learning rates Freeze early layers Replay / mixed data Regularization (e.g., L2)', 'run-together')).toBe(
      '- Use small learning rates\n- Freeze early layers\n- Replay / mixed data\n- Regularization (e.g., L2)',
    );
  });

  it('keeps a one-sentence flashcard answer as a paragraph', () => {
    const text = 'Adjusting the weights of a pre-trained model on a smaller, task-specific dataset to specialize the model for a downstream task.';
    expect(clean(text, 'run-together')).toBe(text);
  });

  it('turns each block of a marked flashcard into a point, joining a point broken after an arrow', () => {
    expect(clean('Standard self-attention: O(n^2 d) memory/time complexity\n\nSparse / local attention →\nO(n⋅d) for long sequences', 'points')).toBe(
      '- Standard self-attention: $O(n^2 d)$ memory/time complexity\n- Sparse / local attention → $O(n \\cdot d)$ for long sequences',
    );
  });

  it('joins a paragraph the PDF broke across a blank line', () => {
    expect(clean('such as sparse attention, or local attention\n\nmechanisms like sliding window attention.')).toBe(
      'such as sparse attention, or local attention mechanisms like sliding window attention.',
    );
  });

  it('repairs a word hyphenated across lines, keeping real compounds', () => {
    expect(clean('learn patterns com-\n\nplex enough.')).toBe('learn patterns complex enough.');
    expect(clean('a decoder-\nonly model.')).toBe('a decoder-only model.');
  });

  it('restores the hyphen a compound lost', () => {
    expect(clean('- Allows the model to see order, which is absent in selfattention.')).toContain('absent in self-attention.');
  });

  it('rejoins a bullet cut after a conjunction', () => {
    expect(clean('- Leads to poor generalization and\n- transfer learning failures.')).toBe('- Leads to poor generalization and transfer learning failures.');
  });

  it('turns a tab-separated table into a Markdown table', () => {
    const md = clean('Feature\tGPT\tBERT\nArchitecture\tDecoder-only Transformer\tEncoder-only Transformer');
    expect(md.split('\n')[0]).toMatch(/^\| Feature +\| GPT +\| BERT +\|$/);
    expect(md.split('\n')).toHaveLength(3);
  });

  it('writes formulas as LaTeX where the source meant math', () => {
    expect(clean('divides by the square root of the dimension (√d_k).')).toBe('divides by the square root of the dimension ($\\sqrt{d_k}$).');
    expect(clean('Self-attention scales quadratically (O(n2)).')).toBe('Self-attention scales quadratically ($O(n^2)$).');
    expect(clean('W=W0+ΔW,ΔW=AB', 'run-together')).toBe('$$\nW=W_0+\\Delta W,\\quad \\Delta W=AB\n$$');
    expect(clean('Adds small low-rank matrices 𝐴,𝐵 to pre-trained weights 𝑊0', 'points')).toBe('Adds small low-rank matrices $A, B$ to pre-trained weights $W_0$');
  });

  it('joins a function name printed above its formula into one display formula', () => {
    const md = clean('The scaled dot-product attention is defined as:\n\nAttention\n$$(Q, K, V) = \\operatorname{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)V$$');
    expect(md).toContain('$$\n\\operatorname{Attention}(Q, K, V) = \\operatorname{softmax}');
  });

  it('keeps code as a code block', () => {
    const md = clean('with a few lines of code:\n\nfrom transformers import AutoModel, AutoTokenizer\nmodel = AutoModel.from_pretrained("bert-base-uncased")');
    expect(md).toContain('```python\nfrom transformers import AutoModel, AutoTokenizer\nmodel = AutoModel.from_pretrained("bert-base-uncased")\n```');
  });

  it('nests the points under a numbered label', () => {
    expect(clean('1. Data Alignment:\n\n• Requires aligned datasets.\n\n2. Modality Gap:\n\n• Bridging differences.')).toBe(
      '1. **Data Alignment:**\n   - Requires aligned datasets.\n2. **Modality Gap:**\n   - Bridging differences.',
    );
  });

  it('drops a stray bullet or digit left on a line of its own', () => {
    expect(clean('- Use pre-trained models.\n\n0\n\n•\n\n- Apply low learning rates.')).toBe('- Use pre-trained models.\n- Apply low learning rates.');
  });

  it('keeps what looks like code or markup in a source as text', () => {
    const md = clean('Use {braces} and <script>alert(1)</script> with care.');
    expect(md).toBe('Use \\{braces\\} and \\<script>alert(1)\\</script> with care.');
  });
});
