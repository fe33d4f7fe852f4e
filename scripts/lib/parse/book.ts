/**
 * Layout `book` ("200 Questions About …"): front matter and a tab-separated table of contents, then
 * chapters of `Question N:` blocks, then a glossary (`- Term Definition`) and references.
 * PDF artifacts: running page headers with tabs and garbled letters between pages, "Chapter N" lines,
 * questions broken across lines ("transfer learn-" / "ing?"), and question and answer run together.
 */
import { z } from 'zod';
import type { ParseResult, SourceLine } from './types.ts';
import { defineLayout, type SourceToParse } from './layout.ts';
import { countRemoved, emptyResult, isBlank, notPlaced, trimBlankEnds } from './lines.ts';

const QUESTION_MARKER = /^Question\s+(\d{1,3}):\s*(.*)$/;
const CONTENTS_LINE = /^\d{1,2}\t(.+?)\t\d+$/;
const CHAPTER_LINE = /^Chapter\s+\d+$/;
/** Page headers and footers come out of the PDF as tab-separated, partly garbled lines. */
const isPageFurniture = (text: string) => text.includes('\t') || /^-{5,}/.test(text.trim());
/** A question runs over at most a few lines before its "?". */
const MAX_QUESTION_LINES = 3;

export function parseBook(lines: string[], source: SourceToParse): ParseResult {
  const result = emptyResult();
  const chapters = new Set(lines.flatMap((l) => CONTENTS_LINE.exec(l)?.[1] ?? []).map((t) => t.trim()));
  // Without a contents page (an excerpt), a chapter title is the short title-case line before a "Question 1:".
  lines.forEach((line, i) => {
    if (!/^Question\s+1:/.test(line.trim())) return;
    let k = i - 1;
    while (k >= 0 && isBlank(lines[k])) k--;
    const title = lines[k]?.trim() ?? '';
    if (/^[A-Z][\w,&' -]+$/.test(title) && title.split(/\s+/).length <= 10 && !CHAPTER_LINE.test(title)) chapters.add(title);
  });
  const glossaryAt = lines.findIndex((l, i) => l.trim() === 'Glossary' && i > 0 && lines.slice(0, i).some((x) => QUESTION_MARKER.test(x)));
  const referencesAt = lines.findIndex((l, i) => i > glossaryAt && l.trim() === 'References');
  const bodyEnd = glossaryAt === -1 ? lines.length : glossaryAt;

  const firstQuestion = lines.findIndex((l) => QUESTION_MARKER.test(l));
  countRemoved(result, 'front matter (title page, preface, contents)', lines.slice(0, Math.max(firstQuestion, 0)).filter((l) => !isBlank(l)).length);

  let section: string | undefined;
  let current: { marker: number; body: SourceLine[] } | undefined;
  const finish = () => {
    if (current) pushQuestion(result, source, current.marker, current.body, section);
    current = undefined;
  };
  // The first chapter title sits just before its first question, inside what was counted as front matter.
  for (let i = firstQuestion - 1; i >= 0; i--) {
    if (chapters.has(lines[i]!.trim())) {
      section = lines[i]!.trim();
      break;
    }
  }
  for (let i = Math.max(firstQuestion, 0); i < bodyEnd; i++) {
    const text = lines[i]!;
    const trimmed = text.trim();
    if (QUESTION_MARKER.test(trimmed)) {
      finish();
      current = { marker: i, body: [] };
      const rest = QUESTION_MARKER.exec(trimmed)![2]!;
      if (rest) current.body.push({ line: i + 1, text: rest });
      continue;
    }
    if (isPageFurniture(text)) {
      countRemoved(result, 'running page header');
      continue;
    }
    if (CHAPTER_LINE.test(trimmed)) {
      countRemoved(result, 'chapter number');
      continue;
    }
    if (chapters.has(trimmed)) {
      finish();
      section = trimmed;
      countRemoved(result, 'chapter title');
      continue;
    }
    if (current) current.body.push({ line: i + 1, text });
    else if (!isBlank(text)) notPlaced(result, source.file, i, text);
  }
  finish();

  if (glossaryAt !== -1) {
    countRemoved(result, 'glossary heading');
    const glossaryEnd = referencesAt === -1 ? lines.length : referencesAt;
    for (const item of listItems(lines, glossaryAt + 1, glossaryEnd)) {
      const term = splitGlossaryItem(item.text);
      if (term) result.terms.push({ source: source.id, line: item.line, ...term });
      else result.problems.push({ file: source.file, line: item.line, message: 'glossary item has no recognisable term; expected "- **Term** Definition"' });
    }
  }
  if (referencesAt !== -1) {
    countRemoved(result, 'references heading');
    result.references = joinBrokenReferences(listItems(lines, referencesAt + 1, lines.length).map((r) => r.text));
  }
  return result;
}

/** Splits a question block into the question (up to its "?") and the answer that follows. */
function pushQuestion(result: ParseResult, source: SourceToParse, marker: number, body: SourceLine[], section?: string) {
  const lines = body.filter((l) => !isBlank(l.text));
  const questionParts: SourceLine[] = [];
  let answerStart: SourceLine | undefined;
  for (const line of lines) {
    const mark = line.text.indexOf('?');
    if (mark !== -1) {
      questionParts.push({ line: line.line, text: line.text.slice(0, mark + 1) });
      const rest = line.text.slice(mark + 1).trim();
      if (rest) answerStart = { line: line.line, text: rest };
      break;
    }
    questionParts.push(line);
    if (questionParts.length >= MAX_QUESTION_LINES) break;
  }
  if (!questionParts.length) {
    result.problems.push({ file: source.file, line: marker + 1, message: '"Question N:" marker with no question after it' });
    return;
  }
  if (!questionParts.at(-1)!.text.includes('?')) {
    result.problems.push({ file: source.file, line: marker + 1, message: 'question does not end with "?" within three lines; kept as found' });
  }
  const lastQuestionLine = questionParts.at(-1)!.line;
  const after = body.filter((l) => l.line > lastQuestionLine);
  const answer = trimBlankEnds([...(answerStart ? [answerStart] : []), ...after]);
  result.questions.push({
    source: source.id,
    line: questionParts[0]!.line,
    question: questionParts.map((l) => l.text.trim()).join('\n'),
    answer: answer.length ? answer : null,
    answerForm: 'prose',
    section,
  });
}

/** `- item` lines in `[from, to)`; a line that does not start an item continues the previous one. */
function listItems(lines: string[], from: number, to: number): SourceLine[] {
  const items: SourceLine[] = [];
  for (let i = from; i < to; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    if (text.startsWith('- ')) items.push({ line: i + 1, text: text.slice(2).trim() });
    else if (items.length) items.at(-1)!.text += ` ${text}`;
  }
  return items;
}

/**
 * A glossary item is "Term Definition" with the term sometimes bold. Without bold, the definition starts
 * at the last capitalised word before the first lower-case word outside parentheses
 * ("Adapter Modules Lightweight trainable layers…" → "Adapter Modules" / "Lightweight trainable…").
 */
export function splitGlossaryItem(text: string): { term: string; definition: string } | undefined {
  const bold = /^\*\*(.+?)\*\*\s+(.+)$/.exec(text);
  if (bold) return { term: bold[1]!.trim(), definition: bold[2]!.trim() };
  const words = text.split(/\s+/);
  let depth = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const wasInside = depth > 0;
    depth += (word.match(/\(/g)?.length ?? 0) - (word.match(/\)/g)?.length ?? 0);
    if (wasInside || word.startsWith('(')) continue;
    if (/^[a-z]/.test(word)) {
      const start = i - 1;
      if (start < 1) return undefined;
      return { term: words.slice(0, start).join(' '), definition: words.slice(start).join(' ') };
    }
  }
  return undefined;
}

/** A reference broken across a page ends without a full stop; its tail arrives as the next item. */
function joinBrokenReferences(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const previous = out.at(-1);
    if (previous !== undefined && !/[.)]$/.test(previous.trim())) out[out.length - 1] = `${previous} ${item}`;
    else out.push(item);
  }
  return out;
}

export const book = defineLayout({ name: 'book', options: z.strictObject({}), parse: parseBook });
