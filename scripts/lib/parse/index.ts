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

/** The layout of that name; the manifest was checked against `LAYOUTS`, so it exists. */
export function layoutNamed(name: string): (typeof LAYOUTS)[number] {
  const layout = LAYOUTS.find((l) => l.name === name);
  if (!layout) throw new Error(`unknown layout "${name}": use one of ${LAYOUT_NAMES.join(', ')}`);
  return layout;
}

export function parseSource(lines: string[], source: SourceToParse & { format: string }): ParseResult {
  return layoutNamed(source.format).parse(lines, source);
}
