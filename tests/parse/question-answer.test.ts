import { describe, expect, it } from 'vitest';
import { parseQuestionAnswer } from '../../scripts/lib/parse/question-answer.ts';
import { fixture, testSource } from '../helpers/fixtures.ts';

const source = testSource('question-answer');

describe('question-answer layout', () => {
  it('reads "N. Question:" lines and strips the marker', () => {
    const { questions } = parseQuestionAnswer(fixture('question-answer', 'prose-and-bullets'), source);
    expect(questions).toHaveLength(12);
    expect(questions[1]!.question).toBe('What is Multi-query attention?');
    expect(questions[1]!.line).toBe(11);
  });

  it('keeps the words on the "Answer:" line as the start of the answer', () => {
    const { questions } = parseQuestionAnswer(fixture('question-answer', 'prose-and-bullets'), source);
    expect(questions[1]!.answer![0]!.text).toMatch(/^Multi-query attention is an extension/);
  });

  it('keeps a bullet answer that starts on the line after "Answer:"', () => {
    const { questions } = parseQuestionAnswer(fixture('question-answer', 'prose-and-bullets'), source);
    const bullets = questions[0]!.answer!.filter((l) => l.text.startsWith('- '));
    expect(bullets).toHaveLength(3);
  });

  it('keeps both halves of an answer the extraction broke across a blank line', () => {
    const { questions } = parseQuestionAnswer(fixture('question-answer', 'broken-paragraphs'), source);
    const long = questions.find((q) => q.question.startsWith('What are the challenges in applying'))!;
    const text = long.answer!.map((l) => l.text).join('\n');
    expect(text).toContain('or local attention');
    expect(text).toContain('mechanisms like sliding window attention');
  });
});
