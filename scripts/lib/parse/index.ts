/**
 * The layouts the ingest reads, registered here and nowhere else: the manifest's `format` is checked against
 * this list and picks the parser. A new layout is a parser file that defines it (`defineLayout`), a line here,
 * and a fixture folder in tests/fixtures/.
 */
import type { ParseResult } from './types.ts';
import { book } from './book.ts';
import type { SourceToParse } from './layout.ts';
import { flashcards } from './flashcards.ts';
import { numberedQuestions } from './numbered-questions.ts';
import { post } from './post.ts';
import { questionAnswer } from './question-answer.ts';

export const LAYOUTS = [numberedQuestions, questionAnswer, flashcards, book, post] as const;

/** Parses a source with the layout its manifest entry names (checked against `LAYOUTS` when the manifest was read). */
export function parseSource(lines: string[], source: SourceToParse & { format: string }): ParseResult {
  const layout = LAYOUTS.find((l) => l.name === source.format);
  if (!layout) throw new Error(`unknown layout "${source.format}": use one of ${LAYOUTS.map((l) => l.name).join(', ')}`);
  return layout.parse(lines, source);
}
