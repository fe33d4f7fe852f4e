/**
 * The resemblance the grouping decides by and the review queue ranks by, on real questions, rarity counted over
 * every question of the site: rewordings of one question resemble each other more than questions that only share
 * a concept, and a question without an answer is judged on its wording.
 */
import { describe, expect, it } from 'vitest';
import { buildConceptIndex, repositoryData, type Variant } from '../../scripts/lib/index.ts';
import { resemblanceAmong } from '../../scripts/lib/group/resemblance.ts';
import { realKnowledgeBase } from '../helpers/kb.ts';

const { vocabulary, senses } = repositoryData();
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
const recap = variant('llm-interview-post', 7, 'What are Large Language Models?', null);
const editors = variant('editors', 1, 'What are Large Language Models?', 'A large language model is a Transformer trained on a large text corpus to predict the next token.');

const corpus = realKnowledgeBase().entries.flatMap((e) => e.variants);
const { parts } = resemblanceAmong([...corpus, avoid, mitigate, strategies, recap, editors], buildConceptIndex(vocabulary), senses);

describe('the resemblance of two questions', () => {
  it('is higher for two wordings of one question than for two questions that share only a concept', () => {
    const same = parts(avoid, mitigate);
    const different = parts(avoid, strategies);
    expect(same.answers).toBeGreaterThan(0.2);
    expect(same.answers).toBeGreaterThan(different.answers);
    expect(same.score).toBeGreaterThan(different.score);
  });

  it('judges a question with no answer by its wording: the same words resemble fully, with no answer to set against', () => {
    const { questions, answers, score } = parts(recap, editors);
    expect(questions).toBeCloseTo(1, 10);
    expect(answers).toBe(questions);
    expect(score).toBeGreaterThanOrEqual(0.8);
  });
});
