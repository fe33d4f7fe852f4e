/**
 * Every entry's heading is a full question: it starts with a question word or an auxiliary and ends with "?",
 * or it is a scenario whose last sentence is such a question. No fragment ("Sparse vs. dense loss functions?"),
 * no instruction ("Name …"), no statement word order ("How BERT is bi-directional?").
 */
import { describe, expect, it } from 'vitest';
import { realKnowledgeBase } from './helpers/kb.ts';

const QUESTION_WORD = /^(?:what|why|how|when|which|where|who|whom|whose)\b/i;
const AUXILIARY = /^(?:is|are|was|were|do|does|did|can|could|would|will|should|shall|may|might|must|has|have|had)\b/i;
const AUXILIARIES = "is|are|was|were|do|does|did|can|could|would|will|should|shall|may|might|must|has|have|had|isn't|aren't|don't|doesn't|didn't|can't|won't|shouldn't|wouldn't";
/** How, why, when and where take an auxiliary next ("How does …", "How many …"), else the order is a statement's. */
const INVERTED = new RegExp(`^(?:how\\s+(?:much|many|long|often|far|well|${AUXILIARIES})|(?:why|when|where)\\s+(?:${AUXILIARIES}))(?![\\w'])`, 'i');

function isQuestion(sentence: string): boolean {
  if (!sentence.endsWith('?') || !(QUESTION_WORD.test(sentence) || AUXILIARY.test(sentence))) return false;
  return !/^(?:how|why|when|where)\b/i.test(sentence) || INVERTED.test(sentence);
}

/** The heading itself is a question, or a scenario ("Training loss plateaus. What …?") ending in one. */
function isFullQuestion(heading: string): boolean {
  if (isQuestion(heading)) return true;
  const sentences = heading.split(/(?<=[.!?])\s+(?=[A-Z])/);
  return sentences.length > 1 && isQuestion(sentences.at(-1)!) && sentences.slice(0, -1).every((s) => /[.]$/.test(s));
}

describe('entry headings', () => {
  it('recognises full questions and scenarios, and refuses fragments, instructions and statement order', () => {
    for (const good of ['What is BERT?', 'How is BERT bidirectional?', 'How many heads are used?', 'Can LoRA adapters be swapped?', 'Training loss plateaus. What are possible solutions?']) {
      expect(isFullQuestion(good), good).toBe(true);
    }
    for (const bad of ['Sparse vs. dense loss functions in language models?', 'Role of positional encoding in transformer models?', 'How BERT is bi-directional?', 'Name common strategies.', 'Training loss plateaus. Possible solutions?', 'What is BERT']) {
      expect(isFullQuestion(bad), bad).toBe(false);
    }
  });

  it('are all full questions in the built knowledge base', () => {
    const { kb } = realKnowledgeBase();
    expect(kb.entries.map((e) => e.question).filter((q) => !isFullQuestion(q))).toEqual([]);
  });

  it('credit the editors where they worded the heading, and keep every source wording as a variant', () => {
    const { kb } = realKnowledgeBase();
    for (const e of kb.entries) {
      if (e.editorsWording) expect(e.variants.map((v) => v.question), e.id).not.toContain(e.question);
      else expect(e.variants.map((v) => v.question), e.id).toContain(e.question);
    }
    expect(kb.entries.find((e) => e.variants.some((v) => v.question === 'How BERT is bi-directional?'))!.question).toBe('How is BERT bidirectional?');
  });
});
