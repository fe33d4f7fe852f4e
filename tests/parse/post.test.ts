import { describe, expect, it } from 'vitest';
import { parsePost } from '../../scripts/lib/parse/post.ts';
import { fixture, manifestSource } from '../helpers/fixtures.ts';

// The fixtures are cut from this source; its manifest entry names its author and its platform's lines.
const source = manifestSource('llm-interview-post');
const answerText = (q: { answer: { text: string }[] | null }) => (q.answer ?? []).map((l) => l.text).join('\n');

describe('post layout', () => {
  it('keeps the recap questions of an earlier part as unanswered questions', () => {
    const { questions } = parsePost(fixture('post', 'recap-and-formulas'), source);
    const recap = questions.filter((q) => q.answer === null);
    expect(recap).toHaveLength(10);
    expect(recap[2]!.question).toBe('Explain the concept of "few-shot learning" in LLMs and its advantages.');
  });

  it('reads "Qn." questions answered after "Ans -"', () => {
    const { questions } = parsePost(fixture('post', 'recap-and-formulas'), source);
    const answered = questions.filter((q) => q.answer);
    expect(answered.map((q) => q.question)).toEqual(['What are positional encodings in the context of large language models?', 'What is Multi-head attention?']);
    expect(answered[0]!.answer![0]!.text).toMatch(/^Positional encodings are essential/);
  });

  it("drops the author's name and the topic label between questions", () => {
    const result = parsePost(fixture('post', 'recap-and-formulas'), source);
    expect(result.questions.map(answerText).join('\n')).not.toMatch(/Bhavishya Pandit|^LLM$/m);
    expect(result.removed["author's name"]).toBe(1);
  });

  it('drops figure labels but keeps a sub-heading that introduces its paragraph', () => {
    const { questions } = parsePost(fixture('post', 'figure-labels'), source);
    const nsp = answerText(questions.find((q) => q.question.startsWith('What is next sentence prediction'))!);
    expect(nsp).not.toMatch(/Repeat Process|Feed Two|Update Model|Classify|Training Cycle/);
    expect(nsp).toContain('During pre-training, the model is fed two sentences:');
  });

  it('drops the call to follow, like and share', () => {
    const result = parsePost(fixture('post', 'platform-text'), source);
    expect(result.questions.map(answerText).join('\n')).not.toMatch(/Follow for more|^LIKE$|^SHARE$/m);
    expect(result.removed['platform text (follow, like, share)']).toBe(3);
  });
});
