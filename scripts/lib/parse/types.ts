/** What the parse stage hands on: a source's questions, terms and references as its layout's parser found them. */
import type { Problem } from '../shared/problem.ts';

/** One line of a source file, with its 1-based line number for messages and `kb.json`. */
export interface SourceLine {
  line: number;
  text: string;
}

/**
 * How a parser found an answer laid out, so the cleaner knows how to restore its structure:
 * - `prose`: Markdown-ish lines (paragraphs, bullets, tables) broken by the PDF extraction;
 * - `points`: every blank-separated block is one point of a list (flashcards with Q/A markers);
 * - `run-together`: the points of a list were run together on one line (flashcards from card 25).
 */
export type AnswerForm = 'prose' | 'points' | 'run-together';

/** A question as a parser found it: raw text, nothing cleaned yet. */
export interface ParsedQuestion {
  source: string;
  /** Line where the question starts. */
  line: number;
  /** The question's raw text, its lines joined by "\n". */
  question: string;
  /** Raw answer lines; `null` when the source gives no answer (the post's recap list). */
  answer: SourceLine[] | null;
  answerForm: AnswerForm;
  /** The chapter or part the question sits in, when the layout has one. */
  section?: string;
}

/** A glossary item of a source (the book's glossary). */
export interface ParsedTerm {
  source: string;
  line: number;
  term: string;
  definition: string;
}

export interface ParseResult {
  questions: ParsedQuestion[];
  terms: ParsedTerm[];
  /** Bibliography lines, kept for the sources page. */
  references: string[];
  /** Lines dropped as extraction noise (page headers, widgets, figure labels), counted per reason. */
  removed: Record<string, number>;
  problems: Problem[];
}
