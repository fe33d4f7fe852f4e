/**
 * What the editors wrote about each entry (sources/entries/<id>.md, read/entry-files.ts), applied once the entries
 * have their permanent ids:
 *
 * - the answer: an entry one source answers shows that answer; an entry whose file has an answer shows the
 *   editors' answer, which cites the original answers it was written from with footnotes. Answers the editors
 *   have not reviewed (a new source joined the entry) follow it verbatim, under "Also answered by …, not yet
 *   reviewed by the editors", and the ingest lists the entry until the editors revise the answer;
 * - corrections: what a source's answer gets wrong, quoted, with why and the references (the answer states it
 *   right); notes: something out of date or incomplete; references: the works the editors' answer draws on.
 *
 * Whatever a file names must be where it says: a question of this entry, a quote in that question's answer. A
 * file that comes loose from its entry stops the ingest, with every problem at its line.
 */
import type { Root, RootContent } from 'mdast';
import { error_, stopOnErrors } from '../shared/check.ts';
import { toString } from 'mdast-util-to-string';
import type { IdentifiedEntry } from '../entries/permalinks.ts';
import { type EntryFile, nameOf } from '../read/entry-files.ts';
import type { Problem } from '../shared/problem.ts';
import type { Variant } from '../clean/types.ts';
import { escapeText, parseUntrusted, rewriteMarkdown } from '../shared/markdown.ts';
import { listOf } from '../text/list.ts';
import { EDITORS, type Mistake, type Note } from '../read/schema.ts';

/** The plain text of Markdown, its blocks joined by spaces, whitespace collapsed: what a quote is matched on. */
export function plain(markdown: string): string {
  const parts: string[] = [];
  const walk = (node: RootContent) => {
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'code' || node.type === 'math') parts.push(toString(node));
    else if ('children' in node) node.children.forEach((c) => walk(c as RootContent));
  };
  parseUntrusted(markdown).children.forEach(walk);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** A quote in running text: its closing punctuation gives way to the sentence's. */
const quoted = (markdown: string) => `“${markdown.trim().replace(/[.:;,]+(\**)$/, '$1')}”`;
const editorMarkdown = rewriteMarkdown;

/** What the editors' files add to an entry. */
export interface Answered {
  /** The one source's answer, or the editors' citing answer with GFM footnotes, then those not yet reviewed; null when none. */
  readonly answer: Root | null;
  /** "In short": the editors' two or three sentences a candidate says first (Markdown). */
  readonly short?: string;
  /** The answer is the editors', written from two or more answers. */
  readonly editorsAnswer: boolean;
  /** Answers not yet reviewed (`source:line`), shown verbatim under the answer. */
  readonly awaitingEditors: readonly string[];
  /** The editors' corrections and notes. */
  readonly notes: Note[];
  /** The corrections as mistakes to avoid in an interview. */
  readonly mistakes: Mistake[];
}

