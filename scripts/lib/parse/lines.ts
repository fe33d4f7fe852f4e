/** Small helpers every layout parser uses to walk a file's lines. */
import type { ParseResult, SourceLine } from './types.ts';

export const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** Index of the first non-blank line at or after `from`, or `lines.length`. */
export function nextNonBlank(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i])) i++;
  return i;
}

/** Lines `[from, to)` as numbered source lines, blank ones included (they separate paragraphs). */
export function sliceLines(lines: string[], from: number, to: number): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = from; i < to; i++) out.push({ line: i + 1, text: lines[i] ?? '' });
  return out;
}

/** Drops blank lines at both ends. */
export function trimBlankEnds(lines: SourceLine[]): SourceLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start]!.text)) start++;
  while (end > start && isBlank(lines[end - 1]!.text)) end--;
  return lines.slice(start, end);
}

export function emptyResult(): ParseResult {
  return { questions: [], terms: [], references: [], removed: {}, problems: [] };
}

export function countRemoved(result: ParseResult, reason: string, lines = 1): void {
  result.removed[reason] = (result.removed[reason] ?? 0) + lines;
}

export const NOT_PLACED = 'not placed (listed as warnings)';

/** A line the layout has no place for: kept out of the site, counted, and reported with its line number. */
export function notPlaced(result: ParseResult, file: string, index: number, text: string): void {
  countRemoved(result, NOT_PLACED);
  const shown = text.trim().length > 60 ? `${text.trim().slice(0, 57)}…` : text.trim();
  result.problems.push({ file, line: index + 1, message: `this line is not part of any question, answer, glossary item or reference, and was left out: "${shown}"` });
}

/** The title and anything else before the first question: the first line is the title, the rest is reported. */
export function preamble(result: ParseResult, source: { file: string }, lines: string[], end: number): void {
  let seenTitle = false;
  for (let i = 0; i < end; i++) {
    if (isBlank(lines[i])) continue;
    if (!seenTitle) {
      seenTitle = true;
      countRemoved(result, 'title');
    } else notPlaced(result, source.file, i, lines[i]!);
  }
}

/**
 * A layout whose questions start on the lines `starts`, each answered (as prose) by the lines up to the next:
 * `read` gives the question's wording and may mend its answer's lines. What comes before the first is the preamble.
 */
export function questionsAt(lines: string[], source: { id: string; file: string }, starts: number[], read: (start: number, answer: SourceLine[], result: ParseResult) => string): ParseResult {
  const result = emptyResult();
  preamble(result, source, lines, starts[0] ?? lines.length);
  starts.forEach((start, k) => {
    const body = sliceLines(lines, start + 1, starts[k + 1] ?? lines.length);
    const question = read(start, body, result);
    const answer = trimBlankEnds(body);
    result.questions.push({ source: source.id, line: start + 1, question, answer: answer.length ? answer : null, answerForm: 'prose' });
  });
  return result;
}
