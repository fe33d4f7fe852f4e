/**
 * Layout `post`: social-media interview posts. `Qn. question` lines followed by `Ans - answer`; a recap list
 * (`- Qn. question`, no answers) of an earlier part; and what the post's images and platform left in the
 * text: figure labels, the author's name (manifest `author`) and the platform's own lines (manifest
 * `options.noise`). A short line is a figure label unless the next paragraph starts with its first word,
 * which makes it a sub-heading ("LoRA (Low-Rank Adaptation)" before "LoRA is a …").
 */
import { z } from 'zod';
import type { ParseResult, SourceLine } from './types.ts';
import { defineLayout, optionsOf, type SourceToParse } from './layout.ts';
import { countRemoved, emptyResult, isBlank, nextNonBlank, notPlaced, sliceLines, trimBlankEnds } from './lines.ts';

const QUESTION_LINE = /^\s*(?:[-•]\s+)?(?:\*\*)?Q(\d{1,3})\.(?:\*\*)?\s+(.*\S)\s*$/;
const ANSWER_MARKER = /^\s*Ans\s*[-–:]\s*/;
const MAX_LABEL_WORDS = 6;
const PLATFORM_TEXT = 'platform text (follow, like, share)';

const PostOptions = z.strictObject({
  /**
   * Lines the platform put around the post ("Follow for more AI/ML posts", "LIKE"), as they stand in the file:
   * a line that is one of them, once trimmed, is dropped wherever it is.
   */
  noise: z.array(z.string().trim().min(1)).default([]),
});

export function parsePost(lines: string[], source: SourceToParse): ParseResult {
  const result = emptyResult();
  const noise = new Set(optionsOf(source, PostOptions).noise);
  const starts = lines.flatMap((text, index) => (QUESTION_LINE.test(text) ? [index] : []));
  const used = new Set<number>();

  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const question = QUESTION_LINE.exec(lines[start]!)![2]!;
    used.add(start);
    const next = nextNonBlank(lines, start + 1);
    const answered = next < end && ANSWER_MARKER.test(lines[next]!);
    if (!answered) {
      result.questions.push({ source: source.id, line: start + 1, question, answer: null, answerForm: 'prose' });
      return;
    }
    const body = sliceLines(lines, next, end);
    body[0] = { line: body[0]!.line, text: body[0]!.text.replace(ANSWER_MARKER, '') };
    body.forEach((l) => used.add(l.line - 1));
    const kept = dropNoise(body, source, noise, result);
    result.questions.push({ source: source.id, line: start + 1, question, answer: trimBlankEnds(kept), answerForm: 'prose' });
  });
  // Whatever is outside the questions and answers is the post's framing: titles, calls to action.
  lines.forEach((text, index) => {
    if (used.has(index) || isBlank(text)) return;
    const framing = classifyFraming(text, source, noise);
    if (framing) countRemoved(result, framing);
    else notPlaced(result, source.file, index, text);
  });
  return result;
}

function classifyFraming(text: string, source: SourceToParse, noise: Set<string>): string | undefined {
  const trimmed = text.trim();
  if (source.author && trimmed === source.author) return "author's name";
  if (noise.has(trimmed)) return PLATFORM_TEXT;
  return undefined;
}

/** The answer's lines without the post's framing and its figure labels, each counted. */
function dropNoise(body: SourceLine[], source: SourceToParse, noise: Set<string>, result: ParseResult): SourceLine[] {
  return body.filter((line, i) => {
    const dropped = !isBlank(line.text) && (classifyFraming(line.text, source, noise) ?? (isFigureLabel(body, i) ? 'figure label' : undefined));
    if (dropped) countRemoved(result, dropped);
    return !dropped;
  });
}

function isFigureLabel(body: SourceLine[], i: number): boolean {
  const trimmed = body[i]!.text.trim();
  const words = trimmed.split(/\s+/);
  if (words.length > MAX_LABEL_WORDS) return false;
  if (/[.?!:;,]$/.test(trimmed) || /^[-•*]\s|^\d+\.\s|^\$|\$$/.test(trimmed)) return false;
  // A sub-heading introduces a paragraph about the thing it names.
  const nextIndex = body.findIndex((l, j) => j > i && !isBlank(l.text));
  const nextText = nextIndex === -1 ? '' : body[nextIndex]!.text.trim();
  const head = words[0]!.replace(/[^\p{L}\p{N}]/gu, '');
  const nextWords = nextText.split(/\s+/);
  if (head.length > 1 && nextWords.length > MAX_LABEL_WORDS && nextWords[0]!.replace(/[^\p{L}\p{N}]/gu, '') === head) return false;
  return true;
}

export const post = defineLayout({ name: 'post', options: PostOptions, parse: parsePost });
