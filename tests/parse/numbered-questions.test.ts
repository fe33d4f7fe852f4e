import { describe, expect, it } from 'vitest';
import { parseNumberedQuestions } from '../../scripts/lib/parse/numbered-questions.ts';
import { fixture, testSource } from '../helpers/fixtures.ts';

const source = testSource('numbered-questions');

describe('numbered-questions layout', () => {
  it('finds the questions of both lists when the numbering restarts at 1', () => {
    const { questions } = parseNumberedQuestions(fixture('numbered-questions', 'restart-and-table'), source);
    expect(questions.map((q) => q.question)).toEqual([
      'What are the key components of the Transformer architecture?',
      'Why is positional encoding used in Transformers?',
      'What is the role of the multi-head attention mechanism?',
      'How do residual connections improve the Transformer architecture?',
      'What is the difference between scaled dot-product attention and traditional attention?',
      'How is the feed-forward layer in Transformers implemented?',
      'What is the function of layer normalization in Transformers?',
      'What are the roles of the encoder and decoder in a Transformer?',
      'How does self-attention differ between the encoder and decoder in Transformers?',
      'Why is scaling (dividing by √d_k) used in attention mechanisms?',
      'How does learning rate scheduling optimize the training process of generative models over time?',
      'Explain transfer learning in the context of natural language processing (NLP). How do pre-trained language models contribute to various NLP tasks?',
      'Compare and contrast GPT and BERT.',
      'What issues in RNNs are addressed by transformer models?',
    ]);
  });

  it('keeps a question that ends with a period', () => {
    const { questions } = parseNumberedQuestions(fixture('numbered-questions', 'restart-and-table'), source);
    const table = questions.find((q) => q.question.endsWith('.') && q.question.startsWith('Compare'))!;
    expect(table.question).toBe('Compare and contrast GPT and BERT.');
    expect(table.answer!.some((l) => l.text.includes('Feature\tGPT\tBERT'))).toBe(true);
  });

  it('records the line each question starts on', () => {
    const { questions } = parseNumberedQuestions(fixture('numbered-questions', 'restart-and-table'), source);
    expect(questions[0]!.line).toBe(6);
    expect(questions[1]!.line).toBe(14);
  });

  it('skips missing numbers but not the numbered labels inside answers', () => {
    const { questions } = parseNumberedQuestions(fixture('numbered-questions', 'skipped-numbers-and-labels'), source);
    expect(questions.map((q) => q.question)).toEqual([
      'Why is multi-head attention essential in transformer models?',
      'What is catastrophic forgetting in LLMs, and how does it impact model performance?',
      'Primary functions of encoder and decoder in sequence-to-sequence transformers?',
      'Role of positional encoding in transformer models?',
      'Strategies for fine-tuning transformers for domain-specific tasks?',
      'How does cross-attention work in encoder-decoder models?',
    ]);
  });
});
