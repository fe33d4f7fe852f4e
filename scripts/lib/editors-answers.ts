/**
 * The editors' merged answers (sources/answers.json), applied to the entries after grouping and curation, before
 * the corrections (editorial.ts).
 *
 * The automatic merge (merge-answer.ts) keeps every point of every source, which is what a new source needs; where
 * sources restate each other in other words, only an editor can write the one answer that says each point once.
 * An editors' answer replaces the automatic merge of its entry only while the entry's answers are exactly the ones
 * it was written from: when a new source joins the entry, the automatic merge (with the new source's points) is
 * shown and the ingest warns, so the editors revise it. Each point is credited to the sources that make it, as in
 * the automatic merge; the originals stay on the page as the sources gave them.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { matches } from './curate.ts';
import { EDITORS_CREDIT } from './editorial.ts';
import type { Entry } from './entries.ts';
import { IngestError } from './errors.ts';
import { parseUntrusted, serialise } from './markdown/untrusted.ts';
import { creditNodes } from './merge-answer.ts';
import type { Located, Problem } from './model.ts';
import { EDITORS_ANSWERS } from './read-sources.ts';
import type { EditorsAnswer } from './schema.ts';

/** The credit of a point that states an editors' correction (sources/corrections.json), as the merge words it. */
export const CORRECTION_CREDIT = 'correction';

const answerKey = (a: { source: string; line: number }) => `${a.source}:${a.line}`;

function fail(where: Located<EditorsAnswer>, message: string, fix: string): never {
  throw new IngestError(where.file, `answer ${where.index + 1} (${where.item.entry ?? where.item.question.question}): ${message}`, fix, where.line);
}

/** The answer's Markdown: consecutive points of a section under its heading, each point a credited bullet. */
function render(answer: EditorsAnswer, credit: (from: string[]) => PhrasingContent[]): string {
  const children: RootContent[] = [];
  let items: ListItem[] = [];
  let section: string | undefined;
  const flush = () => {
    if (items.length) children.push({ type: 'list', ordered: false, spread: false, children: items } as List);
    items = [];
  };
  for (const point of answer.points) {
    if (point.section !== section) {
      flush();
      section = point.section;
      if (section) children.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: section }] }] });
    }
    // Editors' Markdown is made MDX-safe the way source text is.
    const blocks = parseUntrusted(point.text).children;
    const credited: PhrasingContent[] = [{ type: 'text', value: ' ' }, ...credit(point.from)];
    const [only] = blocks;
    if (blocks.length === 1 && only!.type === 'paragraph') {
      items.push({ type: 'listItem', spread: false, children: [{ ...only, children: [...only.children, ...credited] } as Paragraph] });
      continue;
    }
    // A table or a formula stands on its own, between the lists, with its credit after it.
    flush();
    children.push(...blocks, { type: 'paragraph', children: credited.slice(1) });
  }
  flush();
  return serialise({ type: 'root', children } as Root);
}

/**
 * The entries with the editors' answers in place of the automatic merge where they still fit; an answer written
 * from other answers than its entry now has is reported and left out.
 */
export function applyEditorsAnswers(
  entries: readonly Entry[],
  answers: Located<EditorsAnswer>[],
  sourceOrder: string[],
  sourceName: (id: string) => string,
): { entries: Entry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const written = new Map<Entry, string>();
  for (const where of answers) {
    const answer = where.item;
    const entry = entries.find((e) => e.variants.some((v) => matches(v, answer.question)));
    if (!entry) {
      problems.push({ file: EDITORS_ANSWERS, line: where.line ?? 1, message: `answer ${where.index + 1} names "${answer.question.question}" in source "${answer.question.source}", which no question starts with` });
      continue;
    }
    if (written.has(entry)) fail(where, `entry "${entry.question}" already has an editors' answer`, 'keep one answer per entry: merge the two');
    const answered = entry.variants.filter((v) => v.answer);
    const now = answered.map(answerKey).sort();
    const then = answer.writtenFrom.map(answerKey).sort();
    if (now.join() !== then.join()) {
      problems.push({
        file: EDITORS_ANSWERS,
        line: where.line ?? 1,
        message: `answer ${where.index + 1} ("${entry.question}") was written from ${then.join(', ')}, but the entry's answers are now ${now.join(', ')}: the automatic merge is shown until the editors revise the answer and its "writtenFrom"`,
      });
      continue;
    }
    const sources = new Set(answered.map((v) => v.source));
    for (const point of answer.points) {
      const unknown = point.from.find((id) => id !== CORRECTION_CREDIT && !sources.has(id));
      if (unknown) fail(where, `a point is credited to "${unknown}", which does not answer this entry`, `credit only ${[...sources, CORRECTION_CREDIT].map((s) => `"${s}"`).join(', ')}`);
    }
    const uncredited = [...sources].find((id) => !answer.points.some((p) => p.from.includes(id)));
    if (uncredited) fail(where, `no point is credited to "${uncredited}", which answers this entry`, "every source's answer must be in the editors' answer: credit the points it makes");
    // Credited as the automatic merge credits, the editors' correction after the sources.
    const order = [...sourceOrder, CORRECTION_CREDIT];
    const name = (id: string) => (id === CORRECTION_CREDIT ? EDITORS_CREDIT : sourceName(id));
    written.set(entry, render(answer, (from) => creditNodes(new Set(from), order, name)));
  }
  return { entries: entries.map((e) => (written.has(e) ? { ...e, answer: written.get(e)!, editorsAnswer: true } : e)), problems };
}
