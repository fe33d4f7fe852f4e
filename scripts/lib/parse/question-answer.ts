/**
 * Layout `question-answer`: `N. Question: …` followed by `Answer: …`, the answer as prose or bullets,
 * sometimes broken across blank lines by the PDF extraction (the cleaner joins those).
 */
import { z } from 'zod';
import type { ParseResult } from './types.ts';
import { defineLayout, type SourceToParse } from './layout.ts';
import { emptyResult, preamble, sliceLines, trimBlankEnds } from './lines.ts';

const QUESTION_LINE = /^\s*(\d{1,3})\.\s*Question:\s*(.*\S)\s*$/i;
const ANSWER_LINE = /^\s*Answer:\s*/i;

export function parseQuestionAnswer(lines: string[], source: SourceToParse): ParseResult {
  const result = emptyResult();
  const starts = lines.flatMap((text, index) => (QUESTION_LINE.test(text) ? [index] : []));
  preamble(result, source, lines, starts[0] ?? lines.length);

  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const question = QUESTION_LINE.exec(lines[start]!)![2]!;
    const body = sliceLines(lines, start + 1, end);
    const marker = body.findIndex((l) => ANSWER_LINE.test(l.text));
    if (marker === -1) {
      result.problems.push({
        file: source.file,
        line: start + 1,
        message: 'question has no "Answer:" line; its following text is kept as the answer',
      });
    } else {
      // The "Answer:" marker may carry the first words of the answer on the same line.
      const first = body[marker]!;
      body[marker] = { line: first.line, text: first.text.replace(ANSWER_LINE, '') };
    }
    const answer = trimBlankEnds(body);
    result.questions.push({
      source: source.id,
      line: start + 1,
      question,
      answer: answer.length ? answer : null,
      answerForm: 'prose',
    });
  });
  return result;
}

export const questionAnswer = defineLayout({ name: 'question-answer', options: z.strictObject({}), parse: parseQuestionAnswer });
