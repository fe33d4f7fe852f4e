import { describe, expect, it } from 'vitest';
import { parseFlashcards } from '../../scripts/lib/parse/flashcards.ts';
import { fixture, manifestSource } from '../helpers/fixtures.ts';

// The fixtures are cut from this deck; its manifest entry gives the lines of its self-rating widget.
const source = manifestSource('flashcards');

describe('flashcards layout', () => {
  it('reads cards with Q/A markers and drops the self-rating widget', () => {
    const result = parseFlashcards(fixture('flashcards', 'marked-cards'), source);
    expect(result.questions.map((q) => q.question)).toEqual([
      'Why were Transformers introduced?',
      'How do Transformers achieve parallelization?',
      'What are the main limitations of RNNs/LSTMs that Transformers overcome?',
    ]);
    const answerText = result.questions.flatMap((q) => q.answer!.map((l) => l.text)).join('\n');
    expect(answerText).not.toMatch(/How well did you know this|Not at all|Perfectly/);
    expect(result.removed['self-rating widget']).toBe(24);
  });

  it('marks answers of marked cards as one point per block', () => {
    const [first] = parseFlashcards(fixture('flashcards', 'marked-cards'), source).questions;
    expect(first!.answerForm).toBe('points');
    expect(first!.answer!.filter((l) => l.text.trim())).toHaveLength(3);
  });

  it('reads cards whose markers are gone: the question line, then the run-together answer', () => {
    const { questions } = parseFlashcards(fixture('flashcards', 'markers-lost'), source);
    const card25 = questions.find((q) => q.question.startsWith('Training loss plateaus'))!;
    expect(card25.answerForm).toBe('run-together');
    expect(card25.answer!.map((l) => l.text)).toEqual([
      'Learning rate schedule / warmup Better initialization Larger batch size or gradient accumulation Mixed precision for efficiency Layer-wise learning rate decay',
    ]);
  });

  it('reads cards with no widget after them (cards 23 and 24)', () => {
    const { questions } = parseFlashcards(fixture('flashcards', 'markers-lost'), source);
    expect(questions.map((q) => q.question)).toContain('LLM generates incorrect facts. How does RAG help?');
    expect(questions.find((q) => q.question.startsWith('LLM generates'))!.answer).toHaveLength(5);
  });

  it('starts counting cards at the first card of an excerpt', () => {
    const { questions } = parseFlashcards(fixture('flashcards', 'truncated-and-prose'), source);
    expect(questions.map((q) => q.question)).toEqual([
      'Can LoRA adapters be swapped or shared across tasks?',
      'You fine-tune an LLM on domain-specific QA using LoRA, but it underperforms. What can you do?',
      'ou want to support multiple domains on one LLM efficiently. How does LoRA help?',
      'Why is masking needed',
    ]);
  });
});
