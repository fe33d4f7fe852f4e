/**
 * The evidence the review queue ranks by, on real questions: rewordings of one question score above questions
 * that only share a concept, and a question without an answer is judged on its wording alone.
 */
import { describe, expect, it } from 'vitest';
import { repositoryData } from '../../scripts/lib/index.ts';
import { buildConceptIndex } from '../../scripts/lib/text/concepts.ts';
import { evidenceOf } from '../../scripts/lib/group/evidence.ts';
import type { Variant } from '../../scripts/lib/clean/types.ts';

const VOCABULARY = repositoryData().vocabulary;

const { compare } = evidenceOf(buildConceptIndex(VOCABULARY));
const variant = (source: string, line: number, question: string, answer: string | null): Variant => ({ source, line, question, answer });

// flashcards:541, llm-interview-post:134 and 200-questions:561 (answers abridged from the sources).
const avoid = variant('flashcards', 541, 'How do you avoid catastrophic forgetting during fine-tuning?', '- Lower learning rate\n- Freeze lower layers\n- Use regularization (e.g., EWC)\n- Mix original pretraining data');
const mitigate = variant(
  'llm-interview-post',
  134,
  'How can catastrophic forgetting be mitigated in large language models (LLMs)?',
  'Catastrophic forgetting happens when an LLM forgets previously learned tasks while learning new ones. Mitigation strategies include rehearsal methods (mixing old and new data), elastic weight consolidation (EWC) and modular approaches that freeze layers.',
);
const strategies = variant('200-questions', 561, 'What are the main strategies for fine-tuning transformers?', 'Strategies include full fine-tuning, freezing some layers, gradual unfreezing, and using adapters or LoRA for parameter-efficient tuning.');

describe('grouping evidence', () => {
  it('scores two wordings of one question above two questions that share only a concept', () => {
    const same = compare(avoid, mitigate);
    const different = compare(avoid, strategies);
    expect(same.questionConcepts).toBeGreaterThanOrEqual(0.5);
    expect(same.answerWords).toBeGreaterThan(0.2);
    expect(same.answerWords).toBeGreaterThan(different.answerWords);
    expect(same.score).toBeGreaterThan(different.score);
  });

  it('judges a question with no answer by its wording: the same words are strong evidence even with no concept named', () => {
    const recap = variant('llm-interview-post', 7, 'What are Large Language Models?', null);
    const editors = variant('editors', 1, 'What are Large Language Models?', 'A large language model is a Transformer trained on a large text corpus to predict the next token.');
    const evidence = compare(recap, editors);
    expect(evidence.questionWords).toBe(1);
    expect(evidence.score).toBe(1);
  });
});
