/**
 * The editors' notes on entries, applied after each entry's answer is merged (merge-answer.ts):
 *
 * - a correction (sources/corrections.json) quotes a source's answer verbatim; the sentence or point of the
 *   merged answer that makes the quoted claim is replaced by the right statement, credited to the editors, and
 *   a note beside the answer says what the source got wrong. The original answers are left as they are.
 * - a note of kind `note` (something out of date or incomplete) is shown beside the answer, which is unchanged.
 * - a source's citations (manifest `citations`) become a note listing the references its answer draws on.
 *
 * A correction or citation that names no question, or whose quote is not in the question's answer, stops the
 * ingest: editorial notes must not silently come loose from the text they are about.
 */
import type { Emphasis, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Entry } from './entries.ts';
import { IngestError } from './errors.ts';
import type { Located, Variant } from './model.ts';
import { escapeText, parseUntrusted, serialise } from './markdown/untrusted.ts';
import type { Citation, Correction, Note, Ref } from './schema.ts';
import { matches } from './curate.ts';

export const EDITORS_CREDIT = "Editors' correction";

/** Editors' Markdown made MDX-safe the way source text is (no raw HTML, JSX or unsafe links). */
const editorMarkdown = (markdown: string) => serialise(parseUntrusted(markdown));

/** The plain text of Markdown, its blocks joined by spaces, whitespace collapsed: what a quote is matched on. */
export function plain(markdown: string | Nodes): string {
  const tree = typeof markdown === 'string' ? parseUntrusted(markdown) : markdown;
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'code' || node.type === 'math') {
      parts.push(toString(node));
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function findVariant(entries: readonly Entry[], ref: { source: string; line?: number; question?: string }): { entry: Entry; variant: Variant } | undefined {
  for (const entry of entries) {
    const variant = entry.variants.find(
      (v) =>
        v.source === ref.source &&
        (ref.line === undefined || v.line === ref.line) &&
        (ref.question === undefined || matches(v, { source: ref.source, question: ref.question })),
    );
    if (variant) return { entry, variant };
  }
  return undefined;
}

function describe(ref: { source: string; line?: number; question?: string }): string {
  const at = [ref.line !== undefined ? `at line ${ref.line}` : '', ref.question !== undefined ? `starting "${ref.question}"` : ''].filter(Boolean).join(', ');
  return `the question of "${ref.source}" ${at}`;
}

/** Finds the named question or stops the ingest, saying where the question went if only line or wording matches. */
function locate(entries: readonly Entry[], ref: { source: string; line?: number; question?: string }, where: Located<unknown>, what: string) {
  const found = findVariant(entries, ref);
  if (found) return found;
  const byWording = ref.question !== undefined ? findVariant(entries, { source: ref.source, question: ref.question }) : undefined;
  const byLine = ref.line !== undefined ? findVariant(entries, { source: ref.source, line: ref.line }) : undefined;
  const moved = byWording
    ? `; a question starting so is at line ${byWording.variant.line}: correct "line"`
    : byLine
      ? `; line ${ref.line} now asks "${byLine.variant.question}": correct "question" or "line"`
      : '';
  throw new IngestError(
    where.file,
    `${what} ${where.index + 1} names ${describe(ref)}, which is not in that source${moved}`,
    `name the question by its line in the source file and the start of its wording, or remove the ${what} if the source no longer asks it`,
    where.line,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Rewriting the merged answer

/** Sentence boundaries in a paragraph's Markdown; a leading "**Label:**" and a credit are segments of their own. */
const SENTENCE_BREAK = /(?<=[.!?]|\)\*)\s+(?=[A-Z*[$\\("“`])|(?<=^\*\*[^*]+:\*\*)\s+/;
/** The credit merge-answer.ts closes a point with: "*(Part 6, Flashcards)*", "*(200 Questions (book))*". */
const CREDIT = String.raw`\*\((?:[^()*]|\\\*|\([^()*]*\))+\)\*`;
const SOURCE_CREDIT = new RegExp(String.raw`\s*${CREDIT}$`);
/** A segment that is only a credit: the sources of the sentences before it. */
const ONLY_CREDIT = new RegExp(`^${CREDIT}$`);
const isCredit = (segment: string | undefined) => segment !== undefined && ONLY_CREDIT.test(segment.trim());
const isLabel = (node: RootContent | undefined): boolean =>
  node?.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'strong' && /:\s*$/.test(toString(node));

interface Target {
  /** The block that holds the claim, and its parent. */
  parent: Parent;
  node: RootContent;
  /** For a paragraph: the sentences making the claim, [from, to]; absent when the whole block goes. */
  window?: [number, number];
  /** The corrections that take the claim's place; none when the claim is dropped (the rest of a claim made across points). */
  replacements: string[];
}
type Place = Omit<Target, 'replacements'> & {
  /** Found by its words, not its quote: the wording the merge kept from another source. */
  likeness?: boolean;
};

interface Segments {
  sentences: string[];
  credit: string;
}

function segments(paragraph: Paragraph): Segments {
  const markdown = serialise({ type: 'root', children: [paragraph] });
  const found = SOURCE_CREDIT.exec(markdown);
  const body = found ? markdown.slice(0, found.index) : markdown;
  return { sentences: body.split(SENTENCE_BREAK).filter((s) => s.trim()), credit: found?.[0].trim() ?? '' };
}

/** The shortest run of sentences whose plain text contains the quote. */
function sentenceWindow(sentences: string[], quote: string): [number, number] | undefined {
  const texts = sentences.map((s) => plain(s));
  let best: [number, number] | undefined;
  for (let from = 0; from < texts.length; from++) {
    for (let to = from; to < texts.length; to++) {
      if (!texts.slice(from, to + 1).join(' ').includes(quote)) continue;
      if (!best || to - from < best[1] - best[0]) best = [from, to];
      break;
    }
  }
  return best;
}

const STOPWORDS = new Set('the and for are that this with from into its their which while than then also can does each such what when where will would been have has was were not but only more most other'.split(' '));
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !STOPWORDS.has(w)));
}
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}
/** A point of the merged answer is the quoted claim made again when it shares this much of its words. */
const SAME_CLAIM = 0.6;

interface Block {
  parent: Parent;
  node: RootContent;
  text: string;
}

function blocks(tree: Root): { paragraphs: (Block & { node: Paragraph })[]; containers: Block[] } {
  const paragraphs: (Block & { node: Paragraph })[] = [];
  const containers: Block[] = [];
  const walk = (parent: Parent) => {
    for (const node of parent.children as RootContent[]) {
      if (node.type === 'paragraph') paragraphs.push({ parent, node, text: plain(node) });
      else if (parent.type === 'root' || node.type === 'listItem') containers.push({ parent, node, text: plain(node as Nodes) });
      if ('children' in node && node.type !== 'paragraph') walk(node as Parent);
    }
  };
  walk(tree);
  return { paragraphs, containers };
}

/**
 * Where the claim is in the merged answer: the sentences of the paragraph holding the quote, or the smallest
 * list item or block holding it when it spans blocks, or (when merging kept another source's wording of the
 * same point) the sentence most like the one the source wrote.
 */
function findTargets(tree: Root, quote: string, claim: string): Place[] {
  const { paragraphs, containers } = blocks(tree);
  const inParagraph = (text: string): Place | undefined => {
    const block = paragraphs.find((b) => b.text.includes(text));
    return block && { parent: block.parent, node: block.node, window: sentenceWindow(segments(block.node).sentences, text) };
  };
  const whole = inParagraph(quote);
  if (whole) return [whole];
  // A claim the merge cut into several points: each of its sentences where it now is.
  const pieces = quote.split(/(?<=[.!?])\s+/);
  if (pieces.length > 1) {
    const places = pieces.map(inParagraph);
    if (places.every(Boolean)) return places as Place[];
  }
  const container = containers.filter((b) => b.text.includes(quote)).sort((a, b) => a.text.length - b.text.length)[0];
  if (container) return [{ parent: container.parent, node: container.node }];
  const claimWords = words(claim);
  let best: { block: (typeof paragraphs)[number]; index: number; score: number } | undefined;
  for (const block of paragraphs) {
    segments(block.node).sentences.forEach((sentence, index) => {
      const score = overlap(words(plain(sentence)), claimWords);
      if (score >= SAME_CLAIM && (!best || score > best.score)) best = { block, index, score };
    });
  }
  return best ? [{ parent: best.block.parent, node: best.block.node, window: [best.index, best.index], likeness: true }] : [];
}

/** The sentences of the source's own answer that make the quoted claim. */
function claimIn(answer: string, quote: string): string {
  const tree = parseUntrusted(answer);
  for (const block of blocks(tree).paragraphs) {
    if (!block.text.includes(quote)) continue;
    const { sentences } = segments(block.node);
    const window = sentenceWindow(sentences, quote);
    return window ? plain(sentences.slice(window[0], window[1] + 1).join(' ')) : block.text;
  }
  return quote;
}

/** Where a correction's claim is made: the answer, its quote there, and the sentences that make it. */
interface Said {
  entry: Entry;
  variant: Variant;
  quote: string;
  claim: string;
}

const credited = (replacements: string[]) => `${replacements.join(' ')} *(${escapeText(EDITORS_CREDIT)})*`;

function rewrite(target: Target): RootContent[] {
  const replacement = target.replacements.length ? parseUntrusted(credited(target.replacements)).children : [];
  if (!target.window || target.node.type !== 'paragraph') {
    // A list item keeps its place in the list; any other block is replaced by the correction's blocks.
    if (target.node.type === 'listItem') return [{ ...target.node, children: replacement as typeof target.node.children }];
    return replacement;
  }
  const { sentences, credit } = segments(target.node);
  const [from, to] = target.window;
  const before = sentences.slice(0, from);
  // The credit of the sentences replaced (a paragraph credits each run of sentences after it) goes with them:
  // the correction is the editors', and the note names the source it corrects.
  const after = sentences.slice(to + 1 + (isCredit(sentences[to + 1]) ? 1 : 0));
  // The sources' credit stays with what they said (not with a lone label): before the correction when it
  // ends the paragraph, at the end otherwise.
  const said = (part: string[]) => part.some((p) => !/^\*\*[^*]+:\*\*$/.test(p));
  const creditBefore = credit && !said(after) && said(before) ? [credit] : [];
  const creditAfter = credit && said(after) ? [credit] : [];
  const parts = [...before, ...creditBefore, ...(target.replacements.length ? [credited(target.replacements)] : []), ...after, ...creditAfter];
  // Nothing the source said is left and nothing replaces it: the block goes.
  if (!target.replacements.length && !said(parts.filter((p) => p !== credit))) return [];
  return parseUntrusted(parts.join(' ')).children;
}

/** Removes the list items and lists that dropping a claim left empty. */
function prune(node: Parent): void {
  node.children = (node.children as RootContent[]).filter((child) => {
    if (!('children' in child)) return true;
    prune(child as Parent);
    return !((child.type === 'listItem' || child.type === 'list') && child.children.length === 0);
  }) as typeof node.children;
}

/**
 * Applies the corrections of one entry to its merged answer: each quoted claim gives way to its correction,
 * credited to the editors. `placed` says, per correction, whether the answer made the claim at all.
 */
export function correctAnswer(
  answer: string,
  corrections: { quote: string; claim: string; text: string; also?: { quote: string; claim: string }[] }[],
  restates?: Restates,
): { answer: string; placed: boolean[] } {
  const tree = parseUntrusted(answer);
  const targets: Target[] = [];
  const placed = corrections.map(({ quote, claim, text, also = [] }) => {
    // The claim as each answer makes it: the correction takes the place of the first, the others go.
    const found = [{ quote, claim }, ...also].flatMap((said) => findTargets(tree, said.quote, said.claim));
    // Where an answer makes the claim in its own words, a wording found only by likeness is not it.
    const places = found.some((p) => !p.likeness) ? found.filter((p) => !p.likeness) : found;
    places.forEach(({ likeness: _, ...found }, i) => {
      // The correction takes the place of the claim's first sentence; the rest of the claim goes.
      const replacements = i === 0 ? [text] : [];
      const same = targets.find((t) => t.node === found.node && (!t.window || !found.window || (found.window[0] <= t.window[1] && t.window[0] <= found.window[1])));
      if (same) {
        // Two corrections of one sentence or point: one replacement saying both.
        if (same.window && found.window) same.window = [Math.min(same.window[0], found.window[0]), Math.max(same.window[1], found.window[1])];
        else same.window = undefined;
        same.replacements.push(...replacements);
      } else targets.push({ ...found, replacements });
    });
    return places.length > 0;
  });
  for (const target of targets) {
    const index = target.parent.children.indexOf(target.node as never);
    if (index === -1) continue;
    const next = target.parent.children[index + 1] as RootContent | undefined;
    // A label replaced as a whole takes the block it labels with it ("**Dense Loss:**" and its list).
    const wholeLabel = isLabel(target.node) && (!target.window || (target.window[0] === 0 && target.window[1] === segments(target.node as Paragraph).sentences.length - 1));
    const removeNext = wholeLabel && next !== undefined && !isLabel(next) ? 1 : 0;
    (target.parent.children as RootContent[]).splice(index, 1 + removeNext, ...rewrite(target));
  }
  prune(tree);
  if (restates) {
    for (const target of targets) if (target.replacements.length) absorbRestatements(tree, target.replacements.join(' '), restates);
    prune(tree);
  }
  return { answer: serialise(tree), placed };
}

/** Whether the text of `by` says again what `point` says (both Markdown, without credits). */
export type Restates = (point: string, by: string) => boolean;

const CREDIT_NAMES = /^\((.+)\)$/s;
const CREDITS = new RegExp(String.raw`\s*${CREDIT}`, 'g');
const withoutCredits = (markdown: string) => markdown.replace(CREDITS, '').trim();

/**
 * A correction is written after the merge, so other points of the answer may make its (right) claim in their
 * own words ("Without scaling, the dot products … push softmax into regions with very small gradients"): each
 * bullet it says again goes, and the sources that made it are credited with the correction.
 */
function absorbRestatements(tree: Root, correction: string, restates: Restates): void {
  const text = plain(correction);
  const items = tree.children.flatMap((node) => (node.type === 'list' ? node.children : []));
  const holder = items.find((item) => plain(item).includes(text));
  const credit = holder && findEditorsCredit(holder);
  if (!holder || !credit) return;
  const also: string[] = [];
  const alsoCredit = (names: string[]) => {
    for (const name of names) if (!also.includes(name)) also.push(name);
  };
  for (const item of items) {
    if (findEditorsCredit(item)) continue;
    if (restates(withoutCredits(serialise({ type: 'root', children: item.children })), correction)) {
      alsoCredit(creditsOf(item));
      item.children = [];
      continue;
    }
    // Or the sentences of its paragraph that say it again ("DistilBERT is … 40% smaller and 60% faster. It is
    // trained …"): they go, the rest of the bullet stays.
    const [first] = item.children;
    if (first?.type !== 'paragraph') continue;
    const { sentences, credit: last } = segments(first);
    const runs = [...sentences, ...(last ? [last] : [])];
    const dropped = runs.map((s) => !isCredit(s) && restates(withoutCredits(s), correction));
    if (!dropped.some(Boolean) || dropped.every((d, i) => d || isCredit(runs[i]))) continue;
    // A credit goes with the sentences before it when all of them went.
    let from = 0;
    runs.forEach((s, i) => {
      if (!isCredit(s)) return;
      const said = runs.slice(from, i).map((_, j) => from + j);
      if (said.length && said.every((j) => dropped[j])) {
        dropped[i] = true;
        alsoCredit(creditsOf(parseUntrusted(s)));
      }
      from = i + 1;
    });
    const rest = runs.filter((_, i) => !dropped[i]).join(' ');
    const holderParagraph = holder.children[0];
    // What is left leans on what went ("It is trained …"): it follows the correction that says it now.
    if (/^(?:It|Its|They|Their|This|These)\b/.test(rest) && item.children.length === 1 && holderParagraph?.type === 'paragraph') {
      const [moved] = parseUntrusted(rest).children;
      if (moved?.type === 'paragraph') {
        holderParagraph.children.push({ type: 'text', value: ' ' }, ...moved.children);
        item.children = [];
        continue;
      }
    }
    item.children = [...(parseUntrusted(rest).children as typeof item.children), ...item.children.slice(1)];
  }
  if (also.length) credit.children = [{ type: 'text', value: `(${EDITORS_CREDIT}; also ${also.join(', ')})` }];
}

function findEditorsCredit(node: Nodes): Emphasis | undefined {
  if (node.type === 'emphasis' && toString(node) === `(${EDITORS_CREDIT})`) return node;
  if (!('children' in node)) return undefined;
  let found: Emphasis | undefined;
  for (const child of node.children) found = findEditorsCredit(child as Nodes) ?? found;
  return found;
}

/** The source names of the credits in a bullet ("*(Part 6, 200 Questions (book))*"), in order. */
function creditsOf(node: Nodes): string[] {
  if (node.type === 'emphasis') {
    const inside = CREDIT_NAMES.exec(toString(node).trim())?.[1];
    return inside ? inside.split(/,\s*(?![^()]*\))/).map((s) => s.trim()) : [];
  }
  return 'children' in node ? node.children.flatMap((child) => creditsOf(child as Nodes)) : [];
}

// ---------------------------------------------------------------------------------------------------------
// Notes

/** A quote in running text: its closing punctuation gives way to the sentence's. */
const quoted = (markdown: string) => `“${markdown.trim().replace(/[.:;,]+(\**)$/, '$1')}”`;

/** The entries with the editors' corrections, notes and citations added, their merged answers corrected. */
export function applyEditorial(
  entries: readonly Entry[],
  corrections: Located<Correction>[],
  citations: Located<Citation & { source: string }>[],
  sourceName: (id: string) => string,
  restates?: (entry: Entry) => Restates,
): Entry[] {
  const byEntry = new Map<Entry, { correction: Correction; said: Said[] }[]>();
  for (const where of corrections) {
    const correction = where.item;
    const said = [correction, ...(correction.also ?? [])].map((ref) => {
      const { entry, variant } = locate(entries, ref, where, 'correction');
      const quote = plain(ref.quote);
      if (!variant.answer || !plain(variant.answer).includes(quote)) {
        throw new IngestError(
          where.file,
          `correction ${where.index + 1} quotes "${ref.quote}", which is not in the answer of ${variant.source}:${variant.line} ("${variant.question}")`,
          `quote the answer word for word (compare the variant's answer in public/kb.json), or remove the correction if the source no longer says it`,
          where.line,
        );
      }
      return { entry, variant, quote: ref.quote, claim: claimIn(variant.answer, quote) };
    });
    const entry = said[0]!.entry;
    const elsewhere = said.find((s) => s.entry !== entry);
    if (elsewhere) {
      throw new IngestError(
        where.file,
        `correction ${where.index + 1} names, in "also", ${elsewhere.variant.source}:${elsewhere.variant.line}, which is not an answer of the entry its first quote is in`,
        'list in "also" only the same claim made in other answers of the same entry; write a correction of its own for another entry',
        where.line,
      );
    }
    const list = byEntry.get(entry) ?? [];
    list.push({ correction, said });
    byEntry.set(entry, list);
  }
  const answers = new Map<Entry, string | null>();
  const notes = new Map<Entry, Note[]>(entries.map((e) => [e, [...e.notes]]));
  for (const [entry, list] of byEntry) {
    const fixes = list.filter((c) => c.correction.kind === 'correction');
    // The editors wrote their answer with the right statements in it: it must credit a correction for them.
    if (entry.editorsAnswer && fixes.length && !entry.answer!.includes(EDITORS_CREDIT)) {
      const first = corrections.find((c) => c.item === fixes[0]!.correction)!;
      throw new IngestError(
        first.file,
        `correction ${first.index + 1} corrects "${entry.question}", whose editors' answer (sources/answers.json) credits no point to "correction"`,
        'state the right statement in the editors\' answer and add "correction" to that point\'s "from"',
        first.line,
      );
    }
    const placed = entry.editorsAnswer
      ? { answer: entry.answer, placed: fixes.map(() => true) }
      : entry.answer
      ? correctAnswer(
          entry.answer,
          fixes.map(({ correction, said: [first, ...also] }) => ({
            quote: plain(first!.quote),
            claim: first!.claim,
            text: editorMarkdown(correction.correction),
            also: also.map((s) => ({ quote: plain(s.quote), claim: s.claim })),
          })),
          restates?.(entry),
        )
      : { answer: entry.answer, placed: fixes.map(() => false) };
    answers.set(entry, placed.answer);
    for (const { correction, said: places } of list) {
      const refs = correction.refs.map(cleanRef);
      if (correction.kind === 'note') {
        notes.get(entry)!.push({ kind: 'note', text: editorMarkdown(correction.correction), refs });
        continue;
      }
      // What the source said and what is wrong with it; the right statement is in the answer, or here if the
      // merged answer no longer makes the claim in any form.
      const inAnswer = placed.placed[fixes.findIndex((f) => f.correction === correction)];
      // Where the claim is made more than once, the note quotes every place once.
      const said = `${places.map((s) => `*${escapeText(sourceName(s.variant.source))}*, line ${s.variant.line}, says ${quoted(editorMarkdown(s.quote))}`).join('; ')}.`;
      const text = [`${said} ${editorMarkdown(correction.problem!)}`, inAnswer ? '' : editorMarkdown(correction.correction)].filter(Boolean).join('\n\n');
      notes.get(entry)!.push({ kind: 'correction', text, refs });
    }
  }
  // One note per source of an entry: a source that answers it in two wordings cites its works once.
  const cited = new Map<Entry, Map<string, Note>>();
  for (const where of citations) {
    const { entry, variant } = locate(entries, { ...where.item, source: where.item.source }, where, 'citation');
    const bySource = cited.get(entry) ?? new Map<string, Note>();
    cited.set(entry, bySource);
    const refs = where.item.refs.map(cleanRef);
    const note = bySource.get(variant.source);
    if (note) {
      note.refs.push(...refs.filter((r) => !note.refs.some((known) => known.url === r.url)));
      continue;
    }
    // The whole answer, or the points credited to this source when the entry merges several.
    const alone = entry.variants.every((v) => !v.answer || v.source === variant.source);
    const text = alone ? 'References for this answer:' : `References for the points from ${escapeText(sourceName(variant.source))}:`;
    const added: Note = { kind: 'note', text, refs };
    bySource.set(variant.source, added);
    notes.get(entry)!.push(added);
  }
  return entries.map((entry) => ({
    ...entry,
    answer: answers.has(entry) ? answers.get(entry)! : entry.answer,
    // Corrections first, then notes, each in the order of the file.
    notes: notes.get(entry)!.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'correction' ? -1 : 1)),
  }));
}

const cleanRef = (ref: Ref): Ref => ({ title: ref.title.trim(), url: ref.url.trim() });
