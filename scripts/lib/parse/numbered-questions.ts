/**
 * Layout `numbered-questions` ("Part 6"): `N. Question?` lines, each followed by its answer as bullets or
 * prose. The numbering restarts for a second list and skips numbers; inner numbered lists ("1. Data
 * Alignment:") sit inside answers, so a numbered line only starts a question when it reads as one.
 */
import { z } from 'zod';
import type { ParseResult } from './types.ts';
import { defineLayout, type SourceToParse } from './layout.ts';
import { questionsAt } from './lines.ts';

const NUMBERED_LINE = /^(\d{1,3})\.\s+(\S.*?)\s*$/;
/** Numbers may skip a few (the source has no 13 or 23) but never jump far or go back, except a restart at 1. */
const MAX_SKIP = 3;

function questionNumber(text: string, previous: number): number | undefined {
  const match = NUMBERED_LINE.exec(text);
  if (!match) return undefined;
  const number = Number(match[1]);
  const body = match[2]!;
  // Inner list items are labels ("2. Applications:"); questions end with "?" or, once, with ".".
  if (!/[?.]$/.test(body) || body.split(/\s+/).length < 3) return undefined;
  // An excerpt may start at any number; after that, numbers run on.
  if (previous === 0 || number === 1 || (number > previous && number <= previous + MAX_SKIP)) return number;
  return undefined;
}

export function parseNumberedQuestions(lines: string[], source: SourceToParse): ParseResult {
  const starts: number[] = [];
  let previous = 0;
  lines.forEach((text, index) => {
    const number = questionNumber(text, previous);
    if (number !== undefined) {
      starts.push(index);
      previous = number;
    }
  });
  return questionsAt(lines, source, starts, (start) => NUMBERED_LINE.exec(lines[start]!)![2]!);
}

export const numberedQuestions = defineLayout({ name: 'numbered-questions', options: z.strictObject({}), parse: parseNumberedQuestions });