export function applyEditorial<E extends IdentifiedEntry>(entries: readonly E[], files: readonly EntryFile[], sourceName: (id: string) => string): { entries: (E & Answered)[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const fileOf = new Map<E, EntryFile>();
  for (const file of files) {
    const entry = byId.get(file.id);
    if (!entry) {
      // Grouping decisions act by question names; a file holding only them still names the wrong entry.
      const named = file.data.holds?.[0]?.questions[0] ?? file.data.apart?.[0]?.questions[0];
      const holder = named && entries.find((e) => e.variants.some((v) => nameOf(v) === named));
      const message = `no entry has the id "${file.id}"${holder ? `; ${named} is in the entry "${holder.id}": rename the file sources/entries/${holder.id}.md` : ': name the file by the permanent id of the entry it is about (sources/entry-ids.json)'}`;
      const { heading, topic, answer, corrections, notes, short } = file.data;
      if (heading || topic || answer || corrections || notes || short) error_(file.vfile, message, 1, 'entry-id');
      else problems.push({ file: String(file.vfile.path), line: 1, message });
      continue;
    }
    fileOf.set(entry, file);
    checkInEntry(file, entry, byId);
  }
  stopOnErrors(files.map((f) => f.vfile));

  const result = entries.map((entry): E & Answered => {
    const file = fileOf.get(entry);
    const answered = entry.variants.filter((v) => v.answer);
    // The editors' own question is answered by the file's body, which may draw on the answers in `writtenFrom`.
    const own = answered.filter((v) => v.source === EDITORS).map(nameOf);
    const drawnOn = file?.data.answer && file.answer !== undefined ? file.data.answer.writtenFrom : own.length ? [] : answered.slice(0, 1).map(nameOf);
    const written = [...own, ...drawnOn];
    const awaiting = answered.filter((v) => !written.includes(nameOf(v)));
    if (awaiting.length) {
      problems.push({
        file: file?.vfile.path ?? `sources/entries/${entry.id}.md`,
        line: file?.answerLine ?? 1,
        message: `"${entry.question}": ${awaiting.map(nameOf).join(', ')} ${awaiting.length === 1 ? 'waits' : 'wait'} for the editors, shown as not yet reviewed: write the entry's answer from ${[...written, ...awaiting.map(nameOf)].join(', ')}`,
      });
    }
    const base = file?.answer ?? (answered[0] ? parseUntrusted(answered[0].answer!) : null);
    // The answers the editors have not reviewed follow, verbatim, each under who gave it.
    const unreviewed = awaiting.flatMap((v) => parseUntrusted(`**Also answered by ${escapeText(sourceName(v.source))}, not yet reviewed by the editors:**\n\n${v.answer}`).children);
    const answer: Root | null = base && awaiting.length ? { type: 'root', children: [...base.children, ...unreviewed] } : base;
    const { notes, mistakes } = file ? notesOf(file, entry, sourceName) : { notes: [], mistakes: [] };
    return {
      ...entry,
      answer,
      editorsAnswer: file?.answer !== undefined && written.length > 1,
      ...(file?.data.short ? { short: editorMarkdown(file.data.short) } : {}),
      notes,
      mistakes,
      awaitingEditors: awaiting.map(nameOf),
    };
  });
  stopOnErrors(files.map((f) => f.vfile));
  return { entries: result, problems };
}

/** Every question the file names is a question of its entry; its answer cites what it was written from. */
function checkInEntry(file: EntryFile, entry: IdentifiedEntry, byId: Map<string, IdentifiedEntry>): void {
  const here = new Set(entry.variants.map(nameOf));
  const elsewhere = (name: string) => [...byId.values()].find((e) => e.variants.some((v) => nameOf(v) === name));
  const check = (name: string, path: PropertyKey[]) => {
    if (here.has(name)) return;
    const other = elsewhere(name);
    if (other) error_(file.vfile, `${name} is in the entry "${other.id}", not in this one: move the decision to sources/entries/${other.id}.md, or hold the question here ("holds")`, file.lineOf(path), 'question-name');
  };
  const { heading, holds = [], apart = [], answer, corrections = [], notes = [] } = file.data;
  if (heading?.question) check(heading.question, ['heading', 'question']);
  holds.forEach((h, i) => h.questions.forEach((q, j) => check(q, ['holds', i, 'questions', j])));
  apart.forEach((a, i) => check(a.questions[0], ['apart', i, 'questions', 0]));
  corrections.forEach((c, i) => {
    check(c.question, ['corrections', i, 'question']);
    c.also?.forEach((a, j) => check(a.question, ['corrections', i, 'also', j, 'question']));
  });
  notes.forEach((n, i) => check(n.question, ['notes', i, 'question']));
  if (file.answer === undefined || (!answer && !file.questions.length)) {
    if (corrections.length) error_(file.vfile, 'the file corrects a source but has no answer: write the entry\'s answer with the right statement, citing "correction"', file.lineOf(['corrections']), 'answer');
    if (file.data.references) error_(file.vfile, 'the file has "references" but no answer: write the answer, citing "editors" where the editors add a point', file.lineOf(['references']), 'answer');
    return;
  }
  const answered = new Set(entry.variants.filter((v) => v.answer).map(nameOf));
  const writtenFrom = answer?.writtenFrom ?? [];
  writtenFrom.forEach((name, i) => {
    check(name, ['answer', 'writtenFrom', i]);
    if (here.has(name) && !answered.has(name)) error_(file.vfile, `${name} has no answer to write from`, file.lineOf(['answer', 'writtenFrom', i]), 'written-from');
  });
  const cited = new Set(file.citations.flatMap((c) => c.answers.map(nameOf)));
  for (const c of file.citations) {
    for (const a of c.answers) if (!writtenFrom.includes(nameOf(a))) error_(file.vfile, `[^${c.label}] cites ${nameOf(a)}, which is not in "writtenFrom"`, c.at, 'citation');
    if (c.correction && !corrections.length) error_(file.vfile, `[^${c.label}] cites "correction", but the file has no corrections`, c.at, 'citation');
    if (c.editors && !file.data.references) error_(file.vfile, `[^${c.label}] cites "editors", but the file has no "references": name the works the editors' points draw on`, c.at, 'citation');
  }
  // An answer written from several answers says which points each makes; one source's answer needs no citation.
  if (writtenFrom.length + (file.questions.length ? 1 : 0) > 1) {
    writtenFrom.forEach((name, i) => {
      if (!cited.has(name)) error_(file.vfile, `no point cites ${name}: every answer in "writtenFrom" must be in the editors' answer, cited where it makes a point`, file.lineOf(['answer', 'writtenFrom', i]), 'citation');
    });
  }
  // An answer written from the sources' says where each point comes from, so the page credits it.
  if (writtenFrom.length) {
    for (const line of file.uncited) {
      error_(file.vfile, 'this point cites nothing: cite the original answer it comes from ("[^part-6]"), or "[^ed]" for the editors\' own point with its work in "references"', line, 'citation');
    }
  }
  // An answer to the editors' own question draws on its references throughout; one written from sources' answers cites them where the editors add a point.
  if (file.data.references && answer && !file.citations.some((c) => c.editors)) {
    error_(file.vfile, 'the file has "references", but no point of the answer cites "editors": cite the points the editors added, e.g. "[^ed]" with "[^ed]: editors"', file.lineOf(['references']), 'citation');
  }
  if (corrections.length && !file.citations.some((c) => c.correction)) {
    error_(file.vfile, 'the answer cites no correction: cite the point that states it right, e.g. "[^fix]" with "[^fix]: correction"', file.answerLine, 'citation');
  }
}

/**
 * The entry's corrections and notes, each checked against the answer it quotes; and each correction as a mistake
 * a candidate should not make in an interview: what is often said (the source's words) and why it is wrong, with
 * who said it where (shown under "Sources and notes").
 */
function notesOf(file: EntryFile, entry: IdentifiedEntry, sourceName: (id: string) => string): { notes: Note[]; mistakes: Mistake[] } {
  const { corrections = [], notes = [] } = file.data;
  const quotedIn = (question: string, quote: string, path: PropertyKey[]): Variant | undefined => {
    const variant = entry.variants.find((v) => nameOf(v) === question);
    if (!variant) return undefined;
    if (!variant.answer || !plain(variant.answer).includes(plain(quote))) {
      error_(file.vfile, `the quote is not in the answer of ${question} ("${variant.question}"): quote it word for word, or remove it if the source no longer says it`, file.lineOf(path), 'quote');
    }
    return variant;
  };
  const mistakes: Mistake[] = [];
  const fixes = corrections.map((c, i): Note => {
    const said = [c, ...(c.also ?? [])].map((s, j) => ({ s, v: quotedIn(s.question, s.quote, j ? ['corrections', i, 'also', j - 1, 'quote'] : ['corrections', i, 'quote']) }));
    const source = (v: Variant | undefined) => `*${escapeText(sourceName(v?.source ?? ''))}*, line ${v?.line}`;
    const where = said.map(({ s, v }) => `${source(v)}, says ${quoted(editorMarkdown(s.quote))}`).join('; ');
    const why = editorMarkdown(c.problem);
    mistakes.push({ said: quoted(editorMarkdown(c.quote)), why, where: listOf(said.flatMap(({ v }) => (v ? [source(v)] : []))), refs: c.refs });
    return { kind: 'correction', text: `${where}. ${why}`, refs: c.refs };
  });
  const others = notes.map((n, i): Note => {
    quotedIn(n.question, n.quote, ['notes', i, 'quote']);
    return { kind: 'note', text: editorMarkdown(n.note), refs: n.refs };
  });
  const text = file.questions.length && !file.data.answer ? 'References for this answer:' : 'The points the editors added draw on:';
  const added: Note[] = file.data.references ? [{ kind: 'note', text, refs: file.data.references }] : [];
  return { notes: [...fixes, ...added, ...others], mistakes };
}
