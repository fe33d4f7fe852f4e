/**
 * The editors' merged answers (sources/answers.json), applied to the entries after grouping and curation, before
 * the corrections (editorial.ts).
 *
 * The automatic merge (merge-answer.ts) keeps every point of every source, which is what a new source needs; where
 * sources restate each other in other words, only an editor can write the one answer that says each point once.
 * An editors' answer replaces the automatic merge of its entry while the entry still has every answer it was
 * written from. When a new source joins the entry, the editors' answer stays (it says each point once, which the
 * automatic merge of the editors' sources may not): the new source is credited on the points of it that it makes
 * too, and its other points follow under a heading that says the editors have not reviewed them yet; the ingest
 * warns, so the editors revise the answer. When an answer it was written from has left the entry, the automatic
 * merge is shown instead. Each point is credited to the sources that make it, as in the automatic merge; the
 * originals stay on the page as the sources gave them.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { matches } from './curate.ts';
import { EDITORS_CREDIT } from './editorial.ts';
import type { Entry } from './entries.ts';
import { IngestError } from './errors.ts';
import { parseUntrusted, serialise } from './markdown/untrusted.ts';
import { creditNodes, type MergeContext, mergePoints } from './merge-answer.ts';
import type { Located, Problem, Variant } from './model.ts';
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

/** The source id a point of an editors' answer stands under while it is compared with a newcomer's points. */
const EDITORS_POINT = '\u0000editors-point:';

/**
 * The editors' answer with the points of sources that joined its entry since it was written: a newcomer's point
 * that restates one of the answer's (the merge's own test of a restatement, merge-answer.ts) credits the newcomer
 * there; the newcomer's other points follow, in a section of their own.
 */
function withNewcomers(answer: EditorsAnswer, question: string, newcomers: Variant[], names: string, context?: MergeContext): EditorsAnswer {
  const points = answer.points.map((p) => ({ ...p, from: [...p.from] }));
  const stand = points.map((p, i): Variant => ({ source: `${EDITORS_POINT}${i}`, line: 0, question, answer: p.text }));
  const further: EditorsAnswer['points'] = [];
  for (const merged of mergePoints([...stand, ...newcomers], context)) {
    const restated = merged.sources.filter((id) => id.startsWith(EDITORS_POINT)).map((id) => Number(id.slice(EDITORS_POINT.length)));
    const by = merged.sources.filter((id) => !id.startsWith(EDITORS_POINT));
    if (!by.length) continue;
    if (restated.length) for (const i of restated) points[i]!.from = [...new Set([...points[i]!.from, ...by])];
    else further.push({ section: `Further points from ${names}, not yet reviewed by the editors`, text: merged.markdown, from: by });
  }
  return { ...answer, points: [...points, ...further] };
}

/**
 * The entries with the editors' answers in place of the automatic merge where they still fit: an answer whose
 * entry has gained answers since keeps them as further points (withNewcomers), one whose entry has lost an answer
 * it was written from is left out; both are reported.
 */
export function applyEditorsAnswers(
  entries: readonly Entry[],
  answers: Located<EditorsAnswer>[],
  sourceOrder: string[],
  sourceName: (id: string) => string,
  context?: MergeContext,
): { entries: Entry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  /** Per entry: the editors' answer as shown, and the answers that joined since it was written. */
  const written = new Map<Entry, { answer: string; awaiting: string[] }>();
  for (const where of answers) {
    const answer = where.item;
    const entry = entries.find((e) => e.variants.some((v) => matches(v, answer.question)));
    if (!entry) {
      problems.push({ file: EDITORS_ANSWERS, line: where.line ?? 1, message: `answer ${where.index + 1} names "${answer.question.question}" in source "${answer.question.source}", which no question starts with` });
      continue;
    }
    if (written.has(entry)) fail(where, `entry "${entry.question}" already has an editors' answer`, 'keep one answer per entry: merge the two');
    const then = answer.writtenFrom.map(answerKey).sort();
    const answered = entry.variants.filter((v) => v.answer && then.includes(answerKey(v)));
    const newcomers = entry.variants.filter((v) => v.answer && !then.includes(answerKey(v)));
    const now = entry.variants.filter((v) => v.answer).map(answerKey).sort();
    if (answered.length < then.length) {
      problems.push({
        file: EDITORS_ANSWERS,
        line: where.line ?? 1,
        message: `answer ${where.index + 1} ("${entry.question}") was written from ${then.join(', ')}, but the entry's answers are now ${now.join(', ')}: the automatic merge is shown until the editors revise the answer and its "writtenFrom"`,
      });
      continue;
    }
    if (newcomers.length) {
      problems.push({
        file: EDITORS_ANSWERS,
        line: where.line ?? 1,
        message: `answer ${where.index + 1} ("${entry.question}") was written from ${then.join(', ')}; ${newcomers.map(answerKey).join(', ')} joined the entry since: their further points follow the editors' answer until the editors revise it and its "writtenFrom"`,
      });
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
    const names = [...new Set(newcomers.map((v) => v.source))].map(sourceName).join(', ');
    const shown = newcomers.length ? withNewcomers(answer, entry.question, newcomers, names, context) : answer;
    written.set(entry, { answer: render(shown, (from) => creditNodes(new Set(from), order, name)), awaiting: newcomers.map(answerKey) });
  }
  return {
    entries: entries.map((e) => {
      const shown = written.get(e);
      if (!shown) return e;
      return { ...e, answer: shown.answer, editorsAnswer: true, ...(shown.awaiting.length ? { awaitingEditors: shown.awaiting } : {}) };
    }),
    problems,
  };
}
