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

export type Layout = (typeof LAYOUTS)[number]['name'];
export const LAYOUT_NAMES = LAYOUTS.map((l) => l.name) as [Layout, ...Layout[]];

export function layoutNamed(name: Layout): (typeof LAYOUTS)[number] {
  return LAYOUTS.find((l) => l.name === name)!;
}

export function parseSource(lines: string[], source: SourceToParse & { format: Layout }): ParseResult {
  return layoutNamed(source.format).parse(lines, source);
}
