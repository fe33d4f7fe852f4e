/** How an answer is cut into points, and how a point is read: on small answers written for each case. */
import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../scripts/data/vocabulary.ts';
import { segment, unitText } from '../../scripts/lib/answer/points.ts';
import { buildSenseModel, enumerationItems, names } from '../../scripts/lib/answer/senses.ts';
import { stem } from '../../scripts/lib/answer/stem.ts';
import { buildConceptIndex } from '../../scripts/lib/group/concepts.ts';

const model = buildSenseModel(buildConceptIndex(VOCABULARY));

describe('answer points', () => {
  it('cuts prose into sentences and keeps "This …" leaning on the sentence before', () => {
    const units = segment('Residual connections add the input to the output. This helps gradients flow. Deep networks train faster.', 's', 0);
    expect(units.map(unitText)).toEqual(['Residual connections add the input to the output.', 'This helps gradients flow.', 'Deep networks train faster.']);
    expect(units.map((u) => u.leansOn)).toEqual([null, 0, null]);
  });

  it('does not cut at "e.g." and keeps a list item whole, with its bold label apart', () => {
    const units = segment('- **Dropout:** Randomly drops units (e.g. 10%). It regularises.\n- Early stopping', 's', 0);
    expect(units).toHaveLength(2);
    expect(units[0]!.kind).toBe('item');
    expect(units[0]!.label).not.toBeNull();
    expect(unitText(units[0]!)).toBe('Dropout: Randomly drops units (e.g. 10%). It regularises.');
  });

  it('heads the points under a bold paragraph, and gives a formula and its "Where:" list to the point before', () => {
    const units = segment('**How it works:**\n\n- Added to embeddings.\n\n**Formula:**\n\n$$\nx = y\n$$\n\n**Where:**\n\n- x is the input', 's', 0);
    expect(units.map((u) => u.heading?.text)).toEqual(['How it works', 'Formula']);
    expect(units[1]!.kind).toBe('block');
    expect(units[1]!.blocks.map((b) => b.type)).toEqual(['math', 'paragraph', 'list']);
  });

  it('reads a sentence ending in ":" before a list as the heading of that list, the sentences before it as points', () => {
    const units = segment('Forgetting is common. To mitigate this, several strategies are used:\n\n1. Rehearsal\n2. EWC', 's', 0);
    expect(units.map(unitText)).toEqual(['Forgetting is common.', 'Rehearsal', 'EWC']);
    expect(units[1]!.heading).toMatchObject({ style: 'lead-in', text: 'To mitigate this, several strategies are used' });
    expect(units[1]!.ordered).toBe(true);
  });
});

describe('reading a point', () => {
  it('stems words (Porter) and folds British spellings', () => {
    expect(['normalization', 'normalisation', 'normalizes', 'normalizing'].map(stem)).toEqual(['normal', 'normal', 'normal', 'normal']);
    expect(stem('wise')).toBe('wise');
  });

  it('reads paraphrases as one sense and the vocabulary\'s aliases as their concept', () => {
    const a = model.analyse('Transformers process tokens simultaneously').senses;
    const b = model.analyse('the transformer computes all tokens in parallel').senses;
    expect(a.has('k:parallel') && b.has('k:parallel')).toBe(true);
    expect(model.analyse('positional embeddings').senses).toContain('c:positional-encoding');
    expect(model.analyse('positional encoding').senses).toContain('c:positional-encoding');
  });

  it('marks what a negation scopes over, before or after it', () => {
    expect(model.analyse('Transformers lack inherent order-awareness').senses).toContain('¬k:order');
    expect(model.analyse('Self-attention is permutation invariant').senses).toContain('¬k:order');
    expect(model.analyse('they are unaware of token order').senses).toContain('¬k:order');
    expect(model.analyse('Transformers capture token order').senses).not.toContain('¬k:order');
  });

  it('finds names, numbers and enumerated items as facts', () => {
    expect(names('Unlike BERT, GPT was developed by OpenAI with Paged Optimizers and ReLU.')).toEqual(['BERT', 'GPT', 'OpenAI', 'Paged Optimizers', 'ReLU']);
    expect(enumerationItems('Techniques such as dropout, regularization, and early stopping are used.')).toEqual(['dropout', 'regularization', 'early stopping']);
    expect(enumerationItems('They can be fixed (e.g., sinusoidal) or learned.')).toEqual(expect.arrayContaining(['sinusoidal', 'fixed', 'learned']));
    const facts = model.facts('It compresses weights from 16-bit to 4-bit, like "cat sat".', ['x^2']);
    expect(facts.map((f) => `${f.kind}:${f.text}`)).toEqual(expect.arrayContaining(['math:x^2', 'quote:cat sat', 'number:16-bit', 'number:4-bit']));
  });

  it('keeps a name only by the name itself or another name of the same thing, never a paraphrase', () => {
    const [rnn] = model.facts('Transformers do not have sequential processing like RNNs.', []).filter((f) => f.kind === 'name');
    const target = (text: string) => ({ senses: model.analyse(text).senses, math: new Set<string>(), text: text.toLowerCase() });
    expect(model.satisfied(rnn!, target('unlike a recurrent neural network'))).toBe(true);
    expect(model.satisfied(rnn!, target('since they do not use recurrence'))).toBe(false);
  });
});

describe('a sentence that points back', () => {
  it('leans on the sentence before it when "this" stands for what was said, wherever it stands', () => {
    // Book, "What is transfer learning?": "Deep learning models often require large amounts of data to learn useful
    // representations. Transfer learning addresses this by allowing models trained on large datasets … to be fine-tuned …"
    const units = segment('Deep learning models often require large amounts of data to learn useful representations. Transfer learning addresses this by allowing models trained on large datasets like ImageNet or C4 to be fine-tuned on smaller domain-specific datasets.', 's', 0);
    expect(units.map((u) => u.leansOn)).toEqual([null, 0]);
    // "this" before a noun that names something new is not a pointer back.
    expect(segment('BERT is an encoder. The model uses this representation for classification.', 's', 0).map((u) => u.leansOn)).toEqual([null, null]);
  });
});
