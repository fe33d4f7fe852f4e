/** One parser per layout; a new layout is a new file here and a new name in `schema.ts` LAYOUTS. */
import type { ParseResult } from '../model.ts';
import type { Layout, Source } from '../schema.ts';
import { parseBook } from './book.ts';
import { parseFlashcards } from './flashcards.ts';
import { parseNumberedQuestions } from './numbered-questions.ts';
import { parsePost } from './post.ts';
import { parseQuestionAnswer } from './question-answer.ts';

export type Parser = (lines: string[], source: Source) => ParseResult;

export const parsers: Record<Layout, Parser> = {
  'numbered-questions': parseNumberedQuestions,
  'question-answer': parseQuestionAnswer,
  flashcards: parseFlashcards,
  book: parseBook,
  post: parsePost,
};

export function parseSource(lines: string[], source: Source): ParseResult {
  return parsers[source.format](lines, source);
}
