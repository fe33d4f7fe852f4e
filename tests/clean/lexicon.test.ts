import { describe, expect, it } from 'vitest';
import { repositoryData } from '../../scripts/lib/index.ts';
import { buildLexicon, restoreCompounds, vocabularyWords } from '../../scripts/lib/text/lexicon.ts';

const VOCABULARY = repositoryData().vocabulary;

// Lines of Part 6 (sources/000_…, lines 56, 58, 75, 77, 108, 208, 219, 345): "pre-trained" four times and "pretrained" once,
// "self-attention" twice and the extraction's "selfattention" once.
const part6 = [
  "9. How does self-attention differ between the encoder and decoder in Transformers?",
  "- **Encoder self-attention:** Attends to all tokens in the input sequence.",
  "2. Explain transfer learning in the context of natural language processing (NLP). How do pre-trained language models contribute to various NLP tasks?",
  "- **Definition:** Transfer learning in NLP involves leveraging pre-trained models (e.g., BERT, GPT) trained on large text corpora for specific downstream tasks.",
  "- **Transfer Learning:** Fine-tunes pre-trained representations for downstream tasks, achieving state-of-the-art performance.",
  "- Allows the model to differentiate token order, which is absent in selfattention.",
  "- Use pre-trained models as the base.",
  "• Fine-tune pretrained models on specific tasks with limited data.",
].join('\n');

describe('the lexicon a source is repaired with', () => {
  const lexicon = buildLexicon([part6], { words: vocabularyWords(VOCABULARY) });

  it('gives back the hyphen of a compound the source spells hyphenated elsewhere', () => {
    expect(restoreCompounds('which is absent in selfattention.', lexicon)).toBe('which is absent in self-attention.');
  });

  it("keeps a word the field's vocabulary writes as one word, however the source spells it elsewhere", () => {
    expect(restoreCompounds('Fine-tune pretrained models on specific tasks.', lexicon)).toBe('Fine-tune pretrained models on specific tasks.');
    expect(restoreCompounds('Fine-tune pretrained models.', buildLexicon([part6]))).toBe('Fine-tune pre-trained models.');
  });
});
