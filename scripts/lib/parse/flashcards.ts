/**
 * Layout `flashcards`: a deck export. Each card starts with its number on a line of its own; early cards
 * have `Q` / `A` marker lines and one point per block, followed by the deck site's self-rating widget
 * (its lines are the manifest's `options.ratingWidget`). Later cards lost the markers: the
 * question is the line after the number and the answer's points are run together on the next line.
 */
import { z } from 'zod';
import type { ParseResult, SourceLine } from './types.ts';
import { defineLayout, optionsOf, type SourceToParse } from './layout.ts';
import { countRemoved, emptyResult, isBlank, nextNonBlank, sliceLines, trimBlankEnds } from './lines.ts';

const FlashcardsOptions = z.strictObject({
  /**
   * The lines of the self-rating widget the deck site prints after each card, as they stand in the file: its
   * prompt first, then its ratings in order; the widget ends at the last of them.
   * @example ["How well did you know this?", "1", "Not at all", "2", "3", "4", "5", "Perfectly"]
   */
  ratingWidget: z.array(z.string().trim().min(1)).min(2).optional(),
});

interface Widget {
  prompt: string;
  ratings: Set<string>;
  last: string;
}

export function parseFlashcards(lines: string[], source: SourceToParse): ParseResult {
  const result = emptyResult();
  const widget = widgetOf(optionsOf(source, FlashcardsOptions).ratingWidget);
  const trimmed = lines.map((l) => l.trim());
  const starts: number[] = [];
  const isCardNumber = (i: number) => /^\d{1,4}$/.test(trimmed[i]!) && !isBlank(trimmed[nextNonBlank(trimmed, i + 1)]);
  // A deck export starts at card 1, but an excerpt may start anywhere: count on from the first card number.
  const first = trimmed.findIndex((_, i) => isCardNumber(i) && !isInsideWidget(trimmed, i, widget));
  let expected = first === -1 ? 1 : Number(trimmed[first]);
  const widgetLines = new Set<number>();

  for (let i = 0; i < trimmed.length; i++) {
    if (widget && trimmed[i] === widget.prompt) {
      widgetLines.add(i);
      // The widget ends at its last rating; the card number right after it looks like a rating otherwise.
      while (i + 1 < trimmed.length && widget.ratings.has(trimmed[i + 1]!)) {
        widgetLines.add(++i);
        if (trimmed[i] === widget.last) break;
      }
      continue;
    }
    if (trimmed[i] === String(expected) && isCardNumber(i)) {
      starts.push(i);
      expected++;
    }
  }
  countRemoved(result, 'self-rating widget', widgetLines.size);
  countRemoved(result, 'deck title', trimmed.slice(0, starts[0] ?? 0).filter((l) => !isBlank(l)).length);

  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? trimmed.length;
    const card = sliceLines(lines, start + 1, end).filter((l) => !widgetLines.has(l.line - 1));
    countRemoved(result, 'card number');
    const cardLine = start + 1;
    const marked = card.find((l) => !isBlank(l.text))?.text.trim() === 'Q';
    if (marked) {
      const qIndex = card.findIndex((l) => l.text.trim() === 'Q');
      const aIndex = card.findIndex((l, i) => i > qIndex && l.text.trim() === 'A');
      countRemoved(result, 'Q/A marker', aIndex === -1 ? 1 : 2);
      const questionLines = trimBlankEnds(card.slice(qIndex + 1, aIndex === -1 ? card.length : aIndex));
      const answer = aIndex === -1 ? [] : trimBlankEnds(card.slice(aIndex + 1));
      if (aIndex === -1) {
        result.problems.push({ file: source.file, line: cardLine, message: `card ${k + 1} has a "Q" marker but no "A" marker` });
      }
      pushCard(result, source, questionLines, answer, 'points');
    } else {
      const nonBlank = card.filter((l) => !isBlank(l.text));
      pushCard(result, source, nonBlank.slice(0, 1), nonBlank.slice(1), 'run-together');
    }
  });
  return result;
}

/** True for the rating lines of a widget whose prompt is above the excerpt's first line. */
function isInsideWidget(lines: string[], i: number, widget: Widget | undefined): boolean {
  if (!widget) return false;
  for (let k = i; k < lines.length && widget.ratings.has(lines[k]!); k++) if (lines[k] === widget.last) return true;
  return false;
}

function widgetOf(lines: string[] | undefined): Widget | undefined {
  return lines && { prompt: lines[0]!, ratings: new Set(lines.slice(1)), last: lines.at(-1)! };
}

function pushCard(
  result: ParseResult,
  source: SourceToParse,
  questionLines: SourceLine[],
  answer: SourceLine[],
  answerForm: 'points' | 'run-together',
): void {
  const first = questionLines[0];
  if (!first) return;
  result.questions.push({
    source: source.id,
    line: first.line,
    question: questionLines.map((l) => l.text.trim()).join('\n'),
    answer: answer.length ? answer : null,
    answerForm,
  });
}

export const flashcards = defineLayout({ name: 'flashcards', options: FlashcardsOptions, parse: parseFlashcards });
