/**
 * Layout `question-answer`: `N. Question: …` followed by `Answer: …`, the answer as prose or bullets,
 * sometimes broken across blank lines by the PDF extraction (the cleaner joins those).
 */
import { z } from 'zod';
import type { ParseResult } from './types.ts';
import { defineLayout, type SourceToParse } from './layout.ts';
import { questionsAt } from './lines.ts';

const QUESTION_LINE = /^\s*(\d{1,3})\.\s*Question:\s*(.*\S)\s*$/i;
const ANSWER_LINE = /^\s*Answer:\s*/i;

export function parseQuestionAnswer(lines: string[], source: SourceToParse): ParseResult {
  const starts = lines.flatMap((text, index) => (QUESTION_LINE.test(text) ? [index] : []));
  return questionsAt(lines, source, starts, (start, body, result) => {
    const marker = body.findIndex((l) => ANSWER_LINE.test(l.text));
    if (marker === -1) {
      result.problems.push({ file: source.file, line: start + 1, message: 'question has no "Answer:" line; its following text is kept as the answer' });
    } else {
      // The "Answer:" marker may carry the first words of the answer on the same line.
      body[marker] = { line: body[marker]!.line, text: body[marker]!.text.replace(ANSWER_LINE, '') };
    }
    return QUESTION_LINE.exec(lines[start]!)![2]!;
  });
}

export const questionAnswer = defineLayout({ name: 'question-answer', options: z.strictObject({}), parse: parseQuestionAnswer });
